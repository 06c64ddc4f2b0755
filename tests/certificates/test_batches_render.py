"""Rendering with retries: a failed render is tried again, never loses the certificate,
and a batch that finished with errors renders only what is still missing once fixed."""

import io

import pytest
from pypdf import PdfReader

from certificates import rendering
from certificates.models import Batch, Certificate
from certificates.services.rendering import MAX_ATTEMPTS, batch_retry, batch_run, certificate_render
from tests.lms import factories as lms_factories

from . import factories

pytestmark = pytest.mark.django_db

real_render_pdf = rendering.render_pdf
real_render_pdfs = rendering.render_pdfs


def make_certificates(library, names):
    made = []
    for name in names:
        first, _, last = name.partition(" ")
        recipient = lms_factories.user(library=library, first_name=first, last_name=last)
        made.append(factories.certificate(recipient=recipient, subject=library))
    return made


def text_of(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        return " ".join(PdfReader(io.BytesIO(handle.read())).pages[0].extract_text().split())


def test_a_render_that_fails_once_succeeds_on_the_second_attempt(
    monkeypatch, village_library, certificate_template
):
    (certificate,) = make_certificates(village_library, ["Sari Wulandari"])
    calls = []

    def flaky(certificate):
        calls.append(certificate.code)
        if len(calls) == 1:
            raise OSError("font cache busy")
        return real_render_pdf(certificate)

    monkeypatch.setattr(rendering, "render_pdf", flaky)

    assert certificate_render(certificate=certificate) is True

    certificate.refresh_from_db()
    assert len(calls) == 2
    assert certificate.render_attempts == 1  # the failed attempt is on record
    assert certificate.render_error == ""  # and cleared by the success
    assert certificate.is_rendered
    assert "Sari Wulandari" in text_of(certificate)


def test_a_render_that_always_fails_keeps_the_certificate_with_its_error(
    monkeypatch, village_library, certificate_template
):
    (certificate,) = make_certificates(village_library, ["Budi Santoso"])

    def broken(certificate):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(rendering, "render_pdf", broken)

    assert certificate_render(certificate=certificate) is False

    kept = Certificate.objects.get(pk=certificate.pk)
    assert kept.status == Certificate.Status.VALID
    assert kept.render_attempts == MAX_ATTEMPTS
    assert "layout exploded" in kept.render_error
    assert not kept.is_rendered


def test_a_failed_batch_finishes_with_errors_and_a_retry_renders_only_what_is_missing(
    monkeypatch, village_library, certificate_template, django_capture_on_commit_callbacks
):
    certificates = make_certificates(
        village_library, ["Agus Salim", "Dewi Lestari", "Yohanes Manurung"]
    )
    broken_code = certificates[1].code
    batch = Batch.objects.create(title="PLM Lumajang", total=len(certificates))
    batch.certificates.set(certificates)

    def chunk_fails(chunk, **kwargs):
        raise RuntimeError("worker died")

    def one_is_broken(certificate):
        if certificate.code == broken_code:
            raise ValueError("bad signature image")
        return real_render_pdf(certificate)

    monkeypatch.setattr(rendering, "render_pdfs", chunk_fails)
    monkeypatch.setattr(rendering, "render_pdf", one_is_broken)

    batch = batch_run(batch=batch)

    assert batch.status == Batch.Status.FAILED
    assert (batch.done, batch.failed, batch.total) == (2, 1, 3)
    broken = Certificate.objects.get(code=broken_code)
    assert "bad signature image" in broken.render_error and not broken.is_rendered
    assert Certificate.objects.filter(sha256="").count() == 1

    # The cause is fixed; the retry (queued, run by the worker) renders only the missing one.
    rendered = []

    def recording(chunk, **kwargs):
        rendered.extend(c.code for c in chunk)
        return real_render_pdfs(chunk, **kwargs)

    monkeypatch.setattr(rendering, "render_pdfs", recording)
    monkeypatch.setattr(rendering, "render_pdf", real_render_pdf)
    with django_capture_on_commit_callbacks(execute=True):
        batch_retry(batch=batch)

    batch.refresh_from_db()
    assert rendered == [broken_code]
    assert batch.status == Batch.Status.FINISHED
    assert (batch.done, batch.failed, batch.percent) == (3, 0, 100)
    for certificate in certificates:
        certificate.refresh_from_db()
        assert certificate.is_rendered
        assert certificate.recipient_name in text_of(certificate)


def test_a_batch_renders_each_certificate_into_its_own_file(village_library, certificate_template):
    names = ["Ni Made Ayu", "Rudi Hartono"]
    certificates = make_certificates(village_library, names)
    batch = Batch.objects.create(title="Kohort 1", total=2)
    batch.certificates.set(certificates)

    batch = batch_run(batch=batch)

    assert batch.status == Batch.Status.FINISHED
    for certificate, name in zip(certificates, names, strict=True):
        certificate.refresh_from_db()
        text = text_of(certificate)
        assert name in text and certificate.code in text
        assert [other for other in names if other in text] == [name]
