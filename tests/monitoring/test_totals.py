"""Totals agree across views on generated data: the programme's total is the sum of the
provinces', which is the sum of the kabupaten/kota, for every figure; and the figures
agree with the records they count."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Min, Sum
from django.utils import timezone

from lms import figures as lms_figures
from lms import scale
from lms.models import Province, Regency
from monitoring.models import Figure, LibraryReport
from monitoring.periods import Period, add_months
from monitoring.selectors import dashboard as selectors

pytestmark = pytest.mark.django_db

TINY = scale.Scale(
    "tiny",
    provinces=2,
    regencies=12,
    villages=160,
    staff=800,
    progress=4_000,
    national_trainers=2,
)
TODAY = timezone.localdate()
LAST_MONTH = add_months(TODAY.replace(day=1), -1)
PERIODS = [
    Period("custom", add_months(LAST_MONTH, -11), LAST_MONTH),
    Period("month", LAST_MONTH, LAST_MONTH),
    Period("quarter", add_months(LAST_MONTH, -5), add_months(LAST_MONTH, -3)),
]


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The demo and a tiny synthetic programme (with the summary refreshed at its end),
    once for the module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        scale.generate(scale=TINY, seed=3, stdout=OutputWrapper(StringIO()))
        yield
        transaction.set_rollback(True)


def by_area(area, period, metrics):
    return selectors.totals(area=area, period=period, metrics=metrics)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.kind)
def test_programme_equals_provinces_equals_kabupaten(generated, period):
    metrics = lms_figures.metrics()
    programme = by_area(selectors.programme(), period, metrics)
    assert any(programme.values()), "the generated data should give figures"
    provinces, regencies = {}, {}
    for province in Province.objects.all():
        for cell, value in by_area(selectors.province_area(province.pk), period, metrics).items():
            provinces[cell] = provinces.get(cell, 0) + value
    for regency in Regency.objects.all():
        for cell, value in by_area(selectors.regency_area(regency.pk), period, metrics).items():
            regencies[cell] = regencies.get(cell, 0) + value

    def nonzero(cells):
        return {cell: value for cell, value in cells.items() if value}

    assert nonzero(programme) == nonzero(provinces) == nonzero(regencies)


def test_every_app_has_figures(generated):
    found = set(Figure.objects.values_list("metric", flat=True).distinct())
    expected = {metric.code for metric in lms_figures.metrics()}
    # Every metric of every installed app has something in the generated data, except a
    # balance that may have closed (overdue follow-ups) and scores without targets.
    may_be_empty = {"mentoring.followups_overdue"}
    if not apps.is_installed("courses"):
        may_be_empty.add("certificates.issued")  # certificates are earned in courses
    assert expected - found <= may_be_empty


def test_the_area_table_sums_to_the_programme(generated):
    metrics = lms_figures.metrics()
    period = PERIODS[0]
    programme = selectors.programme()
    split = selectors.split(area=programme, period=period, metrics=metrics, by="province_id")
    totals = by_area(programme, period, metrics)
    for metric in metrics:
        expected = sum(v for (code, _key), v in totals.items() if code == metric.code)
        assert sum(row.get(metric.code, 0) for row in split.values()) == expected, metric.code
    for dimension in selectors.DIMENSIONS:
        split = selectors.split(area=programme, period=period, metrics=metrics, by=dimension)
        for metric in metrics:
            expected = sum(v for (code, _key), v in totals.items() if code == metric.code)
            got = sum(row.get(metric.code, 0) for row in split.values())
            assert got == expected, (dimension, metric.code)


def test_report_figures_agree_with_the_reports(generated):
    period = PERIODS[0]
    metrics = [m for m in lms_figures.metrics() if m.code == "reports.visitors"]
    totals = by_area(selectors.programme(), period, metrics)
    expected = LibraryReport.objects.filter(
        status=LibraryReport.Status.SUBMITTED,
        month__gte=period.start,
        month__lte=period.end,
    ).aggregate(total=Sum("visitors"))["total"]
    assert expected and totals[("reports.visitors", "")] == expected


@pytest.mark.skipif(not apps.is_installed("courses"), reason="courses is not installed")
def test_people_trained_agree_with_the_enrolments(generated):
    """courses.completed counts each person once per curriculum, at their first completion."""
    from courses.models import Enrollment
    from courses.selectors import curricula, enrollments_with_curriculum

    period = PERIODS[0]
    metrics = [m for m in lms_figures.metrics() if m.code == "courses.completed"]
    totals = by_area(selectors.programme(), period, metrics)
    firsts = (
        enrollments_with_curriculum(list(curricula()))
        .filter(user__staff_profile__library__isnull=False)
        .values("user_id", "curriculum_path")
        .annotate(first=Min("completed_at"))
        .filter(first__isnull=False)
    )
    start = timezone.make_aware(
        timezone.datetime.combine(period.start, timezone.datetime.min.time())
    )
    end = timezone.make_aware(
        timezone.datetime.combine(add_months(period.end, 1), timezone.datetime.min.time())
    )
    expected = sum(1 for row in firsts if start <= row["first"] < end)
    assert Enrollment.objects.exists()
    assert sum(totals.values()) == expected
