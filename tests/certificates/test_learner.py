"""A learner's own certificates ("Sertifikat saya"), the home panel and PDF downloads."""

import hashlib
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.views.learner import home_panel
from lms.roles import Role
from lms.selectors import staff_profile_for
from tests.lms import factories as people

from . import factories

FAKE_PDF = b"%PDF-1.7\n% a stored certificate\n%%EOF\n"


def stored(certificate: Certificate, pdf: bytes = FAKE_PDF) -> Certificate:
    """Gives a certificate a stored PDF, as the worker would have."""
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    certificate.sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.save(update_fields=["pdf", "sha256"])
    return certificate


def another_training():
    """A subject of its own: one person holds one valid certificate per achievement."""
    return people.library(name="Pelatihan lain")


@pytest.fixture
def holder_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def mentor(regency_library):
    """A mentor at the kabupaten library that mentors the learner's village library."""
    return people.user(role=Role.MENTOR, library=regency_library, username="pendamping-uji")


# The list


def test_the_page_needs_a_sign_in(client, db):
    response = client.get(reverse("certificates:mine"))
    assert response.status_code == 302
    assert reverse("lms:login") in response.url


def test_a_person_without_certificates_sees_a_clear_empty_state(holder_client):
    holder_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = holder_client.get(reverse("certificates:mine"))
    assert response.status_code == 200
    assert b'id="no-certificates"' in response.content
    assert b"You have no certificates yet." in response.content


def test_the_list_shows_own_certificates_newest_first(holder_client, learner, village_library):
    older = factories.certificate(
        recipient=learner, subject=another_training(), issued_on=date(2025, 1, 10)
    )
    newer = factories.certificate(
        recipient=learner,
        subject=another_training(),
        issued_on=date(2026, 2, 3),
        achievement_title="Pelatihan Literasi Digital",
        status=Certificate.Status.SUPERSEDED,
    )
    newest = factories.certificate(
        recipient=learner, subject=village_library, issued_on=date(2026, 5, 15)
    )
    someone_else = people.user(library=village_library)
    theirs = factories.certificate(recipient=someone_else, subject=village_library)

    response = holder_client.get(reverse("certificates:mine"))

    body = response.content.decode()
    codes = [c.code for c in (newest, newer, older)]
    positions = [body.index(f'id="cert-{code}"') for code in codes]
    assert positions == sorted(positions)
    assert theirs.code not in body
    assert "Pelatihan Literasi Digital" in body
    assert reverse("certificates:download", args=[newest.code]) in body
    assert reverse("certificates:verify", args=[newest.code]) in body


def test_each_certificate_shows_its_status_today(holder_client, learner, village_library):
    today = timezone.localdate()
    valid = factories.certificate(recipient=learner, subject=village_library)
    expired = factories.certificate(
        recipient=learner,
        subject=another_training(),
        issued_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=1),
    )
    revoked = factories.certificate(
        recipient=learner,
        subject=village_library,
        status=Certificate.Status.REVOKED,
        revoke_reason="Data kehadiran keliru.",
    )
    holder_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = holder_client.get(reverse("certificates:mine"))
    body = response.content.decode()
    assert f'data-code="{valid.code}" data-status="valid"' in body
    assert f'data-code="{expired.code}" data-status="expired"' in body
    assert f'data-code="{revoked.code}" data-status="revoked"' in body
    assert "Data kehadiran keliru." in body
    # A revoked certificate offers its verification page, not its PDF.
    assert reverse("certificates:download", args=[revoked.code]) not in body
    assert reverse("certificates:verify", args=[revoked.code]) in body
    assert reverse("certificates:download", args=[expired.code]) in body


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_costs_the_same_queries_for_1_and_20_certificates(
    holder_client, learner, village_library, count, django_assert_num_queries
):
    for _ in range(count):
        factories.certificate(recipient=learner, subject=another_training())
    # Session, user, the certificates, the user's roles (for the menu).
    with django_assert_num_queries(4):
        response = holder_client.get(reverse("certificates:mine"))
    assert response.content.count(b'class="card cert"') == count


# The home panel


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_home_panel_counts_valid_and_all_certificates(learner, village_library):
    factories.certificate(recipient=learner, subject=village_library)
    factories.certificate(
        recipient=learner, subject=village_library, status=Certificate.Status.REVOKED
    )
    panel = home_panel(_request(learner))
    assert [value for _label, value in panel.rows] == [1, 2]
    assert panel.links[0].url == reverse("certificates:mine")
    assert panel.order == 30


def test_no_home_panel_without_a_certificate(learner):
    assert home_panel(_request(learner)) is None


def test_the_home_panel_costs_one_query_after_the_profile(
    learner, village_library, django_assert_num_queries
):
    factories.certificate(recipient=learner, subject=village_library)
    request = _request(learner)
    staff_profile_for(learner)  # the home page has read it already
    with django_assert_num_queries(1):
        assert home_panel(request) is not None


def test_no_home_panel_and_no_query_for_people_without_a_library(
    programme_admin, village_library, django_assert_num_queries
):
    factories.certificate(recipient=programme_admin, subject=village_library)
    staff_profile_for(programme_admin)
    with django_assert_num_queries(0):
        assert home_panel(_request(programme_admin)) is None


def test_the_home_page_links_to_my_certificates(holder_client, learner, village_library):
    factories.certificate(recipient=learner, subject=village_library)
    response = holder_client.get(reverse("lms:home"))
    assert reverse("certificates:mine").encode() in response.content


# Downloads


def test_the_holder_downloads_the_stored_pdf(holder_client, learner, village_library):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    response = holder_client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="sertifikat-{certificate.code}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == FAKE_PDF


def test_a_code_typed_in_lower_case_still_downloads(holder_client, learner, village_library):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    response = holder_client.get(reverse("certificates:download", args=[certificate.code.lower()]))
    assert response.status_code == 200


def test_download_needs_a_sign_in(client, learner, village_library):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    response = client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 302


def test_another_learner_gets_not_found(client, learner, village_library):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    client.force_login(people.user(library=village_library))
    response = client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 404


def test_the_holders_mentor_and_programme_admins_may_download(
    client, learner, village_library, mentor, programme_admin
):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    for user in (mentor, programme_admin):
        client.force_login(user)
        response = client.get(reverse("certificates:download", args=[certificate.code]))
        assert response.status_code == 200, user


def test_a_mentor_elsewhere_or_a_colleague_without_the_role_gets_not_found(
    client, learner, village_library, regency_library
):
    certificate = stored(factories.certificate(recipient=learner, subject=village_library))
    other_regency = people.library(kind="regency")
    people.library(mentor_library=other_regency, regency=other_regency.regency)
    elsewhere = people.user(role=Role.MENTOR, library=other_regency)
    no_role = people.user(role=Role.LEARNER, library=regency_library)
    for user in (elsewhere, no_role):
        client.force_login(user)
        response = client.get(reverse("certificates:download", args=[certificate.code]))
        assert response.status_code == 404, user


@pytest.mark.parametrize("code", ["SBY-0000-0000-0000", "bukan-kode", "x"])
def test_unknown_or_malformed_codes_are_not_found(holder_client, code):
    response = holder_client.get(reverse("certificates:download", args=[code]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (Certificate.Status.REVOKED, b"was revoked"),
        (Certificate.Status.SUPERSEDED, b"replaced by a newer one"),
    ],
)
def test_a_revoked_or_superseded_certificate_shows_a_message_instead_of_the_file(
    holder_client, learner, village_library, status, text
):
    certificate = stored(
        factories.certificate(recipient=learner, subject=village_library, status=status)
    )
    holder_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = holder_client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert text in response.content
    assert reverse("certificates:verify", args=[certificate.code]).encode() in response.content


def test_a_missing_pdf_is_rendered_on_download(holder_client, learner, village_library):
    certificate = factories.certificate(recipient=learner, subject=village_library)
    assert not certificate.is_rendered

    response = holder_client.get(reverse("certificates:download", args=[certificate.code]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.is_rendered


def test_a_failed_render_gives_a_friendly_try_again_page(
    holder_client, learner, village_library, monkeypatch
):
    certificate = factories.certificate(recipient=learner, subject=village_library)

    def broken(certificate):
        raise RuntimeError("font missing")

    monkeypatch.setattr("certificates.rendering.render_pdf", broken)
    holder_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = holder_client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert b"still being prepared" in response.content
    certificate.refresh_from_db()
    # The record stays, with the error kept for the admins.
    assert certificate.status == Certificate.Status.VALID
    assert "font missing" in certificate.render_error
