"""Nominating people for a meeting, cancelling, and the personal check-in QR of a badge."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import roles

from .. import permissions
from ..forms.registration import NominationForm, NomineeSearchForm
from ..models import MeetingPage, Registration
from ..selectors import participants as selectors
from ..services import checkins as checkin_service
from ..services import registrations as service

PEOPLE_PER_PAGE = 50


def _meeting(meeting_id: int) -> MeetingPage:
    return get_object_or_404(MeetingPage.objects.live().select_related("organiser"), pk=meeting_id)


def _nominating(user) -> list | None:
    """The libraries `user` nominates from; None for a programme admin (all of them)."""
    if roles.is_programme_admin(user):
        return None
    libraries = permissions.nominating_libraries(user)
    if not libraries:
        raise PermissionDenied
    return libraries


def _nominated_message(registration: Registration) -> str:
    name = service.person_name(registration.user)
    if not registration.nominated_now:
        return _("%(name)s was already on the list (%(status)s).") % {
            "name": name,
            "status": registration.get_status_display(),
        }
    if registration.status == Registration.Status.WAITLISTED:
        return _("All places are taken: %(name)s is number %(position)s on the waiting list.") % {
            "name": name,
            "position": service.waiting_position(registration),
        }
    return _("%(name)s is registered as %(role)s.") % {
        "name": name,
        "role": registration.get_role_display(),
    }


def _waiting_positions(meeting) -> dict[int, int]:
    queue = (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.WAITLISTED)
        .order_by("queued_at", "pk")
        .values_list("pk", flat=True)
    )
    return {pk: position for position, pk in enumerate(queue, start=1)}


@login_required
def nominate(request, meeting_id: int):
    meeting = _meeting(meeting_id)
    libraries = _nominating(request.user)
    if request.method == "POST":
        form = NominationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a person and a role."))
            return redirect(request.get_full_path())
        person = get_object_or_404(get_user_model(), pk=form.cleaned_data["person"])
        try:
            registration = service.registration_nominate(
                meeting=meeting,
                user=person,
                role=form.cleaned_data["role"],
                nominated_by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _nominated_message(registration))
        return redirect(request.get_full_path())

    search = NomineeSearchForm(request.GET)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    people = Paginator(
        selectors.nominees(meeting=meeting, libraries=libraries, q=q), PEOPLE_PER_PAGE
    ).get_page(request.GET.get("page"))
    registrations = (
        list(selectors.registrations_of_libraries(meeting=meeting, libraries=libraries))
        if libraries is not None
        else []
    )
    positions = _waiting_positions(meeting)
    for registration in registrations:
        registration.position = positions.get(registration.pk)
    return render(
        request,
        "peer_learning/nominate.html",
        {
            "meeting": meeting,
            "libraries": libraries,
            "search": search,
            "q": q,
            "page_query": urlencode({"q": q}) + "&" if q else "",
            "people": people,
            "registrations": registrations,
            "counts": selectors.place_counts(meeting),
            "window_error": service.registration_window_error(meeting),
            "organiser": permissions.is_organiser(request.user, meeting),
            "roles": Registration.Role.choices,
            "participant_role": Registration.Role.PARTICIPANT,
        },
    )


def _safe_next(request) -> str | None:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
@require_POST
def cancel(request, meeting_id: int, registration_id: int):
    registration = get_object_or_404(
        Registration.objects.select_related("meeting", "user", "library"),
        pk=registration_id,
        meeting_id=meeting_id,
    )
    if not service.may_cancel(request.user, registration):
        raise PermissionDenied
    try:
        registration = service.registration_cancel(
            registration=registration, cancelled_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s is cancelled.")
            % {"name": service.person_name(registration.user)},
        )
        for moved in registration.moved_up:
            messages.info(
                request,
                _("%(name)s moved up from the waiting list and now has a place.")
                % {"name": service.person_name(moved.user)},
            )
    return redirect(_safe_next(request) or reverse("peer_learning:nominate", args=[meeting_id]))


def may_see_badge(user, registration: Registration) -> bool:
    """The person herself, whoever may nominate her, and the organisers."""
    return (
        registration.user_id == user.pk
        or service.may_nominate(user, registration.library)
        or permissions.is_organiser(user, registration.meeting)
    )


@login_required
def badge_qr(request, meeting_id: int, code: str):
    registration = (
        Registration.objects.select_related("meeting", "library")
        .filter(meeting_id=meeting_id, code=code)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    # Not found rather than forbidden: a code is half a badge, nobody may probe for them.
    if registration is None or not may_see_badge(request.user, registration):
        raise Http404
    svg = checkin_service.badge_qr_svg(meeting_id=registration.meeting_id, code=registration.code)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response
