"""The signed-in person's own meetings: registrations, roles, check-ins, and for mentors
the stories waiting for their review."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import roles
from lms.home import HomePanel, Link

from ..dates import meeting_dates
from ..models import MeetingIndexPage, Registration
from ..selectors import meetings as selectors
from ..services.registrations import waiting_position


@login_required
def my_meetings(request):
    today = timezone.localdate()
    upcoming, past = [], []
    for registration in selectors.registrations_of(request.user):
        meeting = registration.meeting
        registration.url = meeting.get_url()
        registration.checkin_days = [checkin.day for checkin in registration.checkins.all()]
        registration.position = (
            waiting_position(registration)
            if registration.status == Registration.Status.WAITLISTED
            else None
        )
        (upcoming if meeting.ends_on >= today else past).append(registration)
    upcoming.reverse()  # soonest first
    registered = {registration.meeting_id for registration in upcoming}
    open_meetings = [
        {"meeting": meeting, "url": meeting.get_url()}
        for meeting in selectors.open_meetings(today=today)
        if meeting.pk not in registered
    ]
    return TemplateResponse(
        request,
        "peer_learning/my_meetings.html",
        {
            "upcoming": upcoming,
            "past": past,
            "open_meetings": open_meetings,
            "index_url": _index_url(),
            "is_mentor": roles.is_mentor(request.user) or roles.is_programme_admin(request.user),
        },
    )


def _index_url() -> str:
    index = MeetingIndexPage.objects.live().first()
    return index.get_url() if index else ""


def home_panel(request) -> HomePanel | None:
    """The next meeting the person is registered for, else one open for registration;
    two queries at most."""
    if not request.user.is_authenticated:
        return None
    registration = selectors.next_registration(request.user)
    mine = Link(_("My meetings"), reverse("peer_learning:mine"))
    if registration is not None:
        meeting = registration.meeting
        if registration.status == Registration.Status.WAITLISTED:
            intro = _("You are on the waiting list for this meeting.")
        else:
            intro = _("You are registered as %(role)s.") % {"role": registration.get_role_display()}
        return HomePanel(
            title=_("Your next Peer Learning Meeting"),
            order=80,
            intro=intro,
            links=[_meeting_link(meeting), mine],
        )
    meetings = selectors.open_meetings(limit=1)
    if not meetings:
        return None
    return HomePanel(
        title=_("Peer Learning Meetings"),
        order=80,
        intro=_("Registration is open. Your library or its mentor nominates participants."),
        links=[_meeting_link(meetings[0]), mine],
    )


def _meeting_link(meeting) -> Link:
    return Link(meeting.title, meeting.get_url(), f"{meeting_dates(meeting)} · {meeting.venue}")
