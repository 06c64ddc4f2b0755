"""Checking people in at a meeting, one check-in per person per day, by badge code or by hand."""

import datetime
import io
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy

from lms import signals

from .. import codes, permissions
from ..models import CheckIn, MeetingPage, Registration
from .registrations import person_name

NOT_ALLOWED = gettext_lazy("Only the organisers and the committee of this meeting check people in.")
CODE_NOT_FOUND = gettext_lazy("No registration has this code. Check it and try again.")
CODE_OF_ANOTHER_MEETING = gettext_lazy("This code belongs to another meeting.")
REGISTRATION_CANCELLED = gettext_lazy("%(name)s's registration was cancelled.")
REGISTRATION_WAITLISTED = gettext_lazy(
    "%(name)s is on the waiting list and has no place at this meeting."
)
DAY_OUTSIDE_MEETING = gettext_lazy("%(day)s is not a day of this meeting.")
CHECKED_IN = gettext_lazy("%(name)s is checked in for %(day)s.")
ALREADY_CHECKED_IN = gettext_lazy("%(name)s already checked in at %(time)s.")
# The parameter of the check-in page's URL that the badge QR carries.
CODE_PARAMETER = "kode"


@dataclass
class CheckInResult:
    """What the committee sees after a scan: green when `ok`, red otherwise."""

    ok: bool
    message: str
    registration: Registration | None = None
    checkin: CheckIn | None = None
    already: bool = False
    # This was the person's first check-in at the meeting (the attendance event was sent).
    first: bool = False


def code_from_text(text: str) -> str:
    """The stored form of a code as typed or scanned: the badge QR holds the check-in URL
    (`.../pbs/<meeting>/hadir/?kode=<code>`), a person types the bare code, any case, with
    spaces or dashes."""
    text = (text or "").strip()
    if "?" in text or "=" in text:
        query = urlsplit(text if "?" in text else "?" + text).query
        values = {key.lower(): value for key, value in parse_qs(query).items()}
        if values.get(CODE_PARAMETER):
            text = values[CODE_PARAMETER][0]
    return codes.normalise(text)


def looks_scanned(text: str) -> bool:
    """A scanner (USB or a phone camera) delivers the QR's URL; a person types the code."""
    return "/" in (text or "") or f"{CODE_PARAMETER}=" in (text or "").lower()


def registration_for_code(*, meeting: MeetingPage, code: str):
    """(registration, None) for a usable code of this meeting, else (registration or None,
    the reason it cannot check in). Reads only: the confirm step of a phone scan uses it."""
    normalised = code_from_text(code)
    registration = (
        Registration.objects.select_related("user", "library").filter(code=normalised).first()
        if normalised
        else None
    )
    if registration is None:
        return None, str(CODE_NOT_FOUND)
    if registration.meeting_id != meeting.pk:
        return None, str(CODE_OF_ANOTHER_MEETING)
    return registration, _refusal(registration)


def _refusal(registration: Registration) -> str | None:
    name = person_name(registration.user)
    if registration.status == Registration.Status.CANCELLED:
        return str(REGISTRATION_CANCELLED) % {"name": name}
    if registration.status == Registration.Status.WAITLISTED:
        return str(REGISTRATION_WAITLISTED) % {"name": name}
    return None


def _day_error(meeting: MeetingPage, day: datetime.date) -> str | None:
    if day not in meeting.days:
        return str(DAY_OUTSIDE_MEETING) % {"day": date_format(day, "DATE_FORMAT")}
    return None


def _already(registration: Registration, existing: CheckIn) -> CheckInResult:
    at = time_format(timezone.localtime(existing.at), "H:i")
    return CheckInResult(
        ok=True,
        message=str(ALREADY_CHECKED_IN) % {"name": person_name(registration.user), "time": at},
        registration=registration,
        checkin=existing,
        already=True,
    )


def _check_in(*, registration, day, by, method) -> CheckInResult:
    refusal = _refusal(registration) or _day_error(registration.meeting, day)
    if refusal:
        return CheckInResult(ok=False, message=refusal, registration=registration)
    # Lock the registration: two scans at the same moment (on two phones, or on two days)
    # queue here, so exactly one of them is the first check-in that sends the event.
    Registration.objects.select_for_update().filter(pk=registration.pk).values_list("pk").get()
    days = dict(
        CheckIn.objects.filter(registration=registration).values_list("day", "pk").order_by()
    )
    if day in days:
        return _already(registration, CheckIn.objects.get(pk=days[day]))
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                registration=registration, day=day, method=method, checked_in_by=by
            )
    except IntegrityError:
        # The unique (registration, day) constraint caught a scan the lock did not see
        # (a database without row locks): the other one counts.
        return _already(registration, CheckIn.objects.get(registration=registration, day=day))
    first = not days
    if first:
        meeting, user, role = registration.meeting, registration.user, registration.role
        transaction.on_commit(
            lambda: signals.meeting_attended.send(
                sender=Registration, user=user, meeting=meeting, role=role, attended_on=day
            )
        )
    return CheckInResult(
        ok=True,
        message=str(CHECKED_IN)
        % {"name": person_name(registration.user), "day": date_format(day, "DATE_FORMAT")},
        registration=registration,
        checkin=checkin,
        first=first,
    )


@transaction.atomic
def checkin_by_code(
    *, meeting: MeetingPage, code: str, day: datetime.date, by, method: str = CheckIn.Method.CODE
) -> CheckInResult:
    """Checks in the person whose badge code (or badge QR URL) this is, for `day`."""
    if not permissions.can_check_in(by, meeting):
        raise PermissionDenied(NOT_ALLOWED)
    registration, refusal = registration_for_code(meeting=meeting, code=code)
    if registration is None:
        return CheckInResult(ok=False, message=refusal)
    registration.meeting = meeting
    return _check_in(registration=registration, day=day, by=by, method=method)


@transaction.atomic
def checkin_manual(*, registration: Registration, day: datetime.date, by) -> CheckInResult:
    """The fallback when a badge is lost: a committee member finds the name in the list."""
    if not permissions.can_check_in(by, registration.meeting):
        raise PermissionDenied(NOT_ALLOWED)
    return _check_in(registration=registration, day=day, by=by, method=CheckIn.Method.MANUAL)


def checkin_url(*, meeting_id: int, code: str) -> str:
    """The absolute address a badge's QR holds: the check-in page with the person's code, so
    that a committee member's phone camera opens it ready to confirm."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    path = reverse("peer_learning:checkin", args=[meeting_id])
    return f"{base}{path}?{CODE_PARAMETER}={code}"


def badge_qr_svg(*, meeting_id: int, code: str, scale: int = 4) -> bytes:
    """The check-in QR as a standalone SVG document."""
    import segno

    buffer = io.BytesIO()
    segno.make(checkin_url(meeting_id=meeting_id, code=code), error="m", micro=False).save(
        buffer, kind="svg", scale=scale, border=2, title=code
    )
    return buffer.getvalue()
