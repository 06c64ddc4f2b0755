"""Monthly PDF reports: made in the background, once per double click, retried after a
failure, readable only by those who may see the area."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from monitoring.models import ReportJob
from monitoring.periods import add_months
from monitoring.selectors.dashboard import regency_area
from monitoring.services import pdf_reports
from monitoring.services.summary import figures_refresh
from tests.lms import factories
from tests.monitoring.factories import regional_admin, report

pytestmark = pytest.mark.django_db

MONTH = add_months(timezone.localdate().replace(day=1), -1)


@pytest.fixture
def lumajang(db):
    regency = factories.regency(name="Lumajang")
    library = factories.library(regency=regency, name="Perpustakaan Desa Tunas Bangsa")
    report(library, MONTH, visitors=4321, activities=[(6, 4)], impacts=["business_started"])
    figures_refresh()
    return regency


def ask(client, regency, month=MONTH):
    return client.post(
        reverse("monitoring:report_request"),
        {"level": "regency", "area": regency.pk, "month": f"{month:%Y-%m}"},
    )


def pdf_text(job: ReportJob) -> str:
    with job.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(page.extract_text() for page in reader.pages)


def test_a_kabupaten_report_is_made_and_downloaded(
    client, programme_admin, lumajang, django_capture_on_commit_callbacks
):
    client.force_login(programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, lumajang)
    job = ReportJob.objects.get()
    assert response.url == reverse("monitoring:report_job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FINISHED, job.error
    assert (job.regency, job.month, job.percent) == (lumajang, MONTH, 100)
    text = pdf_text(job)
    assert "Lumajang" in text
    assert "4.321" in text  # Indonesian number format
    download = client.get(reverse("monitoring:report_download", args=[job.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "laporan-kab-lumajang" in download["Content-Disposition"]


def test_the_programme_report(
    client, programme_admin, lumajang, django_capture_on_commit_callbacks
):
    client.force_login(programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("monitoring:report_request"),
            {"level": "programme", "area": "0", "month": f"{MONTH:%Y-%m}"},
        )
    job = ReportJob.objects.get()
    assert job.status == ReportJob.Status.FINISHED, job.error
    assert (job.regency, job.province) == (None, None)
    assert "4.321" in pdf_text(job)


def test_a_double_click_makes_one_report(programme_admin, lumajang):
    area = regency_area(lumajang.pk)
    first = pdf_reports.report_request(area=area, month=MONTH, requested_by=programme_admin)
    # Queued, not yet run (its task runs after the commit): asking again returns it.
    second = pdf_reports.report_request(area=area, month=MONTH, requested_by=programme_admin)
    assert first.pk == second.pk
    assert ReportJob.objects.count() == 1


def test_a_failed_report_says_why_and_can_be_retried(
    client, programme_admin, lumajang, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(job, progress):
        raise RuntimeError("font missing")

    monkeypatch.setattr(pdf_reports, "render", broken)
    client.force_login(programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, lumajang)
    job = ReportJob.objects.get()
    assert (job.status, job.error) == (ReportJob.Status.FAILED, "font missing")
    page = client.get(reverse("monitoring:report_job", args=[job.pk])).content.decode()
    assert "font missing" in page and 'id="retry"' in page
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, lumajang)
    retried = ReportJob.objects.order_by("-pk").first()
    assert retried.pk != job.pk and retried.status == ReportJob.Status.FINISHED


def test_a_future_month_is_refused(client, programme_admin, lumajang):
    client.force_login(programme_admin)
    response = ask(client, lumajang, month=add_months(MONTH, 3))
    assert response.status_code == 302
    assert not ReportJob.objects.exists()


def test_another_kabupaten_admin_can_neither_make_nor_read_it(
    client, programme_admin, lumajang, django_capture_on_commit_callbacks
):
    client.force_login(programme_admin)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, lumajang)
    job = ReportJob.objects.get()
    stranger = factories.user(role=None, username="admin-jember")
    regional_admin(stranger, regency=factories.regency(name="Jember"))
    client.force_login(stranger)
    assert ask(client, lumajang).status_code == 403
    assert client.get(reverse("monitoring:report_job", args=[job.pk])).status_code == 403
    assert client.get(reverse("monitoring:report_download", args=[job.pk])).status_code == 403
    assert ReportJob.objects.count() == 1


def test_her_own_kabupaten_admin_can(client, lumajang, django_capture_on_commit_callbacks):
    own = factories.user(role=None, username="admin-lumajang")
    regional_admin(own, regency=lumajang)
    client.force_login(own)
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, lumajang)
    job = ReportJob.objects.get()
    assert job.status == ReportJob.Status.FINISHED
    assert client.get(reverse("monitoring:report_download", args=[job.pk])).status_code == 200
