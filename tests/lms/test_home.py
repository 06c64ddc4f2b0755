"""The home page shows each person what matters to their role, at a fixed query cost."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import Library
from lms.roles import Role
from tests.lms import factories

pytestmark = pytest.mark.django_db


def home_html(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_learner_sees_her_library_and_mentor(client, learner, village_library):
    html = home_html(client, learner)
    assert "Selamat datang, Staf" in html
    assert village_library.name in html
    assert village_library.mentor_library.name in html
    # Panels for other roles stay hidden.
    assert "Perpustakaan dampingan Anda" not in html
    assert "/admin/snippets/lms/library/" not in html


def test_mentor_sees_only_the_libraries_her_library_mentors(
    client, regency_library, village_library
):
    mentor = factories.user(role=Role.MENTOR, library=regency_library)
    factories.user(library=village_library)
    other_district = factories.library(kind=Library.Kind.REGENCY)
    factories.library(
        name="Perpustakaan Desa Lain", regency=other_district.regency, mentor_library=other_district
    )
    html = home_html(client, mentor)
    assert "Perpustakaan dampingan Anda" in html
    assert village_library.name in html
    assert "Perpustakaan Desa Lain" not in html


def test_programme_admin_sees_network_figures_and_admin_links(
    client, programme_admin, village_library
):
    html = home_html(client, programme_admin)
    assert "/admin/snippets/lms/library/" in html
    assert "/admin/snippets/lms/staffprofile/" in html


def test_trainer_is_pointed_to_the_admin(client, regency_library):
    trainer = factories.user(role=Role.TRAINER, library=regency_library)
    html = home_html(client, trainer)
    assert 'href="/admin/"' in html


def test_account_without_profile_is_told_what_to_do(client):
    user = factories.user(role=Role.LEARNER)
    user.staff_profile.delete()
    assert "belum punya profil staf" in home_html(client, user)


def home_queries(client, user) -> int:
    client.force_login(user)
    client.get("/")  # warm per-process caches (content types, site)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_mentor_home_query_count_does_not_grow(client):
    """The same cost for a district mentoring 2 or 40 villages. (Installed apps add their
    own panels, each at a fixed cost, so the bound allows for them.)"""

    def cost(villages: int) -> int:
        district = factories.library(kind=Library.Kind.REGENCY)
        mentor = factories.user(role=Role.MENTOR, library=district)
        for n in range(villages):
            village = factories.library(regency=district.regency, mentor_library=district)
            if n % 2:
                factories.user(library=village)
        return home_queries(client, mentor)

    small = cost(2)
    assert cost(40) == small
    # monitoring adds three: the menu asks for the person's area, and the reports panel
    # counts the late reports of her libraries in two.
    assert small <= 13


def test_admin_home_query_count_does_not_grow(client, programme_admin):
    small = home_queries(client, programme_admin)
    for _ in range(60):
        factories.library()
    assert home_queries(client, programme_admin) == small
    # session, user, profile, roles, 4 network counts; the meetings panel adds its two
    expected = 8 + (2 if apps.is_installed("peer_learning") else 0)
    assert small == expected
