"""The libraries' monthly reports on the site: a library's months, the form for one month,
and the grid of the libraries a mentor mentors. Every object is checked on the server."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import roles
from lms.exports import Table, export_response, requested_format
from lms.models import Library
from lms.selectors import staff_profile_for

from .. import permissions
from . import deadlines, scoring, selectors, services
from .forms import MonthChoiceForm, ReportEditor

MENTORS_ONLY = gettext_lazy(
    "This page is for mentors (pendamping): it shows the reports of the libraries they mentor."
)
NO_REPORT = gettext_lazy("This library has no report on that month.")


def _library(library_id: int) -> Library:
    return get_object_or_404(Library.objects.select_related("regency"), pk=library_id)


def _readable(request, library: Library) -> None:
    if not permissions.can_view_reports_of(request.user, library):
        raise PermissionDenied(services.NOT_ALLOWED)


def month_url(library: Library, month: date) -> str:
    return reverse("monitoring:report_month", args=[library.pk, month])


def _library_page(request, library: Library, chooser: MonthChoiceForm | None = None):
    writable = permissions.can_report_for(request.user, library)
    rows = selectors.library_months(library=library)
    fmt = requested_format(request)
    if fmt:
        return export_response(
            _months_table(library, rows), fmt, filename=f"laporan-{library.code}"
        )
    if writable and chooser is None:
        chooser = MonthChoiceForm()
    return render(
        request,
        "monitoring/reporting/library.html",
        {
            "library": library,
            "rows": rows,
            "writable": writable,
            "chooser": chooser if writable else None,
            "due_day": deadlines.due_day(),
            "is_mentor": roles.is_mentor(request.user),
        },
    )


def _months_table(library: Library, rows) -> Table:
    table = Table(
        title=_("Monthly reports of %(library)s") % {"library": library.name},
        columns=[
            _("Month"),
            _("Status"),
            _("Submitted at"),
            _("Visitors"),
            _("Computer users"),
            _("Internet users"),
            _("Activities held"),
            _("Activity participants"),
            _("Impact records"),
            _("Score"),
        ],
    )
    for row in rows:
        report = row.report
        measures = scoring.measures_of(report) if report else {}
        table.rows.append(
            [
                f"{row.month:%Y-%m}",
                str(row.timeliness.label),
                timezone.localtime(report.submitted_at).strftime("%Y-%m-%d %H:%M")
                if report and report.submitted_at
                else "",
                *(measures.get(m, "") for m in scoring.MEASURES),
                str(row.score.label),
            ]
        )
    return table


@login_required
def home(request):
    """The reports of the signed-in person's own library."""
    profile = staff_profile_for(request.user)
    if profile is None or profile.library is None:
        return render(
            request,
            "monitoring/reporting/no_library.html",
            {
                "is_admin": roles.is_programme_admin(request.user),
                "can_see_dashboards": permissions.can_view_dashboards(request.user),
            },
        )
    return _library_page(request, profile.library)


@login_required
def library_reports(request, library_id: int):
    library = _library(library_id)
    _readable(request, library)
    return _library_page(request, library)


@login_required
def choose_month(request, library_id: int):
    """Where the month list sends its choice: to that month's form."""
    library = _library(library_id)
    _readable(request, library)
    if not permissions.can_report_for(request.user, library):
        raise PermissionDenied(services.NOT_ALLOWED)
    chooser = MonthChoiceForm(request.GET or None)
    if chooser.is_valid():
        month = chooser.chosen()
        return redirect(month_url(library, month))
    return _library_page(request, library, chooser=chooser)


@login_required
def report_month(request, library_id: int, month: date):
    """The report of one library on one month: a form for those who may write it while
    the month may still be written, the report to read otherwise."""
    library = _library(library_id)
    _readable(request, library)
    writable = permissions.can_report_for(request.user, library)
    if request.method == "POST" and not writable:
        raise PermissionDenied(services.NOT_ALLOWED)
    report = selectors.report_for(library=library, month=month)
    month_problems = services.month_errors(month)
    if not writable or month_problems:
        if request.method == "POST" or report is None:
            for problem in month_problems or [NO_REPORT]:
                messages.error(request, problem)
            return redirect(_library_url(request, library))
        return _render_month(request, library, month, report, editor=None)

    if request.method == "POST":
        more = request.POST.get("more", "")
        if more:
            editor = ReportEditor(
                library=library, month=month, report=report, typed=request.POST, more=more
            )
            return _render_month(request, library, month, report, editor)
        editor = ReportEditor(library=library, month=month, report=report, data=request.POST)
        if editor.is_valid():
            try:
                saved = services.report_save(
                    library=library,
                    month=month,
                    submit="submit" in request.POST,
                    by=request.user,
                    **editor.save_kwargs(),
                )
            except services.ReportInvalid as error:
                editor.show(error)
            else:
                return _saved(request, library, saved)
    else:
        editor = ReportEditor(library=library, month=month, report=report)
    return _render_month(request, library, month, report, editor)


def _library_url(request, library: Library) -> str:
    profile = staff_profile_for(request.user)
    if profile is not None and profile.library_id == library.pk:
        return reverse("monitoring:report_home")
    return reverse("monitoring:report_library", args=[library.pk])


def _saved(request, library: Library, report):
    label = date_format(report.month, "F Y")
    if report.status != report.Status.SUBMITTED:
        messages.success(
            request,
            _("The draft report on %(month)s was saved. Submit it when it is complete.")
            % {"month": label},
        )
        return redirect(month_url(library, report.month))
    if report.submitted_now:
        if deadlines.submitted_late(month=report.month, submitted_at=report.submitted_at):
            message = _(
                "The report on %(month)s was submitted, after its due date (%(due)s). Thank you."
            ) % {"month": label, "due": date_format(deadlines.due_date(report.month), "j F Y")}
        else:
            message = _("The report on %(month)s was submitted on time. Thank you.") % {
                "month": label
            }
    else:
        message = _("The changes to the report on %(month)s were saved.") % {"month": label}
    messages.success(request, message)
    return redirect(_library_url(request, library))


def _render_month(request, library, month, report, editor):
    targets = scoring.targets_by_kind().get(library.kind, {})
    score = scoring.score(scoring.measures_of(report), targets) if report else None
    timeliness = deadlines.timeliness(
        month=month,
        status=report.status if report else None,
        submitted_at=report.submitted_at if report else None,
    )
    return render(
        request,
        "monitoring/reporting/report_form.html" if editor else "monitoring/reporting/report.html",
        {
            "library": library,
            "month": month,
            "report": report,
            "editor": editor,
            "score": score,
            "timeliness": timeliness,
            "due_on": deadlines.due_date(month),
            "library_url": _library_url(request, library),
            "submitted": report is not None and report.status == report.Status.SUBMITTED,
        },
    )


@login_required
def mentored(request):
    """The libraries the signed-in mentor mentors × the last months, late ones flagged."""
    profile = staff_profile_for(request.user)
    if not roles.is_mentor(request.user) or profile is None or profile.library is None:
        raise PermissionDenied(MENTORS_ONLY)
    grid = selectors.mentor_grid(user=request.user)
    fmt = requested_format(request)
    if fmt:
        return export_response(_grid_table(grid), fmt, filename="laporan-dampingan")
    return render(
        request,
        "monitoring/reporting/mentored.html",
        {"grid": grid, "mentor_library": profile.library, "due_day": deadlines.due_day()},
    )


def _grid_table(grid: selectors.Grid) -> Table:
    table = Table(
        title=_("Reports of the libraries you mentor"),
        columns=[_("Library"), *(f"{month:%Y-%m}" for month in grid.months), _("Late")],
    )
    for row in grid.rows:
        table.rows.append(
            [row.library.name, *(str(cell.timeliness.label) for cell in row.cells), row.late_count]
        )
    return table
