"""The admin listings of libraries and staff: filters, search, denials, fixed query cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import Library
from lms.roles import Role
from tests.lms import factories

pytestmark = pytest.mark.django_db

LIBRARIES = "/admin/snippets/lms/library/"
STAFF = "/admin/snippets/lms/staffprofile/"


def build_network(size: int) -> None:
    district = factories.library(kind=Library.Kind.REGENCY)
    for _ in range(size):
        village = factories.library(regency=district.regency, mentor_library=district)
        factories.user(library=village)


@pytest.mark.parametrize("url", [LIBRARIES, STAFF])
def test_listing_query_count_is_the_same_for_10_and_200_rows(client, programme_admin, url):
    client.force_login(programme_admin)
    build_network(10)
    client.get(url)  # warm per-process caches (content types, site)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    build_network(190)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert len(small) == len(large), [q["sql"] for q in large.captured_queries]
    assert len(large) <= 25


def test_library_listing_filters_by_kind_and_searches(client, programme_admin, village_library):
    client.force_login(programme_admin)
    html = client.get(LIBRARIES, {"kind": "regency"}).content.decode()
    assert "Perpustakaan Kab. Lumajang" in html and "Tunas Bangsa" not in html
    factories.library(name="Perpustakaan Desa Senduro", regency=village_library.regency)
    html = client.get(LIBRARIES, {"q": "tunas"}).content.decode()
    assert "Tunas Bangsa" in html and "Senduro" not in html


def test_staff_listing_filters_by_gender_and_searches(client, programme_admin, village_library):
    factories.user(library=village_library, first_name="Sri Wahyuni", gender="female")
    factories.user(library=village_library, first_name="Budi Santoso", gender="male")
    client.force_login(programme_admin)
    html = client.get(STAFF, {"gender": "male"}).content.decode()
    assert "Budi Santoso" in html and "Sri Wahyuni" not in html
    html = client.get(STAFF, {"q": "wahyuni"}).content.decode()
    assert "Sri Wahyuni" in html and "Budi Santoso" not in html


@pytest.mark.parametrize("url", [LIBRARIES, STAFF, LIBRARIES + "add/"])
def test_trainer_cannot_manage_the_network(client, regency_library, url):
    trainer = factories.user(role=Role.TRAINER, library=regency_library)
    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", [LIBRARIES, STAFF])
def test_learner_is_kept_out_of_the_admin(client, learner, url):
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_creates_a_village_library(client, programme_admin, regency_library):
    client.force_login(programme_admin)
    response = client.post(
        LIBRARIES + "add/",
        {
            "code": "lumajang-senduro",
            "name": "Perpustakaan Desa Senduro",
            "kind": "village",
            "regency": regency_library.regency_id,
            "village": "Senduro",
            "mentor_library": regency_library.pk,
            "joined_phase": "phase2",
            "joined_year": "2014",
            "computers": "3",
            "bandwidth_mbps": "4.5",
        },
    )
    assert response.status_code == 302
    library = Library.objects.get(code="lumajang-senduro")
    assert library.mentor_library == regency_library and library.computers == 3
