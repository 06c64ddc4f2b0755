"""Reads of who is registered for a meeting, shaped for the nomination, check-in and
participant-list pages; each runs a fixed number of queries whatever the number of people."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from lms.models import Library, StaffProfile

from ..models import CheckIn, MeetingPage, Registration


def _name_search(rows: QuerySet, q: str, prefix: str = "") -> QuerySet:
    """People whose name or username holds every word of `q`."""
    for word in (q or "").split()[:5]:
        rows = rows.filter(
            Q(**{f"{prefix}first_name__icontains": word})
            | Q(**{f"{prefix}last_name__icontains": word})
            | Q(**{f"{prefix}username__icontains": word})
        )
    return rows


# Nomination


def nominees(*, meeting: MeetingPage, libraries: list[Library] | None, q: str = "") -> QuerySet:
    """The people a nominator may register: staff of `libraries` (None: everyone with a
    library), each with `registration_status` and `registration_role` for this meeting."""
    mine = Registration.objects.filter(meeting=meeting, user=OuterRef("pk"))
    people = get_user_model().objects.filter(is_active=True, staff_profile__library__isnull=False)
    if libraries is not None:
        people = people.filter(staff_profile__library__in=libraries)
    return (
        _name_search(people, q)
        .select_related("staff_profile__library")
        .annotate(
            registration_status=Subquery(mine.values("status")[:1]),
            registration_role=Subquery(mine.values("role")[:1]),
            registration_id=Subquery(mine.values("pk")[:1]),
        )
        .order_by("staff_profile__library__name", "first_name", "username")
    )


def registrations_of_libraries(*, meeting: MeetingPage, libraries: list[Library]) -> QuerySet:
    """The meeting's registered and waiting people from `libraries`, waiting list last."""
    return (
        Registration.objects.filter(meeting=meeting, library__in=libraries)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user", "library")
        .order_by("-status", "queued_at", "user__first_name", "user__username")
    )


def place_counts(meeting: MeetingPage) -> dict[str, int]:
    """Participant places taken and people waiting, in one query."""
    participants = Q(role=Registration.Role.PARTICIPANT)
    counts = Registration.objects.filter(meeting=meeting).aggregate(
        taken=Count("pk", filter=participants & Q(status=Registration.Status.REGISTERED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    counts["free"] = max(0, meeting.capacity - counts["taken"])
    return counts


# Check-in


def checkin_list(*, meeting: MeetingPage, day: datetime.date, q: str = "") -> QuerySet:
    """The registered people, by name, each with `checked_in_at` for `day` (None if not yet)."""
    today = CheckIn.objects.filter(registration=OuterRef("pk"), day=day)
    rows = Registration.objects.filter(meeting=meeting, status=Registration.Status.REGISTERED)
    return (
        _name_search(rows, q, prefix="user__")
        .select_related("user", "library")
        .annotate(checked_in_at=Subquery(today.values("at")[:1]))
        .order_by("user__first_name", "user__username", "pk")
    )


def checkin_counts(*, meeting: MeetingPage, day: datetime.date) -> dict[str, int]:
    """ "Checked in today: N of M", in one query."""
    return Registration.objects.filter(
        meeting=meeting, status=Registration.Status.REGISTERED
    ).aggregate(
        expected=Count("pk", distinct=True),
        checked_in=Count("checkins", filter=Q(checkins__day=day), distinct=True),
    )


# The organiser's participant list


@dataclass
class RegencyGroup:
    name: str
    rows: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class ProvinceGroup:
    name: str
    regencies: list[RegencyGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(regency.count for regency in self.regencies)


def participant_rows(meeting: MeetingPage, *, statuses=(Registration.Status.REGISTERED,)):
    """The meeting's people by province, kabupaten/kota, library and name, each with its
    check-ins (`checkins.all()`: day and time) and the person's staff profile (gender);
    two queries."""
    return (
        Registration.objects.filter(meeting=meeting, status__in=statuses)
        .select_related("user__staff_profile", "library__regency__province")
        .prefetch_related(
            Prefetch(
                "checkins", queryset=CheckIn.objects.only("id", "registration_id", "day", "at")
            )
        )
        .order_by(
            "library__regency__province__name",
            "library__regency__name",
            "library__name",
            "user__first_name",
            "user__username",
            "pk",
        )
    )


def waiting_list(meeting: MeetingPage) -> QuerySet:
    """Who waits for a place, in the order they will move up."""
    return (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.WAITLISTED)
        .select_related("user__staff_profile", "library__regency__province")
        .order_by("queued_at", "pk")
    )


def grouped_by_region(rows) -> list[ProvinceGroup]:
    """Rows already ordered by province and regency, as nested groups for the headings."""
    provinces = []
    for province, in_province in groupby(rows, key=lambda r: r.library.regency.province):
        group = ProvinceGroup(name=str(province))
        for regency, in_regency in groupby(in_province, key=lambda r: r.library.regency):
            group.regencies.append(RegencyGroup(name=str(regency), rows=list(in_regency)))
        provinces.append(group)
    return provinces


def _counts(rows: QuerySet, key: str, choices) -> list[tuple[str, str, int]]:
    """(value, label, count) per value of `key`, in the order of `choices`, from one
    aggregate query."""
    counted = {
        row[key] or "": row["n"]
        for row in rows.order_by().values(key).annotate(n=Count("pk")).values(key, "n")
    }
    result = [(value, label, counted.pop(value, 0)) for value, label in choices]
    result += [(value, value or "-", n) for value, n in counted.items()]
    return result


def participant_totals(meeting: MeetingPage) -> dict:
    """Registered people by role, by gender and by library kind: three aggregate queries."""
    rows = Registration.objects.filter(meeting=meeting, status=Registration.Status.REGISTERED)
    by_role = _counts(rows, "role", Registration.Role.choices)
    return {
        "total": sum(n for _value, _label, n in by_role),
        "by_role": by_role,
        "by_gender": _counts(rows, "user__staff_profile__gender", StaffProfile.Gender.choices),
        "by_library_kind": _counts(rows, "library__kind", Library.Kind.choices),
    }
