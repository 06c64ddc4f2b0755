"""The meeting index and meeting pages (Wagtail pages served through these functions).

Both are public to read; what a person may do there (nominate, write stories, organise)
needs signing in and is checked again by the views behind each button."""

from django.template.response import TemplateResponse
from django.utils import timezone

from lms import roles

from .. import agenda, permissions
from ..models import MeetingIndexPage, MeetingPage, Registration
from ..selectors import meetings as selectors
from ..services.registrations import waiting_position


def serve_index(page: MeetingIndexPage, request):
    upcoming, past = selectors.meeting_rows(page)
    context = page.get_context(request)
    context.update({"upcoming": upcoming, "past": past})
    return TemplateResponse(request, page.get_template(request), context)


def _actions(page: MeetingPage, user, registration, *, registration_open: bool) -> dict:
    if not user.is_authenticated:
        return {}
    organiser = permissions.is_organiser(user, page)
    library = permissions.own_library(user)
    may_nominate = registration_open and (
        roles.is_programme_admin(user) or bool(permissions.nominating_libraries(user))
    )
    committee = (
        registration is not None
        and registration.role == Registration.Role.COMMITTEE
        and registration.status == Registration.Status.REGISTERED
    )
    return {
        "organiser": organiser,
        "may_nominate": may_nominate,
        "my_library": library,
        "may_check_in": organiser or committee,
        "may_review": roles.is_mentor(user) or roles.is_programme_admin(user),
    }


def serve_meeting(page: MeetingPage, request):
    user = request.user
    today = timezone.localdate()
    registration = selectors.registration_of(page, user)
    registration_open = selectors.registration_is_open(page, today=today)
    sessions = selectors.sessions_of(page)
    stories = selectors.scheduled_stories(page)
    for session in sessions:
        session.scheduled_stories = stories.get(session.pk, [])
    taken = Registration.objects.filter(
        meeting=page,
        status=Registration.Status.REGISTERED,
        role__in=selectors.PLACE_TAKING_ROLES,
    ).count()
    context = page.get_context(request)
    context.update(
        {
            "meeting": page,
            "organising_library": page.organiser,
            "registration": registration,
            "waiting_position": waiting_position(registration) if registration else None,
            "registration_open": registration_open,
            "registration_closes": selectors.registration_closes_on(page),
            "taken": taken,
            "free": max(page.capacity - taken, 0),
            "upcoming": page.ends_on >= today,
            "today": today,
            "days": agenda.timetable(page, sessions),
            **_actions(page, user, registration, registration_open=registration_open),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)
