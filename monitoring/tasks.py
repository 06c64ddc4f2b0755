"""Background work of monitoring: refreshing the summary table, making the PDF reports."""

from django.conf import settings
from django_tasks import task


@task()
def refresh_figures(job_id: int) -> str:
    from .models import RefreshJob
    from .services.summary import refresh_run

    job = RefreshJob.objects.filter(pk=job_id).first()
    return "missing" if job is None else refresh_run(job=job).status


@task()
def make_report(job_id: int, language: str = "") -> str:
    from .models import ReportJob
    from .services.pdf_reports import report_run

    job = ReportJob.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    return report_run(job=job, language=language or settings.LANGUAGE_CODE).status
