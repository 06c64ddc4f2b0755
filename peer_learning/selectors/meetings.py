"""Reads for the meeting pages, the person's own meetings and the home panel."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from ..models import AgendaSession, CheckIn, MeetingPage, Registration, Story

# Who takes a participant place (the others come on top of the capacity).
PLACE_TAKING_ROLES = (Registration.Role.PARTICIPANT,)
ACTIVE_STATUSES = (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)


def registration_is_open(meeting: MeetingPage, *, today=None) -> bool:
    """The window is inclusive; without a closing date it stays open until the last day."""
    today = today or timezone.localdate()
    if meeting.registration_opens and today < meeting.registration_opens:
        return False
    closes = meeting.registration_closes or meeting.ends_on
    return not (closes and today > closes)


def registration_closes_on(meeting: MeetingPage):
    return meeting.registration_closes or meeting.ends_on


@dataclass
class MeetingRow:
    """A meeting in a list, with what the list says about it."""

    meeting: MeetingPage
    url: str
    taken: int
    open: bool

    @property
    def free(self) -> int:
        return max(self.meeting.capacity - self.taken, 0)


def meeting_rows(index=None, *, today=None) -> tuple[list[MeetingRow], list[MeetingRow]]:
    """(upcoming, past) live meetings — upcoming soonest first, past latest first — with
    their taken participant places; one query, whatever the number of meetings."""
    today = today or timezone.localdate()
    meetings = MeetingPage.objects.live().select_related("organiser__regency__province")
    if index is not None:
        meetings = meetings.child_of(index)
    meetings = meetings.annotate(
        taken=Count(
            "registrations",
            filter=Q(
                registrations__status=Registration.Status.REGISTERED,
                registrations__role__in=PLACE_TAKING_ROLES,
            ),
        )
    ).order_by("starts_on", "pk")
    upcoming, past = [], []
    for meeting in meetings:
        # Without the request Wagtail reads the site's root paths from its cache.
        row = MeetingRow(
            meeting=meeting,
            url=meeting.get_url(),
            taken=meeting.taken,
            open=registration_is_open(meeting, today=today),
        )
        (upcoming if meeting.ends_on >= today else past).append(row)
    past.reverse()
    return upcoming, past


def sessions_of(meeting: MeetingPage) -> list[AgendaSession]:
    return list(AgendaSession.objects.filter(meeting=meeting).order_by("day", "starts_at", "pk"))


def scheduled_stories(meeting: MeetingPage) -> dict[int, list[Story]]:
    """Accepted stories scheduled into the meeting's sessions, by session id (one query)."""
    stories = (
        Story.objects.filter(meeting=meeting, status=Story.Status.ACCEPTED, session__isnull=False)
        .select_related("library")
        .order_by("library__name", "title")
    )
    result: dict[int, list[Story]] = {}
    for story in stories:
        result.setdefault(story.session_id, []).append(story)
    return result


def registration_of(meeting: MeetingPage, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("library")
        .first()
    )


def registrations_of(user):
    """Every registration of `user` (cancelled ones too) with its meeting and check-ins:
    two queries, however many meetings."""
    return (
        Registration.objects.filter(user=user, meeting__live=True)
        .select_related("meeting", "library")
        .prefetch_related(Prefetch("checkins", queryset=CheckIn.objects.order_by("day")))
        .order_by("-meeting__starts_on", "-pk")
    )


def next_registration(user, *, today=None) -> Registration | None:
    """The soonest meeting `user` is registered (or waiting) for that has not ended."""
    today = today or timezone.localdate()
    return (
        Registration.objects.filter(
            user=user,
            status__in=ACTIVE_STATUSES,
            meeting__live=True,
            meeting__ends_on__gte=today,
        )
        .select_related("meeting")
        .order_by("meeting__starts_on", "pk")
        .first()
    )


def open_meetings(*, today=None, limit: int = 3) -> list[MeetingPage]:
    """Live meetings taking registrations today, soonest first (one query)."""
    today = today or timezone.localdate()
    return list(
        MeetingPage.objects.live()
        .filter(ends_on__gte=today)
        .filter(Q(registration_opens__isnull=True) | Q(registration_opens__lte=today))
        .filter(
            Q(registration_closes__gte=today)
            | Q(registration_closes__isnull=True, ends_on__gte=today)
        )
        .order_by("starts_on", "pk")[:limit]
    )
