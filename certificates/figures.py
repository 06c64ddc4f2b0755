"""The certificates app's figures for monitoring (see lms.figures): certificates issued,
by the kind of achievement they certify, at the recipient's current library."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from django.utils.translation import gettext_lazy as _

from lms.achievements import achievement_kinds
from lms.figures import Count, Metric, grouped_counts

from .models import Certificate


def issued(regency_ids: Collection[int] | None) -> Iterator[Count]:
    """Every certificate but the revoked ones, in the month it was issued. A reissued or
    renewed certificate is a new one, counted in its own month; the one it superseded
    still counts in its month, as an expired one does: both stood when issued."""
    yield from grouped_counts(
        Certificate.objects.exclude(status=Certificate.Status.REVOKED),
        when="issued_on",
        library="recipient__staff_profile__library",
        person="recipient",
        key="kind",
        regency_ids=regency_ids,
    )


def _kind_labels() -> dict[str, str]:
    return {key: kind.label for key, kind in achievement_kinds().items()}


def metrics() -> list[Metric]:
    return [
        Metric(
            code="certificates.issued",
            label=_("Certificates issued"),
            section="certificates",
            counts=issued,
            keys=_kind_labels,
            key_label=_("Kind of certificate"),
            order=10,
            help_text=_(
                "Certificates issued, in the month of issue, at the recipient's library. "
                "Revoked certificates are left out; a reissued or renewed certificate counts "
                "again in the month it was reissued."
            ),
        ),
    ]
