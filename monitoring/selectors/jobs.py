"""Reads of monitoring's background jobs."""

from ..models import RefreshJob, ReportJob
from .dashboard import PROVINCE, REGENCY, Area

RECENT = 5


def recent_reports(*, area: Area, user) -> list[ReportJob]:
    """The latest PDF reports of this area (one query)."""
    jobs = ReportJob.objects.filter(
        regency=area.regency if area.level == REGENCY else None,
        province=area.province if area.level == PROVINCE else None,
    )
    return list(jobs.order_by("-created_at", "-pk")[:RECENT])


def report_job(job_id: int) -> ReportJob | None:
    return (
        ReportJob.objects.select_related("regency__province", "province").filter(pk=job_id).first()
    )


def last_finished_report(job: ReportJob) -> ReportJob | None:
    """The newest finished file of the same report, for when this job failed."""
    return (
        ReportJob.objects.filter(
            regency_id=job.regency_id,
            province_id=job.province_id,
            month=job.month,
            status=ReportJob.Status.FINISHED,
        )
        .exclude(file="")
        .order_by("-finished_at", "-pk")
        .first()
    )


def refresh_job(job_id: int) -> RefreshJob | None:
    return RefreshJob.objects.filter(pk=job_id).first()
