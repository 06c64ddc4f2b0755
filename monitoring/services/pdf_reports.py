"""Monthly reports as PDF: one kabupaten/kota, one province or the whole programme for a
month, made by a background task from the same tables and charts as the dashboard.

A request while the same report is waiting or running returns that job (a double click
makes nothing twice); asking again after a failure is the retry, and the last finished
file stays downloadable.
"""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lms import typesetting

from .. import dashboard, permissions
from ..models import ReportJob
from ..periods import FIRST_YEAR, Period, month_period
from ..selectors.dashboard import PROVINCE, REGENCY, Area

logger = logging.getLogger(__name__)

Status = ReportJob.Status
CSS = Path(__file__).resolve().parent.parent / "templates" / "monitoring" / "pdf" / "report.css"
NOT_ALLOWED = _("You cannot make reports for this area.")
BAD_MONTH = _("Choose a month from %(first)s up to this month.")
ABANDONED = _("The job stopped without finishing (was the worker restarted?). Make it again.")


def _allowed(user, area: Area) -> bool:
    if area.level == REGENCY:
        return permissions.can_view_regency(user, area.regency)
    if area.level == PROVINCE:
        return permissions.can_view_province(user, area.province.pk)
    return permissions.can_view_programme(user)


def area_of(job: ReportJob) -> Area:
    if job.regency_id:
        return Area(REGENCY, province=job.regency.province, regency=job.regency)
    if job.province_id:
        return Area(PROVINCE, province=job.province)
    return Area("programme")


def may_read(user, job: ReportJob) -> bool:
    return _allowed(user, area_of(job))


@transaction.atomic
def report_request(*, area: Area, month: date, requested_by) -> ReportJob:
    """Queues the PDF report of `area` for `month`, or returns the job already making it."""
    if not _allowed(requested_by, area):
        raise PermissionDenied(NOT_ALLOWED)
    month = month.replace(day=1)
    if month.year < FIRST_YEAR or month > timezone.localdate().replace(day=1):
        raise ValidationError(BAD_MONTH % {"first": FIRST_YEAR}, code="bad_month")
    scope = {
        "regency": area.regency if area.level == REGENCY else None,
        "province": area.province if area.level == PROVINCE else None,
    }
    active = (
        ReportJob.objects.select_for_update()
        .filter(**scope, month=month, status__in=[Status.QUEUED, Status.RUNNING])
        .order_by("-created_at", "-pk")
        .first()
    )
    if active is not None:
        if not active.lost:
            return active
        active.fail(str(ABANDONED))
    language = translation.get_language() or ""
    job = ReportJob.objects.create(
        **scope, month=month, language=language, requested_by=requested_by
    )
    transaction.on_commit(lambda: _enqueue(job.pk, language))
    return job


def _enqueue(job_id: int, language: str) -> None:
    from ..tasks import make_report

    make_report.enqueue(job_id, language)


def filename(job: ReportJob) -> str:
    area = area_of(job)
    name = slugify(area.name) if area.level != "programme" else "program"
    return f"laporan-{name}-{job.month:%Y-%m}.pdf"


def render(job: ReportJob, progress) -> bytes:
    area = area_of(job)
    period = month_period(job.month)
    progress(0, 3)
    board = dashboard.build(area=area, period=period)
    # The year so far, for the trend charts a single month cannot draw.
    year = dashboard.build(
        area=area, period=Period("custom", job.month.replace(month=1), job.month)
    )
    progress(1, 3)
    html = render_to_string(
        "monitoring/pdf/report.html",
        {"board": board, "year": year, "generated_at": timezone.now()},
    )
    document = typesetting.layout(html, [CSS])
    progress(2, 3)
    pdf = document.write_pdf()
    progress(3, 3)
    return pdf


# Not atomic: the page polling the job must see its progress while it runs.
def report_run(*, job: ReportJob, language: str = "") -> ReportJob:
    claimed = ReportJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), done=0, total=0, error=""
    )
    if not claimed:
        job.refresh_from_db()
        return job
    job = ReportJob.objects.select_related("regency__province", "province").get(pk=job.pk)
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        ReportJob.objects.filter(pk=job.pk).update(done=done, total=total)

    try:
        with translation.override(language or job.language or None):
            pdf = render(job, progress)
        job.file.save(filename(job), ContentFile(pdf), save=False)
    except Exception as error:  # recorded on the job; asking again retries
        logger.exception("monitoring report %s failed", job.pk)
        job.fail(str(error) or error.__class__.__name__, time.monotonic() - started)
        return job
    job.status = Status.FINISHED
    job.seconds = time.monotonic() - started
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "seconds", "finished_at"])
    return job
