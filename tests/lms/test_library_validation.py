"""A village library's mentor must be a kabupaten/kota library of the same regency."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from lms.models import MENTOR_ONLY_FOR_VILLAGES, Library
from tests.lms import factories

pytestmark = pytest.mark.django_db


def test_village_mentored_by_its_own_regency_library_is_valid(village_library):
    village_library.full_clean()


def test_mentor_from_another_regency_is_refused(village_library):
    elsewhere = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")
    village_library.mentor_library = elsewhere
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        village_library.full_clean()
    message = caught.value.message_dict["mentor_library"][0]
    assert "same regency" in message
    assert str(elsewhere.regency) in message


def test_mentor_must_be_a_regency_library(village_library):
    other_village = factories.library(
        kind=Library.Kind.VILLAGE, regency=village_library.regency, name="Perpustakaan Desa Senduro"
    )
    village_library.mentor_library = other_village
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        village_library.full_clean()
    assert "kabupaten/kota library" in caught.value.message_dict["mentor_library"][0]


def test_a_regency_library_has_no_mentor(regency_library):
    peer = factories.library(kind=Library.Kind.REGENCY, regency=regency_library.regency)
    regency_library.mentor_library = peer
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        regency_library.full_clean()
    assert caught.value.message_dict["mentor_library"] == [str(MENTOR_ONLY_FOR_VILLAGES)]


def test_tbm_may_be_mentored(regency_library):
    tbm = factories.library(
        kind=Library.Kind.TBM, regency=regency_library.regency, mentor_library=regency_library
    )
    tbm.full_clean()


def test_admin_form_shows_the_error_in_indonesian(client, programme_admin, village_library):
    elsewhere = factories.library(kind=Library.Kind.REGENCY)
    client.force_login(programme_admin)
    url = f"/admin/snippets/lms/library/edit/{village_library.pk}/"
    data = {
        "code": village_library.code,
        "name": village_library.name,
        "kind": village_library.kind,
        "regency": village_library.regency_id,
        "village": "",
        "mentor_library": elsewhere.pk,
        "joined_phase": "",
        "joined_year": "",
        "computers": 3,
        "bandwidth_mbps": "2",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "harus berada di kabupaten/kota yang sama" in response.content.decode()
    village_library.refresh_from_db()
    assert village_library.mentor_library_id != elsewhere.pk
