"""Mentoring writes: assigning mentors, logging visits and keeping follow-ups moving."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.models import Library, StaffProfile

from ..models import FollowUp, MentorAssignment, Visit
from ..selectors import AssignmentScope, assignment_scope, mentee_ids

ASSIGNEE_NOT_MENTOR = _("%(name)s does not hold the mentor role, so cannot be assigned mentees.")
ASSIGNMENT_NOT_ALLOWED = _(
    "Only a programme admin may make this assignment. A mentor may assign herself only the "
    "village libraries and TBMs her own kabupaten/kota library mentors, and their staff."
)
ASSIGNMENT_EXISTS = _("%(mentor)s is already assigned to %(target)s for these dates.")
NOT_YOUR_LIBRARY = _(
    "You are not assigned to %(library)s. You can log visits only to libraries you mentor."
)
NOT_A_MENTOR = _("Only mentors can log mentoring visits.")
ATTENDEE_NOT_STAFF = _(
    "%(names)s: not on the staff of %(library)s, so cannot be listed as attending."
)
OWNER_NOT_ALLOWED = _(
    "%(name)s cannot own a follow-up: choose yourself, an attendee or a staff member of "
    "%(library)s."
)
VISIT_IN_FUTURE = _("A visit cannot be logged before it happens: the date is in the future.")
NEXT_VISIT_TOO_EARLY = _("The next visit must come after this visit.")
FOLLOW_UP_DUE_TOO_EARLY = _("A follow-up cannot be due before the visit it comes from.")
FOLLOW_UP_INCOMPLETE = _("A follow-up needs an action, an owner and a due date.")
VISIT_ALREADY_LOGGED = _(
    "You already logged a %(mode)s with %(library)s on %(date)s. Open it to add to it "
    "instead of logging it twice."
)
NOT_YOUR_VISIT = _("Only the mentor who logged a visit can change it.")
FOLLOW_UP_NOT_YOURS = _("Only the follow-up's owner or the visit's mentor can change its status.")
UNKNOWN_STATUS = _("Unknown follow-up status.")
TOPIC_TOO_LONG = _("A topic can be at most 100 characters long.")

STALLED_AFTER_DAYS = 30


class VisitAlreadyLogged(ValidationError):
    """The same visit (mentor, library, date, mode) is already on record, e.g. a form sent
    twice; `visit` is the one on record."""

    def __init__(self, message, *, visit: Visit):
        super().__init__(message)
        self.visit = visit


@dataclass(frozen=True)
class FollowUpInput:
    action: str
    owner_id: int
    due_on: datetime.date


# Reads the checks below need; the pages use them too.


def visit_libraries(
    *, mentor, on: datetime.date | None = None, scope: AssignmentScope | None = None
) -> QuerySet[Library]:
    """Libraries `mentor` may log visits to: those assigned to her, and the libraries of the
    people assigned to her. Reads her `scope` first unless given."""
    scope = scope or assignment_scope(mentor=mentor, on=on)
    return Library.objects.filter(id__in=scope.visit_library_ids).order_by("name")


def library_staff(*, library) -> QuerySet:
    """The accounts on a library's staff, by name."""
    return (
        get_user_model()
        .objects.filter(staff_profile__library=library, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


def stalled_cutoff(*, now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=STALLED_AFTER_DAYS)


# Assignments.


def _home_library(user) -> Library | None:
    profile = StaffProfile.objects.select_related("library").filter(user=user).first()
    return profile.library if profile else None


@transaction.atomic
def assignment_create(
    *,
    mentor,
    library: Library | None = None,
    mentee=None,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    assigned_by,
) -> MentorAssignment:
    """Makes `mentor` responsible for a library (all its staff) or for one person.

    Programme admins may assign anyone who holds the mentor role. A mentor may assign
    herself the villages and TBMs her own kabupaten/kota library mentors (or their staff).
    """
    if not roles.is_mentor(mentor):
        name = mentor.get_full_name() or mentor.get_username()
        raise ValidationError(ASSIGNEE_NOT_MENTOR % {"name": name})
    if not roles.is_programme_admin(assigned_by):
        if assigned_by.pk != mentor.pk:
            raise PermissionDenied(ASSIGNMENT_NOT_ALLOWED)
        home = _home_library(mentor)
        if library is not None:
            target_library = library
        elif mentee is not None:
            target_library = _home_library(mentee)
        else:
            target_library = None
        if (
            home is None
            or home.kind != Library.Kind.REGENCY
            or target_library is None
            or target_library.mentor_library_id != home.pk
        ):
            raise PermissionDenied(ASSIGNMENT_NOT_ALLOWED)

    assignment = MentorAssignment(
        mentor=mentor, library=library, mentee=mentee, starts_on=starts_on, ends_on=ends_on
    )
    assignment.full_clean()
    overlapping = MentorAssignment.objects.filter(
        mentor=mentor, library=library, mentee=mentee
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    if overlapping.exists():
        target = library if library is not None else (mentee.get_full_name() or mentee)
        raise ValidationError(
            ASSIGNMENT_EXISTS
            % {"mentor": mentor.get_full_name() or mentor.get_username(), "target": target}
        )
    assignment.save()
    return assignment


# Visits.


def _names(users) -> str:
    return ", ".join(sorted(u.get_full_name() or u.get_username() for u in users))


def _clean_topics(topics: list[str]) -> list[str]:
    cleaned = []
    for topic in topics:
        topic = " ".join(str(topic).split())
        if not topic:
            continue
        if len(topic) > 100:
            raise ValidationError({"topics": TOPIC_TOO_LONG})
        if topic.lower() not in {t.lower() for t in cleaned}:
            cleaned.append(topic)
    return cleaned


def _follow_up_inputs(follow_ups) -> list[FollowUpInput]:
    inputs = []
    for row in follow_ups or ():
        if isinstance(row, FollowUpInput):
            inputs.append(row)
            continue
        action = " ".join(str(row.get("action") or "").split())
        owner_id = row.get("owner_id")
        due_on = row.get("due_on")
        if not (action or owner_id or due_on):
            continue
        if not (action and owner_id and due_on):
            raise ValidationError({"follow_ups": FOLLOW_UP_INCOMPLETE})
        inputs.append(FollowUpInput(action=action, owner_id=int(owner_id), due_on=due_on))
    return inputs


def _check_visit(
    *,
    mentor,
    library: Library,
    visited_on: datetime.date,
    next_visit_on: datetime.date | None,
    attendee_ids,
    follow_ups: list[FollowUpInput],
):
    """Validates a visit's people and dates; returns the attendee accounts."""
    User = get_user_model()
    errors: dict[str, list] = {}
    if visited_on > timezone.localdate():
        errors.setdefault("visited_on", []).append(VISIT_IN_FUTURE)
    if next_visit_on is not None and next_visit_on <= visited_on:
        errors.setdefault("next_visit_on", []).append(NEXT_VISIT_TOO_EARLY)

    attendee_ids = {int(pk) for pk in attendee_ids or ()}
    staff_ids = set(library_staff(library=library).values_list("pk", flat=True))
    allowed_attendees = staff_ids | mentee_ids(mentor=mentor)
    attendees = list(User.objects.filter(pk__in=attendee_ids))
    outsiders = [u for u in attendees if u.pk not in allowed_attendees]
    if outsiders or len(attendees) != len(attendee_ids):
        names = _names(outsiders) or str(_("unknown person"))
        errors.setdefault("attendees", []).append(
            ATTENDEE_NOT_STAFF % {"names": names, "library": library}
        )

    allowed_owners = staff_ids | attendee_ids | {mentor.pk}
    owners = {u.pk: u for u in User.objects.filter(pk__in={f.owner_id for f in follow_ups})}
    for follow_up in follow_ups:
        owner = owners.get(follow_up.owner_id)
        if owner is None or owner.pk not in allowed_owners:
            name = (owner.get_full_name() or owner.get_username()) if owner else "?"
            errors.setdefault("follow_ups", []).append(
                OWNER_NOT_ALLOWED % {"name": name, "library": library}
            )
        if follow_up.due_on < visited_on:
            errors.setdefault("follow_ups", []).append(FOLLOW_UP_DUE_TOO_EARLY)
    if errors:
        raise ValidationError(errors)
    return attendees


def _lock_mentor(mentor) -> None:
    # Serialises one mentor's visit writes so a form sent twice at once cannot slip two
    # identical visits past the duplicate check.
    get_user_model().objects.select_for_update().filter(pk=mentor.pk).first()


def _duplicate_of(*, mentor, library, visited_on, mode, exclude_pk=None) -> Visit | None:
    same = Visit.objects.filter(mentor=mentor, library=library, visited_on=visited_on, mode=mode)
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    return same.first()


def _raise_duplicate(visit: Visit) -> None:
    raise VisitAlreadyLogged(
        VISIT_ALREADY_LOGGED
        % {
            "mode": visit.get_mode_display().lower(),
            "library": visit.library,
            "date": visit.visited_on.isoformat(),
        },
        visit=visit,
    )


def _add_follow_ups(visit: Visit, follow_ups: list[FollowUpInput]) -> None:
    rows = [
        FollowUp(visit=visit, action=f.action, owner_id=f.owner_id, due_on=f.due_on)
        for f in follow_ups
    ]
    for row in rows:
        row.full_clean(exclude=["visit"])
    FollowUp.objects.bulk_create(rows)


@transaction.atomic
def visit_log(
    *,
    mentor,
    library: Library,
    visited_on: datetime.date,
    mode: str,
    attendee_ids,
    topics: list[str],
    notes: str = "",
    next_visit_on: datetime.date | None = None,
    follow_ups: list[dict] | None = None,
) -> Visit:
    """Records a mentoring visit with its attendees, topics and follow-up actions, all or
    nothing. Logging the same visit twice (same library, date and mode) raises
    VisitAlreadyLogged carrying the visit on record."""
    if not roles.is_mentor(mentor):
        raise PermissionDenied(NOT_A_MENTOR)
    if not visit_libraries(mentor=mentor).filter(pk=library.pk).exists():
        raise ValidationError({"library": NOT_YOUR_LIBRARY % {"library": library}})
    inputs = _follow_up_inputs(follow_ups)
    topics = _clean_topics(topics)
    attendees = _check_visit(
        mentor=mentor,
        library=library,
        visited_on=visited_on,
        next_visit_on=next_visit_on,
        attendee_ids=attendee_ids,
        follow_ups=inputs,
    )
    _lock_mentor(mentor)
    if existing := _duplicate_of(mentor=mentor, library=library, visited_on=visited_on, mode=mode):
        _raise_duplicate(existing)

    visit = Visit(
        mentor=mentor,
        library=library,
        visited_on=visited_on,
        mode=mode,
        notes=notes.strip(),
        next_visit_on=next_visit_on,
    )
    visit.full_clean(exclude=["topics"])
    visit.topics.set(topics)
    visit.save()
    visit.attendees.set(attendees)
    _add_follow_ups(visit, inputs)
    return visit


@transaction.atomic
def visit_update(
    *,
    visit: Visit,
    user,
    visited_on: datetime.date,
    mode: str,
    attendee_ids,
    topics: list[str],
    notes: str = "",
    next_visit_on: datetime.date | None = None,
    follow_ups: list[dict] | None = None,
) -> Visit:
    """Changes a visit's details (not its library) and adds any new follow-ups. Only the
    visit's own mentor may do it."""
    if user.pk != visit.mentor_id:
        raise PermissionDenied(NOT_YOUR_VISIT)
    inputs = _follow_up_inputs(follow_ups)
    topics = _clean_topics(topics)
    attendees = _check_visit(
        mentor=user,
        library=visit.library,
        visited_on=visited_on,
        next_visit_on=next_visit_on,
        attendee_ids=attendee_ids,
        follow_ups=inputs,
    )
    _lock_mentor(user)
    if existing := _duplicate_of(
        mentor=user,
        library=visit.library,
        visited_on=visited_on,
        mode=mode,
        exclude_pk=visit.pk,
    ):
        _raise_duplicate(existing)
    visit.visited_on = visited_on
    visit.mode = mode
    visit.notes = notes.strip()
    visit.next_visit_on = next_visit_on
    visit.full_clean(exclude=["topics"])
    visit.topics.set(topics)
    visit.save()
    visit.attendees.set(attendees)
    _add_follow_ups(visit, inputs)
    return visit


@transaction.atomic
def follow_up_set_status(*, follow_up: FollowUp, status: str, user) -> FollowUp:
    """Marks a follow-up open, done or cancelled: its owner or the visit's mentor may."""
    if user.pk not in (follow_up.owner_id, follow_up.visit.mentor_id):
        raise PermissionDenied(FOLLOW_UP_NOT_YOURS)
    if status not in FollowUp.Status.values:
        raise ValidationError({"status": UNKNOWN_STATUS})
    follow_up.status = status
    follow_up.done_at = timezone.now() if status == FollowUp.Status.DONE else None
    follow_up.save(update_fields=["status", "done_at"])
    return follow_up
