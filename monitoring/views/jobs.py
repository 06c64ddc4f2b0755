"""Background work started from the dashboard: refreshing the figures and making the
monthly PDF reports, each with a page that shows its progress and the result."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..selectors import dashboard as selectors
from ..selectors import jobs as job_selectors
from ..services import pdf_reports, summary

REFRESH_SECONDS = 3


@require_POST
@login_required
def refresh(request):
    """Programme admins redo every regency; regional admins the stale ones."""
    if not permissions.can_view_dashboards(request.user):
        raise PermissionDenied
    job = summary.refresh_request(
        only_stale=not permissions.can_view_programme(request.user), requested_by=request.user
    )
    return redirect("monitoring:refresh_job", job.pk)


@login_required
def refresh_job(request, job_id: int):
    if not permissions.can_view_dashboards(request.user):
        raise PermissionDenied
    job = job_selectors.refresh_job(job_id)
    if job is None:
        raise Http404
    return render(
        request,
        "monitoring/refresh_job.html",
        {"job": job, "refresh": REFRESH_SECONDS, "next": request.GET.get("next", "")},
    )


def _area_from(request):
    level = request.POST.get("level", "")
    try:
        pk = int(request.POST.get("area", "0") or 0)
    except ValueError:
        raise Http404 from None
    if level == selectors.REGENCY:
        area = selectors.regency_area(pk)
    elif level == selectors.PROVINCE:
        area = selectors.province_area(pk)
    elif level == selectors.PROGRAMME:
        area = selectors.programme()
    else:
        area = None
    if area is None:
        raise Http404
    return area


@require_POST
@login_required
def report_request(request):
    area = _area_from(request)
    try:
        month = date.fromisoformat(request.POST.get("month", "") + "-01")
    except ValueError:
        messages.error(request, _("Choose the month of the report."))
        return redirect(request.POST.get("back") or "monitoring:home")
    try:
        job = pdf_reports.report_request(area=area, month=month, requested_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("monitoring:home")
    return redirect("monitoring:report_job", job.pk)


def _readable_job(request, job_id: int):
    job = job_selectors.report_job(job_id)
    if job is None:
        raise Http404
    if not pdf_reports.may_read(request.user, job):
        raise PermissionDenied
    return job


@login_required
def report_job(request, job_id: int):
    job = _readable_job(request, job_id)
    previous = None if job.file else job_selectors.last_finished_report(job)
    return render(
        request,
        "monitoring/report_job.html",
        {
            "job": job,
            "area": pdf_reports.area_of(job),
            "previous": previous,
            "refresh": REFRESH_SECONDS,
        },
    )


@login_required
def report_download(request, job_id: int):
    job = _readable_job(request, job_id)
    if not job.file:
        raise Http404
    try:
        handle = job.file.open("rb")
    except OSError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=pdf_reports.filename(job))
