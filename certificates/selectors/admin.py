"""Reads behind the certificates admin: listings, the renewal list, a batch's failures."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from ..models import Batch, Certificate, CertificateTemplate, KindRule
from ..services.lifecycle import renewal_window_end

# Expired certificates stay on the renewal list this long.
RECENTLY_EXPIRED_DAYS = 90


def certificate_list() -> QuerySet[Certificate]:
    """Every certificate; the listing reads only the certificate's own columns."""
    return Certificate.objects.defer("revoke_reason", "render_error")


def certificate_detail(pk) -> Certificate:
    return (
        Certificate.objects.select_related(
            "recipient", "template", "issued_by", "revoked_by", "superseded_by", "subject_type"
        )
        .prefetch_related("renditions", "batches", "supersedes")
        .get(pk=pk)
    )


def template_list() -> QuerySet[CertificateTemplate]:
    return CertificateTemplate.objects.all()


def template_usage(template: CertificateTemplate) -> tuple[int, int]:
    """How many certificates and rules use the template (either stops it being deleted)."""
    return (
        Certificate.objects.filter(template=template).count(),
        KindRule.objects.filter(template=template).count(),
    )


def templates_in_use(templates: Iterable[CertificateTemplate]) -> list[CertificateTemplate]:
    ids = [t.pk for t in templates]
    used = set(
        Certificate.objects.filter(template_id__in=ids).values_list("template_id", flat=True)
    )
    used |= set(KindRule.objects.filter(template_id__in=ids).values_list("template_id", flat=True))
    return [t for t in templates if t.pk in used]


def template_valid_certificates(template: CertificateTemplate) -> QuerySet[Certificate]:
    """The certificates printed with this template that are still valid today."""
    today = timezone.localdate()
    return Certificate.objects.filter(template=template, status=Certificate.Status.VALID).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def rule_list() -> QuerySet[KindRule]:
    return KindRule.objects.select_related("template")


def batch_list() -> QuerySet[Batch]:
    return Batch.objects.select_related("requested_by")


def batch_failed_certificates(batch: Batch) -> QuerySet[Certificate]:
    """Certificates of the batch still without a PDF after their render failed."""
    return (
        batch.certificates.filter(sha256="")
        .exclude(render_error="")
        .only("pk", "code", "recipient_name", "render_error", "render_attempts")
        .order_by("recipient_name", "pk")
    )


def renewal_list(today: date | None = None) -> QuerySet[Certificate]:
    """Valid certificates expiring within the renewal window, and those expired in the
    last 90 days (marked expired, or still valid past their date until the nightly run)."""
    today = today or timezone.localdate()
    expiring = Q(
        status=Certificate.Status.VALID, expires_on__range=(today, renewal_window_end(today))
    )
    expired = Q(
        status__in=[Certificate.Status.VALID, Certificate.Status.EXPIRED],
        expires_on__lt=today,
        expires_on__gte=today - timedelta(days=RECENTLY_EXPIRED_DAYS),
    )
    return (
        Certificate.objects.filter(expiring | expired)
        .only(
            "pk",
            "code",
            "recipient_name",
            "achievement_title",
            "issued_on",
            "expires_on",
            "status",
            "reminded_at",
        )
        .order_by("expires_on", "recipient_name", "pk")
    )


def people_by_login(lines: Iterable[str]) -> dict[str, list]:
    """Accounts whose username or e-mail is one of the lines, keyed by the lower-cased line.

    An e-mail shared by several accounts maps to all of them, so the caller can say so."""
    wanted = {line.strip().lower() for line in lines if line.strip()}
    if not wanted:
        return {}
    users = (
        get_user_model()
        .objects.annotate(login=Lower("username"), mail=Lower("email"))
        .filter(Q(login__in=wanted) | Q(mail__in=wanted))
        .order_by("pk")
    )
    found: dict[str, list] = {}
    for user in users:
        keys = {user.get_username().lower(), (user.email or "").lower()} & wanted
        for key in keys:
            found.setdefault(key, []).append(user)
    return found
