"""Every certificate of one achievement as one ZIP, for the people who manage it."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from lms.roles import Role
from tests.lms import factories as people

from . import factories
from .test_learner import FAKE_PDF, stored


def bundle_url(subject, kind=factories.TEST_KIND, subject_type_id=None, subject_id=None):
    return reverse(
        "certificates:bundle",
        kwargs={
            "kind": kind,
            "subject_type_id": subject_type_id or ContentType.objects.get_for_model(subject).pk,
            "subject_id": subject_id or subject.pk,
        },
    )


def unzip(response) -> dict[str, bytes]:
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def mentor(regency_library):
    return people.user(role=Role.MENTOR, library=regency_library)


@pytest.fixture
def holders(village_library):
    return [
        people.user(library=village_library, first_name=name)
        for name in ("Siti Nurhaliza Rahmawati", "Agus Salim", "Ni Luh Putu Ayu")
    ]


@pytest.fixture
def issued(holders, village_library):
    return [
        stored(factories.certificate(recipient=holder, subject=village_library))
        for holder in holders
    ]


def test_a_mentor_of_the_library_downloads_every_valid_certificate(
    client, mentor, issued, holders, village_library
):
    today = timezone.localdate()
    revoked = stored(
        factories.certificate(
            recipient=holders[0], subject=village_library, status=Certificate.Status.REVOKED
        )
    )
    other_kind = stored(
        factories.certificate(
            recipient=holders[1],
            subject=village_library,
            status=Certificate.Status.VALID,
            kind="test_training_old",
        )
    )
    past = stored(
        factories.certificate(
            recipient=people.user(library=village_library),
            subject=village_library,
            expires_on=today - timedelta(days=1),
        )
    )
    client.force_login(mentor)

    response = client.get(bundle_url(village_library))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert ".zip" in response["Content-Disposition"]
    files = unzip(response)
    assert sorted(files) == sorted(
        [
            f"siti-nurhaliza-rahmawati-{issued[0].code}.pdf",
            f"agus-salim-{issued[1].code}.pdf",
            f"ni-luh-putu-ayu-{issued[2].code}.pdf",
        ]
    )
    assert all(pdf == FAKE_PDF for pdf in files.values())
    for left_out in (revoked, other_kind, past):
        assert not any(left_out.code in name for name in files)


def test_programme_admins_may_download_any_bundle(client, programme_admin, issued, village_library):
    client.force_login(programme_admin)
    response = client.get(bundle_url(village_library))
    assert response.status_code == 200
    assert len(unzip(response)) == 3


def test_a_learner_or_a_mentor_elsewhere_is_refused(client, issued, holders, village_library):
    other = people.library(kind="regency")
    elsewhere = people.user(role=Role.MENTOR, library=other)
    for user in (holders[0], elsewhere):
        client.force_login(user)
        assert client.get(bundle_url(village_library)).status_code == 403


def test_a_bundle_needs_a_sign_in(client, issued, village_library):
    response = client.get(bundle_url(village_library))
    assert response.status_code == 302


def test_an_unknown_kind_or_subject_is_not_found(client, programme_admin, issued, village_library):
    client.force_login(programme_admin)
    user_type = ContentType.objects.get_for_model(get_user_model()).pk
    for url in (
        bundle_url(village_library, kind="no_such_kind"),
        bundle_url(village_library, subject_id=987654),
        bundle_url(village_library, subject_type_id=987654),
        # A real object, but not the kind's subject.
        bundle_url(village_library, subject_type_id=user_type, subject_id=programme_admin.pk),
    ):
        assert client.get(url).status_code == 404, url


def test_a_subject_without_valid_certificates_says_so(client, programme_admin, village_library):
    client.force_login(programme_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(bundle_url(village_library))
    assert response.status_code == 404
    assert b"No valid certificates" in response.content


def test_missing_pdfs_are_rendered_first_in_one_call(
    client, mentor, holders, village_library, monkeypatch
):
    waiting = [
        factories.certificate(recipient=holder, subject=village_library) for holder in holders
    ]
    calls = []

    def render_pdfs(certificates):
        calls.append([c.code for c in certificates])
        return [f"%PDF-1.7 {c.code}".encode() for c in certificates]

    monkeypatch.setattr("certificates.rendering.render_pdfs", render_pdfs)
    client.force_login(mentor)

    files = unzip(client.get(bundle_url(village_library)))

    assert len(calls) == 1
    assert sorted(calls[0]) == sorted(c.code for c in waiting)
    for certificate in waiting:
        (name,) = [n for n in files if certificate.code in n]
        assert files[name] == f"%PDF-1.7 {certificate.code}".encode()
        certificate.refresh_from_db()
        assert certificate.is_rendered


def test_a_pdf_that_cannot_be_rendered_gives_a_try_again_page(
    client, mentor, issued, holders, village_library, monkeypatch
):
    factories.certificate(recipient=people.user(library=village_library), subject=village_library)

    def broken(certificate):
        raise RuntimeError("no fonts")

    monkeypatch.setattr("certificates.rendering.render_pdf", broken)
    client.force_login(mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(bundle_url(village_library))
    assert response.status_code == 503
    assert b"still being prepared" in response.content
