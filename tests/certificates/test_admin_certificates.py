"""The certificates listing and detail page in the admin: read-only, filters, search,
revoke, reissue, render again, download, and a trainer refused everywhere."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from certificates.models import Batch, Certificate, Rendition
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories
from .admin_helpers import FAKE_PDF, admin_in_english, with_pdf

pytestmark = pytest.mark.django_db

LISTING = "/admin/certificates/"


@pytest.fixture
def admin_client(client, programme_admin):
    return admin_in_english(client, programme_admin)


@pytest.fixture
def holder(village_library):
    return lms_factories.user(library=village_library, first_name="Siti Nurhaliza")


@pytest.fixture
def certificate(holder, village_library, certificate_template):
    return factories.certificate(recipient=holder, subject=village_library)


def url(name, certificate):
    return reverse(f"certificates_admin:{name}", args=[certificate.pk])


def build_certificates(count, library):
    for _ in range(count):
        person = lms_factories.user(library=library)
        factories.certificate(recipient=person, subject=library)


def test_listing_query_count_is_the_same_for_5_and_40_certificates(
    admin_client, village_library, certificate_template
):
    build_certificates(5, village_library)
    admin_client.get(LISTING)  # warm per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(LISTING).status_code == 200
    build_certificates(35, village_library)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(LISTING)
    assert response.status_code == 200
    assert response.content.decode().count("/admin/certificates/") >= 40
    assert len(few) == len(many), [q["sql"] for q in many.captured_queries]
    assert len(many) <= 15


def test_listing_shows_the_columns_and_no_way_to_add_edit_or_delete(admin_client, certificate):
    with_pdf(certificate)
    with translation.override("en"):
        html = admin_client.get(LISTING).content.decode()
    for text in (certificate.code, "Siti Nurhaliza", certificate.achievement_title, "Valid"):
        assert text in html
    assert "PDF ready" in html and "Issued on" in html
    assert "/admin/certificates/new/" not in html and "/edit/" not in html
    for path in ("new/", f"edit/{certificate.pk}/", f"delete/{certificate.pk}/"):
        assert admin_client.get(LISTING + path).status_code == 404
    assert admin_client.post(LISTING + f"delete/{certificate.pk}/").status_code == 404
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_listing_filters_by_status_kind_and_issue_date(admin_client, certificate, village_library):
    other = lms_factories.user(library=village_library, first_name="Budi Santoso")
    revoked = factories.certificate(
        recipient=other,
        subject=village_library,
        status=Certificate.Status.REVOKED,
        issued_on=date(2025, 1, 10),
    )
    expired = factories.certificate(
        recipient=lms_factories.user(library=village_library, first_name="Rina Expired"),
        subject=village_library,
        expires_on=timezone.localdate() - timedelta(days=3),  # valid in the table, past date
    )

    def codes(**params):
        html = admin_client.get(LISTING, params).content.decode()
        return {c.code for c in (certificate, revoked, expired) if c.code in html}

    assert codes(status="revoked") == {revoked.code}
    assert codes(status="valid") == {certificate.code}
    assert codes(status="expired") == {expired.code}
    assert codes(kind=factories.TEST_KIND) == {certificate.code, revoked.code, expired.code}
    assert codes(issued_on_to="2025-12-31") == {revoked.code}
    assert codes(issued_on_from="2026-01-01") == {certificate.code, expired.code}


def test_listing_searches_by_code_or_name(admin_client, certificate, village_library):
    other = factories.certificate(
        recipient=lms_factories.user(library=village_library, first_name="Budi Santoso"),
        subject=village_library,
    )
    html = admin_client.get(LISTING, {"q": "nurhaliza"}).content.decode()
    assert certificate.code in html and other.code not in html
    html = admin_client.get(LISTING, {"q": other.code.lower()}).content.decode()
    assert other.code in html and certificate.code not in html


def test_detail_page_shows_every_field_digests_errors_and_batches(admin_client, certificate):
    with_pdf(certificate)
    Rendition.objects.create(certificate=certificate, sha256="ab" * 32, size=41234)
    certificate.render_error = "OSError: font missing"
    certificate.save()
    batch = Batch.objects.create(title="Issue: Pelatihan uji – Tunas Bangsa", total=1)
    batch.certificates.add(certificate)
    with translation.override("en"):
        html = admin_client.get(url("inspect", certificate)).content.decode()
    for text in (
        certificate.code,
        "Siti Nurhaliza",
        "Pelatihan uji",  # the kind's label
        "Perpustakaan Desa Tunas Bangsa",
        "Kabupaten Lumajang",
        certificate.sha256,
        "ab" * 32,
        "41234",
        "OSError: font missing",
        "Issue: Pelatihan uji – Tunas Bangsa",
        reverse("certificates:verify", args=[certificate.code]),
        url("pdf", certificate),
        url("revoke", certificate),
        url("reissue", certificate),
    ):
        assert text in html, text


def test_revoke_asks_for_confirmation_and_a_reason(admin_client, certificate, programme_admin):
    with translation.override("en"):
        page = admin_client.get(url("revoke", certificate))
        assert page.status_code == 200 and "Reason" in page.content.decode()
        response = admin_client.post(url("revoke", certificate), {"reason": "  "})
    assert response.status_code == 200
    assert "Write the reason for revoking" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID and certificate.revoked_at is None

    response = admin_client.post(url("revoke", certificate), {"reason": "Data kehadiran palsu"})
    assert response.status_code == 302 and response["Location"] == url("inspect", certificate)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Data kehadiran palsu"
    assert certificate.revoked_by == programme_admin
    # A second press changes nothing: the first reason stands.
    admin_client.post(url("revoke", certificate), {"reason": "Lain"})
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Data kehadiran palsu"


def test_revoking_a_superseded_certificate_is_refused(admin_client, certificate):
    certificate.status = Certificate.Status.SUPERSEDED
    certificate.save()
    response = admin_client.post(url("revoke", certificate), {"reason": "Salah"}, follow=True)
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED and not certificate.revoke_reason


def test_reissue_creates_a_new_code_and_supersedes_the_old(
    admin_client, certificate, programme_admin, django_capture_on_commit_callbacks
):
    page = admin_client.get(url("reissue", certificate))
    assert page.status_code == 200
    assert Certificate.objects.count() == 1  # nothing changes on GET
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client.post(url("reissue", certificate))
    new = Certificate.objects.exclude(pk=certificate.pk).get()
    assert response.status_code == 302 and response["Location"] == url("inspect", new)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    assert certificate.superseded_by == new
    assert new.code != certificate.code and new.status == Certificate.Status.VALID
    assert new.issued_on == timezone.localdate() and new.issued_by == programme_admin
    assert len(callbacks) == 1  # its PDF is rendered after commit
    # Pressing again gives the same new certificate, not a third one.
    admin_client.post(url("reissue", certificate))
    assert Certificate.objects.count() == 2


def test_render_again_makes_a_batch_of_one(admin_client, certificate):
    with_pdf(certificate)
    response = admin_client.post(url("rerender", certificate))
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_batches:inspect", args=[batch.pk])
    assert list(batch.certificates.all()) == [certificate]
    certificate.refresh_from_db()
    assert certificate.sha256 == ""  # to be rendered again


def test_download_serves_the_stored_pdf(admin_client, certificate):
    response = admin_client.get(url("pdf", certificate))
    assert response.status_code == 302  # not rendered yet: back to the certificate
    assert response["Location"] == url("inspect", certificate)
    with_pdf(certificate)
    response = admin_client.get(url("pdf", certificate))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.code}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == FAKE_PDF


def test_unknown_certificate_is_not_found(admin_client):
    assert admin_client.get("/admin/certificates/999999/").status_code == 404
    assert (
        admin_client.post("/admin/certificates/999999/revoke/", {"reason": "x"}).status_code == 404
    )


def _every_admin_url(template, rule, certificate, batch):
    snippet = "/admin/snippets/certificates/"
    return [
        f"{snippet}certificatetemplate/",
        f"{snippet}certificatetemplate/add/",
        f"{snippet}certificatetemplate/edit/{template.pk}/",
        f"{snippet}certificatetemplate/delete/{template.pk}/",
        f"{snippet}certificatetemplate/preview/",
        f"{snippet}certificatetemplate/preview/{template.pk}/",
        f"{snippet}certificatetemplate/rerender/{template.pk}/",
        f"{snippet}certificatetemplate/history/{template.pk}/",
        f"{snippet}certificatetemplate/usage/{template.pk}/",
        "/admin/snippets/choose/certificates/certificatetemplate/",
        f"{snippet}kindrule/",
        f"{snippet}kindrule/add/",
        f"{snippet}kindrule/edit/{rule.pk}/",
        f"{snippet}kindrule/delete/{rule.pk}/",
        LISTING,
        url("inspect", certificate),
        url("revoke", certificate),
        url("reissue", certificate),
        url("rerender", certificate),
        url("pdf", certificate),
        "/admin/certificate-issue/",
        "/admin/certificate-batches/",
        f"/admin/certificate-batches/{batch.pk}/",
        f"/admin/certificate-batches/{batch.pk}/retry/",
        "/admin/certificate-renewals/",
    ]


def test_a_trainer_is_refused_on_every_screen_and_action(
    client, regency_library, certificate, kind_rule, certificate_template
):
    batch = Batch.objects.create(title="Render again", total=1, status=Batch.Status.FAILED)
    trainer = lms_factories.user(role=Role.TRAINER, library=regency_library)
    client.force_login(trainer)
    assert client.get("/admin/").status_code == 200  # trainers do use the admin
    for path in _every_admin_url(certificate_template, kind_rule, certificate, batch):
        assert client.get(path).status_code == 403, path
        assert client.post(path, {"reason": "x", "name": "x"}).status_code == 403, path
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert Batch.objects.count() == 1 and batch.status == Batch.Status.FAILED
    with translation.override("en"):
        menu = client.get("/admin/").content.decode()
    assert "certificate-renewals" not in menu and "/admin/certificates/" not in menu


def test_programme_admin_sees_the_certificates_menu(admin_client, certificate_template):
    with translation.override("en"):
        html = admin_client.get("/admin/").content.decode()
    for label in ("Templates", "Rules", "Issue certificates", "Batches", "Renewals"):
        assert label in html, label
    for path in _every_admin_url(
        certificate_template,
        factories.rule(template_=certificate_template),
        factories.certificate(recipient=lms_factories.user(), subject=lms_factories.library()),
        Batch.objects.create(title="b", total=0),
    ):
        if "/preview/" in path or "/delete/" in path or path.endswith(("/pdf/", "/retry/")):
            continue
        assert admin_client.get(path).status_code == 200, path


def test_expire_certificates_command(certificate, village_library, capsys):
    from django.core.management import call_command

    certificate.expires_on = timezone.localdate() - timedelta(days=1)
    certificate.save()
    factories.certificate(
        recipient=lms_factories.user(library=village_library),
        subject=village_library,
        expires_on=timezone.localdate() + timedelta(days=1),
    )
    call_command("expire_certificates")
    assert capsys.readouterr().out.strip() == "1 certificates expired."
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.EXPIRED
    call_command("expire_certificates")
    assert capsys.readouterr().out.strip() == "0 certificates expired."
