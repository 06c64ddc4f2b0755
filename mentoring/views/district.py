"""The district (kabupaten/kota) view and the fidelity view, each with CSV/XLSX exports."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as courses
from lms import roles
from lms.exports import FORMATS, Table, export_response
from lms.models import Regency

from .. import reports
from ..permissions import can_view_cascade, can_view_regency, home_regency


def _export(request, tables: dict[str, Callable[[], Table]]):
    """The requested table as a file when the URL asks for one (?format=&table=), else None.
    Only the requested table is built."""
    fmt = request.GET.get("format")
    if not fmt:
        return None
    build = tables.get(request.GET.get("table", ""))
    if fmt not in FORMATS or build is None:
        raise Http404
    return export_response(build(), fmt)


# District


@login_required
def district_index(request):
    """Programme admins choose a regency; a district mentor goes straight to her own."""
    if roles.is_programme_admin(request.user):
        return render(
            request,
            "mentoring/district_index.html",
            {"regencies": reports.regencies_overview()},
        )
    regency = home_regency(request.user)
    if regency is None:
        raise PermissionDenied
    return redirect("mentoring:district", regency_id=regency.pk)


def _coverage_table(regency, coverage) -> Table:
    return Table(
        title=_("Coverage %(regency)s") % {"regency": regency},
        columns=[_("Library"), _("Kind"), *[c.title for c in coverage.curricula]],
        rows=[
            [row.library.name, str(row.library.get_kind_display())]
            + [str(cell.label) for cell in row.cells]
            for row in coverage.rows
        ],
    )


def _cohorts_table(regency, cohorts) -> Table:
    return Table(
        title=_("Cohorts %(regency)s") % {"regency": regency},
        columns=[
            _("Cohort"),
            _("Course"),
            _("Host library"),
            _("Starts on"),
            _("Ends on"),
            _("Status"),
            _("Participants"),
            _("Finished"),
        ],
        rows=[
            [
                cohort.name,
                cohort.course.title,
                cohort.host_library.name,
                cohort.starts_on.isoformat(),
                cohort.ends_on.isoformat(),
                str(cohort.get_status_display()),
                cohort.participant_count,
                cohort.finished_count,
            ]
            for cohort in cohorts
        ],
    )


def _visits_table(regency, months) -> Table:
    return Table(
        title=_("Visits %(regency)s") % {"regency": regency},
        columns=[_("Month"), _("Visits"), _("Libraries visited")],
        rows=[[m.month.strftime("%Y-%m"), m.visits, m.libraries] for m in months],
    )


def _follow_ups_table(regency, follow_ups) -> Table:
    return Table(
        title=_("Follow-ups %(regency)s") % {"regency": regency},
        columns=[_("Library"), _("Open"), _("Overdue"), _("Oldest due date"), _("Last visit")],
        rows=[
            [
                row["library"],
                row["open"],
                row["overdue"],
                row["oldest_due"].isoformat() if row["oldest_due"] else "",
                row["last_visit"].isoformat() if row["last_visit"] else "",
            ]
            for row in follow_ups.by_library
        ],
    )


@login_required
def district(request, regency_id: int):
    regency = get_object_or_404(Regency.objects.select_related("province"), pk=regency_id)
    if not can_view_regency(request.user, regency):
        raise PermissionDenied
    today = timezone.localdate()
    response = _export(
        request,
        {
            "coverage": lambda: _coverage_table(regency, reports.regency_coverage(regency=regency)),
            "cohorts": lambda: _cohorts_table(regency, reports.regency_cohorts(regency=regency)),
            "visits": lambda: _visits_table(
                regency, reports.regency_visits_per_month(regency=regency, today=today)
            ),
            "followups": lambda: _follow_ups_table(
                regency, reports.regency_follow_ups(regency=regency, today=today)
            ),
        },
    )
    if response is not None:
        return response
    months = reports.regency_visits_per_month(regency=regency, today=today)
    return render(
        request,
        "mentoring/district.html",
        {
            "regency": regency,
            "today": today,
            "coverage": reports.regency_coverage(regency=regency),
            "cohorts": list(reports.regency_cohorts(regency=regency)),
            "months": months,
            "chart": reports.visits_chart(months),
            "follow_ups": reports.regency_follow_ups(regency=regency, today=today),
            "export_formats": FORMATS,
        },
    )


# Fidelity


@login_required
def fidelity_index(request):
    if not can_view_cascade(request.user):
        raise PermissionDenied
    first = courses.curricula().first()
    if first is None:
        return render(request, "mentoring/fidelity.html", {"curricula": [], "curriculum": None})
    return redirect("mentoring:fidelity", curriculum_id=first.pk)


def _tiers_table(curriculum, report) -> Table:
    return Table(
        title=_("Fidelity by tier %(curriculum)s") % {"curriculum": curriculum.title},
        columns=[_("Quiz"), _("Tier"), _("Learners"), _("Average score (%)")],
        rows=[
            [entry.quiz.title, str(tier.tier_label), tier.learners, round(tier.average, 1)]
            for entry in report
            for tier in entry.tiers
        ],
    )


def _trainers_table(curriculum, report) -> Table:
    return Table(
        title=_("Fidelity by trainer %(curriculum)s") % {"curriculum": curriculum.title},
        columns=[
            _("Quiz"),
            _("Tier"),
            _("Trainer"),
            _("Learners"),
            _("Average score (%)"),
            _("Tier average (%)"),
            _("Below tier average"),
        ],
        rows=[
            [
                entry.quiz.title,
                str(branch.tier_label),
                branch.trainer_name,
                branch.learners,
                round(branch.average, 1),
                round(branch.tier_average, 1),
                _("yes") if branch.flagged else _("no"),
            ]
            for entry in report
            for branch in entry.branches
        ],
    )


@login_required
def fidelity(request, curriculum_id: int):
    if not can_view_cascade(request.user):
        raise PermissionDenied
    curricula = list(courses.curricula())
    curriculum = next((c for c in curricula if c.pk == curriculum_id), None)
    if curriculum is None:
        raise Http404
    response = _export(
        request,
        {
            "tiers": lambda: _tiers_table(
                curriculum, reports.fidelity_report(curriculum=curriculum)
            ),
            "trainers": lambda: _trainers_table(
                curriculum, reports.fidelity_report(curriculum=curriculum)
            ),
        },
    )
    if response is not None:
        return response
    report = reports.fidelity_report(curriculum=curriculum)
    return render(
        request,
        "mentoring/fidelity.html",
        {
            "curricula": curricula,
            "curriculum": curriculum,
            "report": report,
            "gap_points": reports.FIDELITY_GAP_POINTS,
            "min_learners": reports.FIDELITY_MIN_LEARNERS,
            "export_formats": FORMATS,
        },
    )


urlpatterns = [
    path("wilayah/", district_index, name="district_index"),
    path("wilayah/<int:regency_id>/", district, name="district"),
    path("fidelitas/", fidelity_index, name="fidelity_index"),
    path("fidelitas/<int:curriculum_id>/", fidelity, name="fidelity"),
]
