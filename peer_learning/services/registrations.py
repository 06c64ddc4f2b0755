"""Registering people for a meeting: nominations, the waiting list and cancellations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.selectors import staff_profile_for

from .. import codes, permissions
from ..models import MeetingPage, Registration

REGISTRATION_NOT_OPEN = _("Registration for this meeting has not opened yet.")
REGISTRATION_CLOSED = _("Registration for this meeting has closed.")
QUOTA_FULL = _(
    "%(library)s has already used all its %(quota)s places for this meeting (the waiting "
    "list included)."
)
NOT_ALLOWED_TO_NOMINATE = _(
    "You may nominate only the staff of your own library (and, for a mentor, of the "
    "libraries your library mentors)."
)
NO_LIBRARY = _("%(name)s does not work at a library on Sebaya, so cannot be nominated.")
NOT_ALLOWED_TO_CANCEL = _(
    "Only the person herself, whoever may nominate her, or the organisers may cancel this "
    "registration."
)
ALREADY_ATTENDED = _("%(name)s has already checked in at this meeting; it cannot be cancelled.")

# Only participants (peserta) take the places counted by the capacity and the library quota;
# the committee, speakers and facilitators come on top of them and are never waitlisted.
PLACE_TAKING_ROLES = (Registration.Role.PARTICIPANT,)


def person_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def _locked_meeting(meeting: MeetingPage) -> MeetingPage:
    """The meeting row, locked until the transaction ends, so that two nominations at the
    same moment cannot both take the last place. The query joins Wagtail's page table:
    lock only the meeting's own row where the database can say so."""
    rows = MeetingPage.objects.filter(pk=meeting.pk)
    if connection.features.has_select_for_update_of:
        rows = rows.select_for_update(of=("self",))
    else:
        rows = rows.select_for_update()
    return rows.get()


def registration_window_error(meeting: MeetingPage, *, today=None):
    """Why nominations are not taken today, or None while registration is open. The window
    is inclusive; without a closing date registration stays open until the last day."""
    today = today or timezone.localdate()
    if meeting.registration_opens and today < meeting.registration_opens:
        return REGISTRATION_NOT_OPEN
    closes = meeting.registration_closes or meeting.ends_on
    if closes and today > closes:
        return REGISTRATION_CLOSED
    return None


def may_nominate(nominated_by, library) -> bool:
    """Whether `nominated_by` may nominate (and cancel) the people of `library`."""
    if roles.is_programme_admin(nominated_by):
        return True
    return library is not None and any(
        candidate.pk == library.pk for candidate in permissions.nominating_libraries(nominated_by)
    )


def _registered_participants(meeting: MeetingPage):
    return Registration.objects.filter(
        meeting=meeting, status=Registration.Status.REGISTERED, role__in=PLACE_TAKING_ROLES
    )


def places_taken(meeting: MeetingPage) -> int:
    return _registered_participants(meeting).count()


def _quota_used(meeting: MeetingPage, library, *, statuses) -> int:
    return Registration.objects.filter(
        meeting=meeting, library=library, status__in=statuses, role__in=PLACE_TAKING_ROLES
    ).count()


def _unused_code() -> str:
    while True:
        code = codes.new_checkin_code()
        if not Registration.objects.filter(code=code).exists():
            return code


@transaction.atomic
def registration_nominate(*, meeting: MeetingPage, user, role: str, nominated_by) -> Registration:
    """Registers `user` for `meeting` in `role`, on the waiting list when every participant
    place is taken. Nominating someone already registered or waiting changes nothing; a
    cancelled registration comes back. The returned registration's `nominated_now` says
    whether this call registered her."""
    meeting = _locked_meeting(meeting)
    role = Registration.Role(role)
    profile = staff_profile_for(user)
    library = profile.library if profile else None
    if library is None:
        raise ValidationError(NO_LIBRARY % {"name": person_name(user)}, code="no_library")
    if not may_nominate(nominated_by, library):
        raise ValidationError(NOT_ALLOWED_TO_NOMINATE, code="not_allowed")

    existing = Registration.objects.filter(meeting=meeting, user=user).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        existing.nominated_now = False
        return existing

    # Organisers still add committee members, speakers and late-comers after the window.
    if not permissions.is_organiser(nominated_by, meeting):
        error = registration_window_error(meeting)
        if error:
            raise ValidationError(error, code="window")

    status = Registration.Status.REGISTERED
    queued_at = None
    if role in PLACE_TAKING_ROLES:
        if meeting.library_quota is not None:
            used = _quota_used(
                meeting,
                library,
                statuses=(Registration.Status.REGISTERED, Registration.Status.WAITLISTED),
            )
            if used >= meeting.library_quota:
                raise ValidationError(
                    QUOTA_FULL % {"library": library.name, "quota": meeting.library_quota},
                    code="quota",
                )
        if places_taken(meeting) >= meeting.capacity:
            status = Registration.Status.WAITLISTED
            queued_at = timezone.now()

    registration = existing or Registration(meeting=meeting, user=user, code=_unused_code())
    registration.library = library
    registration.role = role
    registration.status = status
    registration.queued_at = queued_at
    registration.cancelled_at = None
    registration.nominated_by = nominated_by
    registration.full_clean(validate_constraints=existing is None)
    registration.save()
    registration.nominated_now = True
    return registration


def waiting_position(registration: Registration) -> int | None:
    """Where a waitlisted registration stands in the queue (1 = next to move up)."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        meeting_id=registration.meeting_id,
        status=Registration.Status.WAITLISTED,
        queued_at__lt=registration.queued_at,
    ).count()
    return ahead + 1


def may_cancel(user, registration: Registration) -> bool:
    if not user.is_authenticated:
        return False
    if registration.user_id == user.pk or may_nominate(user, registration.library):
        return True
    return permissions.is_organiser(user, registration.meeting)


def _move_up(meeting: MeetingPage) -> list[Registration]:
    """Fills free participant places from the waiting list, earliest first, skipping anyone
    whose library already has its quota of registered participants."""
    free = meeting.capacity - places_taken(meeting)
    moved: list[Registration] = []
    if free <= 0:
        return moved
    waiting = (
        Registration.objects.select_for_update()
        .filter(meeting=meeting, status=Registration.Status.WAITLISTED)
        .order_by("queued_at", "id")
    )
    for candidate in waiting:
        if len(moved) == free:
            break
        if meeting.library_quota is not None:
            registered = _quota_used(
                meeting, candidate.library_id, statuses=(Registration.Status.REGISTERED,)
            )
            if registered >= meeting.library_quota:
                continue
        candidate.status = Registration.Status.REGISTERED
        candidate.queued_at = None
        candidate.save(update_fields=["status", "queued_at"])
        moved.append(candidate)
    return moved


@transaction.atomic
def registration_cancel(*, registration: Registration, cancelled_by) -> Registration:
    """Cancels a registration and gives its place to the first person waiting. Cancelling
    twice changes nothing. The returned registration's `moved_up` lists who got a place."""
    meeting = _locked_meeting(registration.meeting)
    registration = Registration.objects.select_related("user", "library").get(pk=registration.pk)
    registration.meeting = meeting
    if not may_cancel(cancelled_by, registration):
        raise PermissionDenied(NOT_ALLOWED_TO_CANCEL)
    registration.moved_up = []
    if registration.status == Registration.Status.CANCELLED:
        return registration
    if registration.checkins.exists():
        raise ValidationError(
            ALREADY_ATTENDED % {"name": person_name(registration.user)}, code="attended"
        )
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.queued_at = None
    registration.save(update_fields=["status", "cancelled_at", "queued_at"])
    registration.moved_up = _move_up(meeting)
    return registration
