"""The summary table: refreshed whole per regency from the apps' records, repeatable, and
kept up to date after events when the site asks for it."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from lms import signals
from lms.models import Library
from monitoring import handlers
from monitoring.models import (
    Figure,
    LibraryReport,
    ProgrammeFigure,
    ProvinceFigure,
    RefreshJob,
    RegencyFreshness,
)
from monitoring.periods import add_months
from monitoring.services import summary
from tests.lms import factories
from tests.monitoring.factories import report

pytestmark = pytest.mark.django_db

MONTH = add_months(timezone.localdate().replace(day=1), -1)


def cells(**filters) -> dict:
    rows = Figure.objects.filter(**filters).values_list("regency_id", "metric", "key", "value")
    return {(regency, metric, key): value for regency, metric, key, value in rows}


def rolled_up(model, by=("province_id",)) -> dict:
    """{(*by, month, metric, key, kind, gender, age): value} of a summary table."""
    fields = [*by, *summary.CELL]
    rows = model.objects.values(*fields).annotate(total=Sum("value")).order_by()
    return {tuple(row[name] for name in fields): row["total"] for row in rows}


def programme_visitors() -> int:
    rows = ProgrammeFigure.objects.filter(metric="reports.visitors")
    return rows.aggregate(total=Sum("value"))["total"]


@pytest.fixture
def two_regencies(db):
    first = factories.library(kind=Library.Kind.VILLAGE)
    second = factories.library(kind=Library.Kind.TBM)
    report(first, MONTH, visitors=100, activities=[(5, 2)], impacts=["job", "income"])
    report(second, MONTH, visitors=40)
    report(second, add_months(MONTH, -1), visitors=7, status=LibraryReport.Status.DRAFT)
    return first, second


def test_refresh_counts_submitted_reports_only(two_regencies):
    first, second = two_regencies
    summary.figures_refresh()
    assert cells(metric="reports.visitors") == {
        (first.regency_id, "reports.visitors", ""): 100,
        (second.regency_id, "reports.visitors", ""): 40,
    }
    participants = Figure.objects.filter(metric="reports.participants")
    assert {(f.gender, f.value) for f in participants} == {("female", 5), ("male", 2)}
    assert cells(metric="reports.impacts") == {
        (first.regency_id, "reports.impacts", "job"): 1,
        (first.regency_id, "reports.impacts", "income"): 1,
    }
    figure = Figure.objects.get(metric="reports.visitors", regency=first.regency)
    assert (figure.month, figure.province_id, figure.library_kind) == (
        MONTH,
        first.regency.province_id,
        Library.Kind.VILLAGE,
    )


def test_refresh_is_repeatable(two_regencies):
    written = summary.figures_refresh()
    before = cells()
    assert written == Figure.objects.count()
    assert summary.figures_refresh() == written
    assert cells() == before


def test_refreshing_one_regency_keeps_the_others_and_redoes_the_rollups(two_regencies):
    first, second = two_regencies
    summary.figures_refresh()
    LibraryReport.objects.filter(library=first).update(visitors=999)
    LibraryReport.objects.filter(library=second).update(visitors=555)
    summary.figures_refresh(regency_ids=[first.regency_id])
    visitors = cells(metric="reports.visitors")
    assert visitors[(first.regency_id, "reports.visitors", "")] == 999
    assert visitors[(second.regency_id, "reports.visitors", "")] == 40  # not redone yet
    # Its province's rollup and the programme's are redone from the cells as they are.
    assert rolled_up(ProvinceFigure) == rolled_up(Figure)
    assert rolled_up(ProgrammeFigure, by=()) == rolled_up(Figure, by=())
    assert programme_visitors() == 999 + 40


def test_the_rollups_are_the_sums_of_the_regencies_cells(two_regencies):
    first, _second = two_regencies
    neighbour = factories.library(regency=factories.regency(province=first.regency.province))
    report(neighbour, MONTH, visitors=11, activities=[(1, 3)])
    far = factories.library()  # a village library too, in a province of its own
    report(far, MONTH, visitors=9)
    summary.figures_refresh()
    rollup = rolled_up(ProvinceFigure)
    assert rollup == rolled_up(Figure)
    assert rolled_up(ProgrammeFigure, by=()) == rolled_up(Figure, by=())
    # One row per province for what two regencies of one province both reported, and
    # one for the programme for what every library did.
    visitors = {k[0]: v for k, v in rollup.items() if k[2] == "reports.visitors"}
    assert visitors[first.regency.province_id] == 111
    assert ProvinceFigure.objects.count() < Figure.objects.count()
    assert programme_visitors() == 100 + 40 + 11 + 9
    assert ProgrammeFigure.objects.count() < ProvinceFigure.objects.count()


def test_an_event_while_a_refresh_reads_the_records_keeps_its_regency_stale(two_regencies):
    first, _second = two_regencies
    summary.figures_refresh()
    marked = []

    def progress(done, total):
        if done == 1 and not marked:  # the refresh is reading the apps' records
            summary.regency_mark_stale(regency_id=first.regency_id)
            marked.append(done)

    summary.figures_refresh(on_progress=progress)
    assert marked and summary.stale_regency_ids() == [first.regency_id]
    summary.figures_refresh()  # the next refresh began after the event: all fresh
    assert summary.stale_regency_ids() == []
    assert RegencyFreshness.objects.filter(refreshed_at__isnull=True).count() == 0


def test_refresh_reports_progress(two_regencies):
    seen = []
    summary.figures_refresh(on_progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)


def test_an_event_marks_the_persons_regency_stale(django_capture_on_commit_callbacks):
    library = factories.library()
    other = factories.library()
    user = factories.user(library=library)
    summary.figures_refresh()
    assert not summary.stale_regency_ids()
    # The receiver monitoring connects to every event about a person (the other apps'
    # receivers would need a real course, so the test calls it as the signal would).
    uids = [key[0] for key in signals.course_completed.receivers]
    assert any("monitoring.stale_on_course_completed" in str(uid) for uid in uids)
    with django_capture_on_commit_callbacks(execute=True):
        handlers.mark_person_regency_stale(sender=None, user=user)
    assert summary.stale_regency_ids() == [library.regency_id]
    assert other.regency_id not in summary.stale_regency_ids()


@override_settings(SEBAYA_MONITORING_REFRESH_ON_CHANGE=True)
def test_with_refresh_on_change_the_stale_regency_is_redone(django_capture_on_commit_callbacks):
    library = factories.library()
    summary.figures_refresh()
    report(library, MONTH, visitors=33)
    with django_capture_on_commit_callbacks(execute=True):
        summary.regency_mark_stale(regency_id=library.regency_id)
    # The immediate task backend ran the refresh of the stale regencies at once.
    assert cells(metric="reports.visitors") == {(library.regency_id, "reports.visitors", ""): 33}
    assert RegencyFreshness.objects.get(regency=library.regency).stale is False
    job = RefreshJob.objects.get()
    assert (job.only_stale, job.status) == (True, RefreshJob.Status.FINISHED)


def test_a_second_request_while_one_runs_starts_nothing(db):
    running = RefreshJob.objects.create(status=RefreshJob.Status.RUNNING, started_at=timezone.now())
    assert summary.refresh_request() == running
    assert RefreshJob.objects.count() == 1


def test_a_lost_job_is_failed_and_replaced(db, django_capture_on_commit_callbacks):
    lost = RefreshJob.objects.create(
        status=RefreshJob.Status.RUNNING,
        started_at=timezone.now() - RefreshJob.LOST_AFTER - timedelta(minutes=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = summary.refresh_request()
    lost.refresh_from_db()
    assert lost.status == RefreshJob.Status.FAILED and lost.error
    job.refresh_from_db()
    assert job.pk != lost.pk and job.status == RefreshJob.Status.FINISHED


def test_a_failed_refresh_is_recorded_and_can_be_retried(
    two_regencies, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(summary, "figures_refresh", broken)
    with django_capture_on_commit_callbacks(execute=True):
        job = summary.refresh_request()
    job.refresh_from_db()
    assert (job.status, job.error) == (RefreshJob.Status.FAILED, "database went away")
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = summary.refresh_request()
    again.refresh_from_db()
    assert again.status == RefreshJob.Status.FINISHED
    assert Figure.objects.filter(metric="reports.visitors").exists()


def test_refresh_view_needs_a_dashboard_user_and_a_post(
    client, programme_admin, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    learner = factories.user(library=factories.library())
    client.force_login(learner)
    assert client.post(reverse("monitoring:refresh")).status_code == 403
    client.force_login(programme_admin)
    assert client.get(reverse("monitoring:refresh")).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("monitoring:refresh"))
    job = RefreshJob.objects.get()
    assert response.url == reverse("monitoring:refresh_job", args=[job.pk])
    page = client.get(response.url)
    assert page.context["job"].status == RefreshJob.Status.FINISHED
    assert job.only_stale is False
