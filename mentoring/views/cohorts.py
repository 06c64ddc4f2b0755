"""Cohort pages: the list, one cohort with its participants, attendance, and finishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..exports import Table, export_response
from ..models import Cohort, CohortFacilitator, CohortSession
from ..services import cohorts as service

EXPORT_FORMATS = ("csv", "xlsx")
COHORTS_PER_PAGE = 50


def _export_format(request) -> str | None:
    fmt = request.GET.get("format")
    if fmt and fmt not in EXPORT_FORMATS:
        raise Http404
    return fmt or None


def _facilitator_names(rows, role) -> str:
    return ", ".join(service.display_name(row.user) for row in rows if row.role == role)


# The list


def _cohorts_table(cohorts) -> Table:
    return Table(
        title=_("Cohorts"),
        columns=[
            _("Cohort"),
            _("Course"),
            _("Host library"),
            _("Starts on"),
            _("Ends on"),
            _("Status"),
            _("Lead facilitators"),
            _("Sessions"),
            _("Participants"),
        ],
        rows=[
            [
                cohort.name,
                cohort.course.title,
                cohort.host_library.name,
                cohort.starts_on,
                cohort.ends_on,
                str(cohort.get_status_display()),
                _facilitator_names(cohort.facilitators.all(), CohortFacilitator.Role.LEAD),
                cohort.session_count,
                cohort.participant_count,
            ]
            for cohort in cohorts
        ],
    )


@login_required
def cohort_list(request):
    cohorts = service.cohort_list_rows(service.cohorts_visible_to(request.user))
    fmt = _export_format(request)
    if fmt:
        return export_response(_cohorts_table(cohorts), fmt)
    page = Paginator(cohorts, COHORTS_PER_PAGE).get_page(request.GET.get("page"))
    for cohort in page.object_list:
        cohort.leads = _facilitator_names(cohort.facilitators.all(), CohortFacilitator.Role.LEAD)
    return render(request, "mentoring/cohort_list.html", {"page": page})


# One cohort


def _cohort_for(request, pk: int):
    """The cohort and its facilitators, if the signed-in person may see it (else 403)."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("course", "host_library__regency", "created_by"), pk=pk
    )
    facilitators = service.facilitators_of(cohort)
    facilitator_ids = {row.user_id for row in facilitators}
    if not service.may_view_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    return cohort, facilitators, facilitator_ids


def _participant_rows(cohort, sessions: int) -> list:
    participants = list(service.participants_with_attendance(cohort))
    completed = service.completed_user_ids(
        cohort=cohort, user_ids=[p.user_id for p in participants]
    )
    for p in participants:
        profile = getattr(p.user, "staff_profile", None)
        p.library = profile.library if profile and profile.library else None
        p.percent = service.attendance_percent(p.attended, sessions)
        p.met = service.attendance_met(
            attended=p.attended, sessions=sessions, threshold=cohort.attendance_threshold
        )
        p.completed = p.user_id in completed
    return participants


def _participants_table(cohort, participants, sessions: int) -> Table:
    yes, no = _("yes"), _("no")
    return Table(
        title=_("Participants %(cohort)s") % {"cohort": cohort.name},
        columns=[
            _("Name"),
            _("Username"),
            _("Library"),
            _("Sessions attended"),
            _("Sessions"),
            _("Attendance (%)"),
            _("Course completed"),
            _("Finished on"),
        ],
        rows=[
            [
                service.display_name(p.user),
                p.user.get_username(),
                p.library.name if p.library else "",
                p.attended,
                sessions,
                p.percent,
                yes if p.completed else no,
                timezone.localdate(p.finished_at) if p.finished_at else "",
            ]
            for p in participants
        ],
    )


@login_required
def cohort_detail(request, pk: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    fmt = _export_format(request)
    sessions = list(cohort.sessions.all())
    participants = _participant_rows(cohort, len(sessions))
    if fmt:
        return export_response(_participants_table(cohort, participants, len(sessions)), fmt)
    may_run = service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids)
    return render(
        request,
        "mentoring/cohort_detail.html",
        {
            "cohort": cohort,
            "facilitators": facilitators,
            "sessions": sessions,
            "participants": participants,
            "finished_count": sum(1 for p in participants if p.finished_at),
            "may_run": may_run,
        },
    )


@login_required
def cohort_attendance(request, pk: int, session_id: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    if not service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    session = get_object_or_404(CohortSession, pk=session_id, cohort=cohort)
    errors = []
    if request.method == "POST":
        try:
            service.attendance_record(
                session=session,
                present_user_ids=request.POST.getlist("present"),
                recorded_by=request.user,
            )
        except ValidationError as error:
            errors = error.messages
        except ValueError:
            errors = [_("The form was not filled in correctly; please try again.")]
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("mentoring:cohort_detail", pk=cohort.pk)
    participants = list(service.participants_with_attendance(cohort))
    if request.method == "POST":
        present = set(request.POST.getlist("present"))
    else:
        present = {str(uid) for uid in session.attendance.values_list("user_id", flat=True)}
    for p in participants:
        p.present = str(p.user_id) in present
    return render(
        request,
        "mentoring/cohort_attendance.html",
        {"cohort": cohort, "session": session, "participants": participants, "errors": errors},
        status=400 if errors else 200,
    )


@require_POST
@login_required
def cohort_finish(request, pk: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    if not service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    finished = service.cohort_finish(cohort=cohort, finished_by=request.user)
    messages.success(
        request,
        ngettext(
            "The cohort is finished; %(count)d participant finished it now.",
            "The cohort is finished; %(count)d participants finished it now.",
            len(finished),
        )
        % {"count": len(finished)},
    )
    return redirect("mentoring:cohort_detail", pk=cohort.pk)


urlpatterns = [
    path("angkatan/", cohort_list, name="cohort_list"),
    path("angkatan/<int:pk>/", cohort_detail, name="cohort_detail"),
    path(
        "angkatan/<int:pk>/hadir/<int:session_id>/",
        cohort_attendance,
        name="cohort_attendance",
    ),
    path("angkatan/<int:pk>/selesai/", cohort_finish, name="cohort_finish"),
]
