"""The committee's check-in desk: scan or type a badge code, or find a name in the list."""

import datetime
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms.checkin import CheckInCodeForm, ManualCheckInForm
from ..models import CheckIn, MeetingPage, Registration
from ..selectors import participants as selectors
from ..services import checkins as service

PEOPLE_PER_PAGE = 50
# The last result, shown once on the page the check-in redirects to.
RESULT_KEY = "plm_checkin_result"


def _meeting_for_committee(request, meeting_id: int) -> MeetingPage:
    meeting = get_object_or_404(MeetingPage.objects.select_related("organiser"), pk=meeting_id)
    if not permissions.can_check_in(request.user, meeting):
        raise PermissionDenied
    return meeting


def _day(meeting: MeetingPage, value: str | None) -> datetime.date:
    """The day asked for; else today while the meeting runs; else its first day."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        day = None
    days = meeting.days
    if day in days:
        return day
    today = timezone.localdate()
    return today if today in days else days[0]


def _with_day(request, meeting: MeetingPage):
    """The posted form, on the default day when the post names none."""
    data = request.POST.copy()
    if not data.get("hari"):
        data["hari"] = _day(meeting, None).isoformat()
    return data


def _remember(request, result: service.CheckInResult) -> None:
    registration = result.registration
    request.session[RESULT_KEY] = {
        "ok": result.ok,
        "already": result.already,
        "message": result.message,
        "name": registration and service.person_name(registration.user),
        "library": registration and registration.library.name,
        "role": registration and str(registration.get_role_display()),
    }


def _back(meeting_id: int, day: datetime.date, **params) -> str:
    query = {"hari": day.isoformat(), **{k: v for k, v in params.items() if v}}
    return reverse("peer_learning:checkin", args=[meeting_id]) + "?" + urlencode(query)


@login_required
def checkin(request, meeting_id: int):
    meeting = _meeting_for_committee(request, meeting_id)
    if request.method == "POST":
        form = CheckInCodeForm(_with_day(request, meeting), meeting=meeting)
        day = _day(meeting, request.POST.get("hari"))
        if form.is_valid():
            code = form.cleaned_data["kode"]
            scanned = service.looks_scanned(code) or request.POST.get("via") == "scan"
            result = service.checkin_by_code(
                meeting=meeting,
                code=code,
                day=form.cleaned_data["hari"],
                by=request.user,
                method=CheckIn.Method.SCAN if scanned else CheckIn.Method.CODE,
            )
        elif "hari" in form.errors:
            result = service.CheckInResult(
                ok=False, message=_("Choose one of the days of this meeting.")
            )
        else:
            result = service.CheckInResult(ok=False, message=_("Scan or type a check-in code."))
        _remember(request, result)
        return redirect(_back(meeting.pk, day))

    day = _day(meeting, request.GET.get("hari"))
    q = request.GET.get("q", "").strip()[:100]
    # A phone camera opened the badge's URL: show who it is, and check in only on a POST.
    scanned_code = request.GET.get(service.CODE_PARAMETER, "").strip()[:300]
    scanned = None
    if scanned_code:
        registration, refusal = service.registration_for_code(meeting=meeting, code=scanned_code)
        scanned = {"registration": registration, "refusal": refusal, "code": scanned_code}
    people = Paginator(selectors.checkin_list(meeting=meeting, day=day, q=q), PEOPLE_PER_PAGE)
    return render(
        request,
        "peer_learning/checkin.html",
        {
            "meeting": meeting,
            "day": day,
            "days": meeting.days,
            "form": CheckInCodeForm(meeting=meeting, initial={"hari": day.isoformat()}),
            "result": request.session.pop(RESULT_KEY, None),
            "scanned": scanned,
            "counts": selectors.checkin_counts(meeting=meeting, day=day),
            "q": q,
            "page_query": urlencode({"hari": day.isoformat(), **({"q": q} if q else {})}) + "&",
            "people": people.get_page(request.GET.get("page")),
        },
    )


@login_required
@require_POST
def checkin_manual(request, meeting_id: int):
    meeting = _meeting_for_committee(request, meeting_id)
    form = ManualCheckInForm(_with_day(request, meeting), meeting=meeting)
    day = _day(meeting, request.POST.get("hari"))
    if form.is_valid():
        registration = get_object_or_404(
            Registration.objects.select_related("user", "library"),
            pk=form.cleaned_data["registration"],
            meeting=meeting,
        )
        registration.meeting = meeting
        result = service.checkin_manual(
            registration=registration, day=form.cleaned_data["hari"], by=request.user
        )
    else:
        result = service.CheckInResult(ok=False, message=_("Choose a person and a day."))
    _remember(request, result)
    return redirect(
        _back(
            meeting.pk,
            day,
            q=request.POST.get("q", "").strip()[:100],
            page=request.POST.get("page", "").strip()[:6],
        )
    )
