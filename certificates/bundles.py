"""Every certificate of one achievement as one ZIP file, for the people who hand them out.

The PDFs still missing (the worker has not reached them, or a render failed) are rendered
first, together in one multi-page document when the renderer offers it. The ZIP is
written to a spooled temporary file, so a 350-person meeting does not sit in memory.
"""

import logging
import tempfile
import zipfile
from collections.abc import Sequence

from django.utils.text import slugify

from .models import Certificate

logger = logging.getLogger(__name__)

# Kept in memory up to this size, then on disk.
SPOOL_MAX_BYTES = 8 * 1024 * 1024


class BundleNotReady(Exception):
    """Some PDFs could not be rendered yet; the bundle would be incomplete."""

    def __init__(self, missing: Sequence[Certificate]):
        super().__init__(", ".join(c.code for c in missing))
        self.missing = list(missing)


def member_name(certificate: Certificate) -> str:
    """The file name of one certificate inside the ZIP: the holder's name, then the code."""
    name = slugify(certificate.recipient_name) or "sertifikat"
    return f"{name}-{certificate.code}.pdf"


def bundle_filename(*, kind: str, title: str) -> str:
    return f"sertifikat-{slugify(title)[:60] or kind}.zip"


def _for_rendering(ids) -> list[Certificate]:
    return list(
        Certificate.objects.filter(pk__in=ids)
        .select_related("template")
        .prefetch_related("template__signatories__signature", "template__logos__image")
        .order_by("pk")
    )


def render_missing(certificates: Sequence[Certificate]) -> list[Certificate]:
    """Renders the certificates that have no PDF yet, in one document when the renderer
    can, and puts the stored PDFs on the given objects. Returns those still without one."""
    from .services.rendering import certificate_render, certificate_store_pdf

    by_pk = {c.pk: c for c in certificates if not c.is_rendered}
    if not by_pk:
        return []
    missing = _for_rendering(list(by_pk))
    from . import rendering

    done = False
    if len(missing) > 1:
        try:
            pdfs = rendering.render_pdfs(missing)
            for certificate, pdf in zip(missing, pdfs, strict=True):
                certificate_store_pdf(certificate=certificate, pdf=pdf)
            done = True
        except Exception:  # noqa: BLE001 - fall back to one at a time
            logger.exception("Rendering %d certificates for a bundle failed", len(missing))
    if not done:
        for certificate in missing:
            if certificate.is_rendered:
                continue
            try:
                certificate_render(certificate=certificate)
            except Exception:  # noqa: BLE001 - reported as "not ready" below
                logger.exception("Rendering certificate %s failed", certificate.code)
    for certificate in missing:
        original = by_pk[certificate.pk]
        original.pdf, original.sha256 = certificate.pdf, certificate.sha256
    return [c for c in missing if not c.is_rendered]


def write_bundle(certificates: Sequence[Certificate]):
    """A ZIP of the certificates' PDFs, as a rewound file object. Raises BundleNotReady
    when a PDF could not be rendered."""
    certificates = list(certificates)
    still_missing = render_missing(certificates)
    if still_missing:
        raise BundleNotReady(still_missing)
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)
    with zipfile.ZipFile(spooled, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            with (
                certificate.pdf.open("rb") as pdf,
                archive.open(member_name(certificate), "w") as member,
            ):
                while chunk := pdf.read(64 * 1024):
                    member.write(chunk)
    spooled.seek(0)
    return spooled


def issue_and_bundle(*, kind: str, subject, requested_by=None) -> bytes:
    """The certificate-pack hook (`lms.achievements.certificate_bundle`): issues the kind's
    certificates to everyone who earned it for `subject` (holders keep the one they have)
    and returns every valid certificate of it as the bytes of one ZIP."""
    from .selectors.people import valid_certificates_for
    from .services.issuing import certificates_issue_many, kind_for

    achievements = list(kind_for(kind).earned(subject))
    if achievements:
        certificates_issue_many(achievements=achievements, kind=kind, issued_by=requested_by)
    with write_bundle(valid_certificates_for(kind=kind, subject=subject)) as archive:
        return archive.read()
