"""Turning certificates into stored PDFs, one at a time or as a batch, with retries.

A failed render never loses the certificate: the record stays valid and verifiable,
the error is kept on it, and the next attempt (a retry, a download, a batch re-run)
renders it again.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Batch, Certificate, Rendition

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Certificates rendered per multi-page document in a batch: large enough to share the
# fonts, styles and layout set-up, small enough to show progress often.
CHUNK_SIZE = 50


def certificate_store_pdf(*, certificate: Certificate, pdf: bytes) -> Certificate:
    """Stores the PDF (signed when a key is configured) and remembers its digest."""
    from .. import signing

    signed = signing.signing_configured()
    if signed:
        pdf = signing.sign(pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    with transaction.atomic():
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
        certificate.sha256 = digest
        certificate.rendered_at = timezone.now()
        certificate.render_error = ""
        certificate.save(update_fields=["pdf", "sha256", "rendered_at", "render_error"])
        Rendition.objects.create(
            certificate=certificate, sha256=digest, size=len(pdf), signed=signed
        )
    return certificate


def _record_failure(certificate: Certificate, exc: Exception) -> None:
    logger.exception("Rendering certificate %s failed", certificate.code)
    Certificate.objects.filter(pk=certificate.pk).update(
        render_attempts=F("render_attempts") + 1, render_error=f"{type(exc).__name__}: {exc}"
    )


def certificate_render(*, certificate: Certificate, attempts: int = MAX_ATTEMPTS) -> bool:
    """Renders and stores one certificate, trying again on failure. True on success."""
    from .. import rendering

    for attempt in range(1, attempts + 1):
        try:
            pdf = rendering.render_pdf(certificate)
        except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
            _record_failure(certificate, exc)
            if attempt == attempts:
                return False
            continue
        certificate_store_pdf(certificate=certificate, pdf=pdf)
        return True
    return False


def _for_rendering(ids) -> list[Certificate]:
    return list(
        Certificate.objects.filter(pk__in=ids)
        .select_related("template")
        .prefetch_related("template__signatories__signature", "template__logos__image")
        .order_by("pk")
    )


def batch_run(*, batch: Batch) -> Batch:
    """Renders every certificate of the batch that has no PDF yet, chunk by chunk,
    updating the progress the admin sees. A chunk that fails falls back to rendering
    its certificates one by one, so one bad certificate does not stop the others.
    Running it again (a retry) only renders what is still missing."""
    from .. import rendering

    Batch.objects.filter(pk=batch.pk).update(
        status=Batch.Status.RUNNING, started_at=timezone.now(), finished_at=None
    )
    pending = list(batch.certificates.filter(sha256="").order_by("pk").values_list("pk", flat=True))
    total = batch.certificates.count()
    Batch.objects.filter(pk=batch.pk).update(total=total, done=total - len(pending), failed=0)
    failed = 0
    for start in range(0, len(pending), CHUNK_SIZE):
        chunk = _for_rendering(pending[start : start + CHUNK_SIZE])
        try:
            pdfs = rendering.render_pdfs(chunk)
        except Exception:  # noqa: BLE001 - fall back to one at a time
            logger.exception("Batch %s: a chunk failed, rendering one by one", batch.pk)
            pdfs = None
        ok = 0
        for i, certificate in enumerate(chunk):
            if pdfs is not None:
                certificate_store_pdf(certificate=certificate, pdf=pdfs[i])
                ok += 1
            elif certificate_render(certificate=certificate):
                ok += 1
        failed += len(chunk) - ok
        Batch.objects.filter(pk=batch.pk).update(done=F("done") + ok, failed=failed)
    status = Batch.Status.FAILED if failed else Batch.Status.FINISHED
    Batch.objects.filter(pk=batch.pk).update(status=status, finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


@transaction.atomic
def batch_create_rerender(*, certificates, requested_by, title: str) -> Batch:
    """A batch that renders the given certificates again (after a template change)."""
    ids = [c.pk for c in certificates]
    Certificate.objects.filter(pk__in=ids).update(sha256="")
    batch = Batch.objects.create(title=title, requested_by=requested_by, total=len(ids))
    batch.certificates.set(ids)
    from ..tasks import render_batch

    transaction.on_commit(lambda: render_batch.enqueue(batch.pk))
    return batch


def batch_retry(*, batch: Batch) -> Batch:
    """Queues the batch again; only certificates still without a PDF are rendered."""
    Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.QUEUED)
    from ..tasks import render_batch

    transaction.on_commit(lambda: render_batch.enqueue(batch.pk))
    batch.refresh_from_db()
    return batch
