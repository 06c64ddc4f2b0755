"""What Peer Learning Meetings award: attendance, and presenting as a speaker (narasumber).

The meeting_attended event is sent once per registration, on its first check-in.
"""

from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from lms import signals
from lms.achievements import Achievement, AchievementKind

from .models import MeetingPage, Registration
from .permissions import is_organiser

ATTENDANCE = "plm_attendance"
PRESENTER = "plm_presenter"


def _achievement(user, meeting, attended_on, *, presenter: bool) -> Achievement:
    title = _("Speaker at %(meeting)s") if presenter else _("Participant of %(meeting)s")
    return Achievement(
        user=user,
        subject=meeting,
        title=str(title % {"meeting": meeting.title}),
        achieved_on=attended_on,
    )


def _attended(meeting, *, presenter: bool):
    rows = Registration.objects.filter(meeting=meeting, checkins__isnull=False)
    if presenter:
        rows = rows.filter(role=Registration.Role.SPEAKER)
    return rows.annotate(first_day=Min("checkins__day")).select_related("user")


def _kind(key: str, label, *, presenter: bool) -> AchievementKind:
    def from_signal(*, user, meeting, role, attended_on, **kwargs):
        if presenter and role != Registration.Role.SPEAKER:
            return None
        return _achievement(user, meeting.specific, attended_on, presenter=presenter)

    def describe(user, meeting):
        row = _attended(meeting, presenter=presenter).filter(user=user).first()
        if row is None:
            return None
        return _achievement(user, meeting, row.first_day, presenter=presenter)

    def earned(meeting):
        for row in _attended(meeting, presenter=presenter):
            yield _achievement(row.user, meeting, row.first_day, presenter=presenter)

    return AchievementKind(
        key=key,
        label=label,
        signal=signals.meeting_attended,
        from_signal=from_signal,
        subjects=lambda: MeetingPage.objects.live().order_by("-starts_on"),
        describe=describe,
        earned=earned,
        can_manage=lambda user, meeting: is_organiser(user, meeting),
    )


def achievement_kinds() -> list[AchievementKind]:
    return [
        _kind(ATTENDANCE, _("Peer Learning Meeting attendance"), presenter=False),
        _kind(PRESENTER, _("Peer Learning Meeting speaker"), presenter=True),
    ]
