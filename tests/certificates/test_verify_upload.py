"""Checking an uploaded PDF against a certificate's recorded SHA-256 digests."""

import hashlib
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from certificates.models import Rendition
from certificates.verify_forms import MAX_UPLOAD_BYTES

from . import factories

# Arbitrary bytes shaped like a PDF: the check compares digests, never parses the file.
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def certificate(learner, village_library, certificate_template):
    certificate = factories.certificate(
        recipient=learner, subject=village_library, sha256=digest(PDF)
    )
    Rendition.objects.create(certificate=certificate, sha256=digest(PDF), size=len(PDF))
    return certificate


def upload_url(certificate):
    return reverse("certificates:verify_upload", args=[certificate.code])


def upload(client, certificate, data: bytes | None, name="sertifikat.pdf", **extra):
    payload = {}
    if data is not None:
        payload["berkas"] = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(upload_url(certificate), payload, **extra)


def test_the_issued_file_is_an_authentic_copy(client, certificate):
    response = upload(client, certificate, PDF)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"This file is an authentic copy of certificate {certificate.code}." in html
    assert "does NOT match" not in html


def test_a_file_with_one_changed_byte_fails(client, certificate):
    changed = bytearray(PDF)
    changed[len(PDF) // 2] ^= 0x01
    assert len(changed) == len(PDF) and bytes(changed) != PDF
    response = upload(client, certificate, bytes(changed))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"This file does NOT match certificate {certificate.code}" in html
    assert "it was changed or belongs to another certificate" in html
    assert "authentic copy" not in html


def test_an_earlier_rendition_still_verifies(client, certificate):
    # Re-rendered since: the current digest is another one, the old copy still counts.
    newer = PDF + b"% re-rendered\n"
    certificate.sha256 = digest(newer)
    certificate.save(update_fields=["sha256"])
    Rendition.objects.create(certificate=certificate, sha256=digest(newer), size=len(newer))
    for data in (PDF, newer):
        assert "authentic copy" in upload(client, certificate, data).content.decode()


def test_the_current_digest_counts_even_without_a_rendition_row(
    client, learner, village_library, certificate_template
):
    certificate = factories.certificate(
        recipient=learner, subject=village_library, sha256=digest(PDF)
    )
    assert "authentic copy" in upload(client, certificate, PDF).content.decode()


def test_another_certificates_file_does_not_match(client, certificate, learner, village_library):
    other_pdf = PDF.replace(b"Catalog", b"Katalog")
    other = factories.certificate(
        recipient=learner, subject=village_library, kind="other_kind", sha256=digest(other_pdf)
    )
    Rendition.objects.create(certificate=other, sha256=digest(other_pdf), size=len(other_pdf))
    html = upload(client, certificate, other_pdf).content.decode()
    assert f"This file does NOT match certificate {certificate.code}" in html
    assert "authentic copy" in upload(client, other, other_pdf).content.decode()


def test_a_certificate_not_rendered_yet_matches_nothing(
    client, learner, village_library, certificate_template
):
    certificate = factories.certificate(recipient=learner, subject=village_library)
    assert "does NOT match" in upload(client, certificate, PDF).content.decode()


def test_no_file(client, certificate):
    response = upload(client, certificate, None)
    assert response.status_code == 400
    assert "Choose the certificate&#x27;s PDF file to check." in response.content.decode()


@pytest.mark.parametrize("data", [b"Hello, this is a text file.\n", b"", b"\x89PNG\r\n\x1a\n"])
def test_not_a_pdf(client, certificate, data):
    response = upload(client, certificate, data, name="foto.pdf")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This file is not a PDF." in html
    assert "authentic copy" not in html and "does NOT match" not in html


def test_a_file_over_10_mb_is_refused(client, certificate):
    data = b"%PDF-1.7\n" + b"0" * (MAX_UPLOAD_BYTES - 8)
    assert len(data) == MAX_UPLOAD_BYTES + 1
    response = upload(client, certificate, data)
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()


def test_a_much_larger_request_is_refused_before_it_is_read(client, certificate):
    response = upload(client, certificate, b"%PDF-1.7\n" + b"0" * (MAX_UPLOAD_BYTES + 500_000))
    assert response.status_code == 413
    assert "larger than 10 MB" in response.content.decode()


def test_a_file_of_exactly_10_mb_is_checked(client, certificate):
    data = b"%PDF-1.7\n" + b"0" * (MAX_UPLOAD_BYTES - 9)
    assert len(data) == MAX_UPLOAD_BYTES
    response = upload(client, certificate, data)
    assert response.status_code == 200
    assert "does NOT match" in response.content.decode()


def test_the_upload_needs_the_csrf_token(certificate):
    browser = Client(enforce_csrf_checks=True)
    assert upload(browser, certificate, PDF).status_code == 403
    page = browser.get(reverse("certificates:verify", args=[certificate.code]))
    token = re.search(
        r'id="upload-form".*?name="csrfmiddlewaretoken" value="([^"]+)"',
        page.content.decode(),
        re.S,
    ).group(1)
    response = browser.post(
        upload_url(certificate),
        {"csrfmiddlewaretoken": token, "berkas": SimpleUploadedFile("s.pdf", PDF)},
    )
    assert response.status_code == 200
    assert 'id="file-matches"' in response.content.decode()


def test_opening_the_upload_address_shows_the_page(client, certificate):
    response = client.get(upload_url(certificate))
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", args=[certificate.code])


def test_uploading_for_an_unknown_code_is_not_found(client, db):
    response = client.post(
        reverse("certificates:verify_upload", args=["SBY-AAAA-BBBB-CCCC"]),
        {"berkas": SimpleUploadedFile("s.pdf", PDF)},
    )
    assert response.status_code == 404
    assert "authentic copy" not in response.content.decode()


def test_a_rendered_certificate_pdf_verifies_and_an_edited_one_fails(
    client, learner, village_library, certificate_template
):
    """The acceptance check end to end, on a PDF really rendered and stored."""
    pytest.importorskip("weasyprint")
    pytest.importorskip("certificates.signing")  # written alongside; stores the PDF
    from certificates.services.rendering import certificate_render

    certificate = factories.certificate(recipient=learner, subject=village_library)
    assert certificate_render(certificate=certificate)
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as f:
        pdf = f.read()
    assert pdf.startswith(b"%PDF-")
    assert "authentic copy" in upload(client, certificate, pdf).content.decode()
    edited = bytearray(pdf)
    edited[len(pdf) // 3] ^= 0x20
    assert "does NOT match" in upload(client, certificate, bytes(edited)).content.decode()
