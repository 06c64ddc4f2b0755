"""The peer_learning app's figures for monitoring (see lms.figures): Peer Learning Meetings
held and the people who came to them.

Only published meetings count. A participant is counted at the library she registered
for (kept as at registration), a meeting at its organising library.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.figures import Count, Metric, grouped_counts

from .models import CheckIn, MeetingPage, Registration


def participants(regency_ids: Collection[int] | None) -> Iterator[Count]:
    """Registrations with at least one check-in, each in the month of its first day
    checked in (whatever the registration's status now): a person once per meeting."""
    first_day = (
        CheckIn.objects.filter(registration=OuterRef("pk")).order_by("day").values("day")[:1]
    )
    registrations = Registration.objects.filter(meeting__live=True).annotate(
        first_day=Subquery(first_day)
    )
    yield from grouped_counts(
        registrations,
        when="first_day",
        library="library",
        person="user",
        key="role",
        regency_ids=regency_ids,
    )


def meetings(regency_ids: Collection[int] | None) -> Iterator[Count]:
    """Published meetings that have begun, in the month of their first day."""
    held = MeetingPage.objects.live().filter(starts_on__lte=timezone.localdate())
    yield from grouped_counts(held, when="starts_on", library="organiser", regency_ids=regency_ids)


def metrics() -> list[Metric]:
    return [
        Metric(
            code="peer_learning.meetings",
            label=_("Peer Learning Meetings held"),
            section="meetings",
            counts=meetings,
            people=False,
            order=10,
            help_text=_(
                "Published meetings, in the month of their first day, at the organising "
                "library. Meetings yet to begin are not counted."
            ),
        ),
        Metric(
            code="peer_learning.participants",
            label=_("Meeting participants"),
            section="meetings",
            counts=participants,
            keys=lambda: dict(Registration.Role.choices),
            key_label=_("Role"),
            order=20,
            help_text=_(
                "People checked in at a meeting, once per meeting, in the month of their "
                "first day there, by their role and at the library they registered for."
            ),
        ),
    ]
