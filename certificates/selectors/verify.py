"""Reads behind the public verification pages, their JSON and the Open Badges documents.

Everything here is what anyone may see about a certificate: never an e-mail address,
a username or a user id.
"""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.achievements import achievement_kinds

from .. import codes
from ..models import Certificate, Rendition

logger = logging.getLogger(__name__)
UNNAMED_TRAINER = _("A trainer whose name is not recorded")


@dataclass(frozen=True)
class Trainer:
    """One line of "trained by": the trainer's name and, when they hold one, the code of
    their own valid certificate of the same kind and subject."""

    name: str
    certificate_code: str | None


@dataclass(frozen=True)
class Verification:
    """What the verification page, its JSON form and the Open Badges assertion say."""

    code: str
    status: str  # Certificate.Status value as of today
    status_label: str
    holder: str
    achievement: str
    hours: Decimal | None
    library: str
    regency: str
    issuer: str
    issued_on: date
    expires_on: date | None
    revoked_on: date | None
    revoke_reason: str
    superseded_by: str | None  # the new certificate's code
    # None when the kind names no trainers (or its app has been removed).
    trained_by: tuple[Trainer, ...] | None
    pdf_sha256: str | None


def public_url(path: str) -> str:
    """An absolute URL on the public site (the address printed in the QR codes)."""
    return settings.CERTIFICATE_ISSUER_URL.rstrip("/") + path


def verify_url(code: str) -> str:
    return public_url(reverse("certificates:verify", args=[code]))


def certificate_for_code(code: str) -> Certificate | None:
    """The certificate a typed or scanned code means (tolerant of spaces, case, O/0 and
    dashes); None when there is none, whether the code is unknown or malformed."""
    normalised = codes.normalise(code)
    if normalised is None:
        return None
    return (
        Certificate.objects.select_related("template", "superseded_by", "recipient")
        .filter(code=normalised)
        .first()
    )


def certificate_exists(code: str) -> bool:
    return Certificate.objects.filter(code=code).exists()


def trainer_certificates(
    *, kind: str, subject_type_id: int, subject_id: int, trainers
) -> dict[int, str]:
    """The code of each trainer's valid, unexpired certificate of one kind and subject,
    by user id (one query, whatever the number of trainers)."""
    ids = [t.pk for t in trainers if getattr(t, "pk", None) is not None]
    if not ids:
        return {}
    rows = (
        Certificate.objects.filter(
            recipient_id__in=ids,
            kind=kind,
            subject_type_id=subject_type_id,
            subject_id=subject_id,
            status=Certificate.Status.VALID,
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate()))
        .values_list("recipient_id", "code")
    )
    return dict(rows)


def _trainer_name(trainer) -> str:
    if isinstance(trainer, str):
        return trainer
    # Never the username: it is how the trainer signs in.
    full_name = trainer.get_full_name() if hasattr(trainer, "get_full_name") else ""
    return full_name or str(UNNAMED_TRAINER)


def _lineage(certificate: Certificate) -> tuple[Trainer, ...] | None:
    kind = achievement_kinds().get(certificate.kind)
    if kind is None or kind.trained_by is None:
        return None
    subject = certificate.subject
    if subject is None:  # the trained-for thing no longer exists
        return None
    try:
        trainers = list(kind.trained_by(certificate.recipient, subject) or [])
    except Exception:  # noqa: BLE001 - another app's bug must not hide a certificate
        logger.exception("Listing the trainers of certificate %s failed", certificate.code)
        return None
    held = trainer_certificates(
        kind=certificate.kind,
        subject_type_id=certificate.subject_type_id,
        subject_id=certificate.subject_id,
        trainers=trainers,
    )
    return tuple(
        Trainer(name=_trainer_name(t), certificate_code=held.get(getattr(t, "pk", None)))
        for t in trainers
    )


def verification(certificate: Certificate) -> Verification:
    status = certificate.current_status
    revoked_at = certificate.revoked_at
    return Verification(
        code=certificate.code,
        status=status,
        status_label=str(Certificate.Status(status).label),
        holder=certificate.recipient_name,
        achievement=certificate.achievement_title,
        hours=certificate.hours,
        library=certificate.library_name,
        regency=certificate.regency_name,
        issuer=certificate.template.issuer_name,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        revoked_on=timezone.localdate(revoked_at) if revoked_at else None,
        revoke_reason=certificate.revoke_reason if status == Certificate.Status.REVOKED else "",
        superseded_by=certificate.superseded_by.code if certificate.superseded_by_id else None,
        trained_by=_lineage(certificate),
        pdf_sha256=certificate.sha256 or None,
    )


def copy_matches(certificate: Certificate, digest: str) -> bool:
    """Whether a file with this SHA-256 is a PDF produced for the certificate (the current
    one or any earlier rendition, signed or not)."""
    digest = (digest or "").lower()
    if not digest:
        return False
    if certificate.sha256 and certificate.sha256 == digest:
        return True
    return Rendition.objects.filter(certificate=certificate, sha256=digest).exists()


def badge_certificate(*, kind: str, subject_type_id: int, subject_id: int) -> Certificate | None:
    """A certificate of one kind and subject (the newest), which names its Open Badge."""
    return (
        Certificate.objects.select_related("template")
        .filter(kind=kind, subject_type_id=subject_type_id, subject_id=subject_id)
        .order_by("-issued_on", "-pk")
        .first()
    )
