"""Reads for the people who hold and hand out certificates: learners, mentors, organisers."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .. import codes
from ..models import Certificate

# Everything a learner's list shows, and nothing of the PDF bookkeeping.
_LIST_FIELDS = (
    "code",
    "kind",
    "achievement_title",
    "hours",
    "achieved_on",
    "issued_on",
    "expires_on",
    "status",
    "revoked_at",
    "revoke_reason",
    "pdf",
    "sha256",
)


def certificates_of(*, user) -> QuerySet[Certificate]:
    """A person's certificates, newest first, in one query."""
    return (
        Certificate.objects.filter(recipient=user)
        .only(*_LIST_FIELDS, "recipient_id")
        .order_by("-issued_on", "-id")
    )


def certificate_counts(*, user) -> dict[str, int]:
    """How many certificates a person holds, and how many are valid today, in one query."""
    today = timezone.localdate()
    return Certificate.objects.filter(recipient=user).aggregate(
        total=Count("pk"),
        valid=Count(
            "pk",
            filter=Q(status=Certificate.Status.VALID)
            & (Q(expires_on__isnull=True) | Q(expires_on__gte=today)),
        ),
    )


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this code (typed loosely), or None."""
    normalised = codes.normalise(code)
    if normalised is None:
        return None
    return Certificate.objects.select_related("template").filter(code=normalised).first()


def valid_certificates_for(*, kind: str, subject) -> QuerySet[Certificate]:
    """The certificates of one kind and subject that are valid today, by holder's name."""
    today = timezone.localdate()
    return (
        Certificate.objects.filter(
            kind=kind,
            subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
            subject_id=subject.pk,
            status=Certificate.Status.VALID,
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .select_related("template")
        .order_by("recipient_name", "pk")
    )
