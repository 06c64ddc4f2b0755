"""The demo reports: sensible, shaped like a year of real reports, and loaded only once."""

from io import StringIO

import pytest
from django.db import transaction

from lms.management.commands.seed_demo import DemoLoader
from lms.models import Library
from monitoring import demo
from monitoring.models import ImpactRecord, LibraryReport, ReportActivity, ReportTarget
from monitoring.reporting import deadlines, services

pytestmark = pytest.mark.django_db


def test_nothing_without_the_network(db):
    """First in the module: before the network is loaded."""
    out = StringIO()
    demo.load(stdout=out)
    assert not LibraryReport.objects.exists() and out.getvalue().strip()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo network and the demo reports, once for the module (rolled back after)."""
    with django_db_blocker.unblock(), transaction.atomic():
        DemoLoader().load()
        out = StringIO()
        demo.load(stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(loaded, db) -> str:
    return loaded


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (ReportTarget, LibraryReport, ReportActivity, ImpactRecord)
    }


def test_targets_for_every_kind_and_measure(output):
    targets = set(ReportTarget.objects.values_list("library_kind", "measure"))
    kinds, measures = Library.Kind.values, ReportTarget.Measure.values
    assert targets == {(kind, measure) for kind in kinds for measure in measures}


def test_twelve_months_ending_last_month_for_the_demo_libraries(output):
    last = deadlines.last_month()
    months = set(LibraryReport.objects.values_list("month", flat=True))
    assert max(months) == last and len(months) == 12
    kinds = set(LibraryReport.objects.values_list("library__kind", flat=True))
    assert kinds == {Library.Kind.REGENCY, Library.Kind.VILLAGE, Library.Kind.TBM}
    line = output.strip().splitlines()
    assert len(line) == 1 and str(LibraryReport.objects.count()) in line[0]


def test_the_reports_are_believable(output):
    reports = list(LibraryReport.objects.select_related("library"))
    submitted = [r for r in reports if r.status == LibraryReport.Status.SUBMITTED]
    late = [
        r for r in submitted if deadlines.submitted_late(month=r.month, submitted_at=r.submitted_at)
    ]
    assert 0 < len(late) < len(submitted) / 3
    assert any(r.status == LibraryReport.Status.DRAFT for r in reports)
    libraries = Library.objects.filter(monitoring_reports__isnull=False).distinct().count()
    assert len(reports) < libraries * 12  # a few months missing
    for r in reports:
        values = {name: getattr(r, name) for name in services.REPORT_FIELDS}
        assert services.report_errors(library=r.library, values=values) == {}
        if r.submitted_at:
            assert r.submitted_at.date() >= r.month.replace(day=28)
    for activity in ReportActivity.objects.select_related("report"):
        row = {name: getattr(activity, name) for name in services.ACTIVITY_FIELDS}
        assert services.activity_errors(month=activity.report.month, values=row) == {}
    for impact in ImpactRecord.objects.all():
        row = {name: getattr(impact, name) for name in services.IMPACT_FIELDS}
        assert services.impact_errors(values=row) == {}


def test_the_demo_accounts_have_something_to_see(output):
    last = deadlines.last_month()
    draft = LibraryReport.objects.get(library__code=demo.DRAFT_LIBRARY, month=last)
    assert draft.status == LibraryReport.Status.DRAFT
    assert not LibraryReport.objects.filter(
        library__code=demo.MISSING_LIBRARY, month__gte=deadlines.months_back(last, 2)[-1]
    ).exists()


def test_loading_again_changes_nothing(output):
    before = counts()
    out = StringIO()
    demo.load(stdout=out)
    assert counts() == before
    assert len(out.getvalue().strip().splitlines()) == 1
