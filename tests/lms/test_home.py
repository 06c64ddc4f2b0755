"""The home page shows each person what matters to their role, at a fixed query cost."""

import pytest

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


@pytest.mark.parametrize("villages", [2, 40])
def test_mentor_home_query_count_does_not_grow(
    client, regency_library, django_assert_num_queries, villages
):
    mentor = factories.user(role=Role.MENTOR, library=regency_library)
    for n in range(villages):
        village = factories.library(regency=regency_library.regency, mentor_library=regency_library)
        if n % 2:
            factories.user(library=village)
    client.force_login(mentor)
    # session, user, profile, roles, mentored libraries
    with django_assert_num_queries(5):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("libraries", [3, 60])
def test_admin_home_query_count_does_not_grow(
    client, programme_admin, django_assert_num_queries, libraries
):
    for _ in range(libraries):
        factories.library()
    client.force_login(programme_admin)
    # session, user, profile, roles, 4 network counts
    with django_assert_num_queries(8):
        assert client.get("/").status_code == 200
