"""Scoring a report against the targets: the colour boundaries, the worst measure, no
target, and the measures of many reports in one query."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import Library
from monitoring.models import LibraryReport, ReportTarget
from monitoring.reporting import scoring
from tests.monitoring.factories import report

Measure = ReportTarget.Measure


def target(measure=Measure.VISITORS, value=100, yellow_from=60) -> ReportTarget:
    return ReportTarget(
        library_kind=Library.Kind.VILLAGE, measure=measure, target=value, yellow_from=yellow_from
    )


@pytest.mark.parametrize(
    ("value", "colour"),
    [(150, "green"), (100, "green"), (99, "yellow"), (60, "yellow"), (59, "red"), (0, "red")],
)
def test_the_colour_boundaries(value, colour):
    result = scoring.score({"visitors": value}, {"visitors": target()})
    assert result.by_measure == {"visitors": colour}
    assert result.overall == colour


def test_yellow_from_is_a_share_of_the_target_without_rounding():
    # 2 of 3 is 66.7 %: yellow from 67 % it is red, from 66 % yellow.
    assert scoring.colour(2, target(value=3, yellow_from=67)) == "red"
    assert scoring.colour(2, target(value=3, yellow_from=66)) == "yellow"


def test_the_overall_score_is_the_worst_measure():
    targets = {
        Measure.VISITORS: target(Measure.VISITORS, 100),
        Measure.ACTIVITIES: target(Measure.ACTIVITIES, 2, 50),
        Measure.IMPACTS: target(Measure.IMPACTS, 1),
    }
    measures = {"visitors": 120, "activities": 1, "impacts": 1, "participants": 0}
    result = scoring.score(measures, targets)
    assert result.by_measure == {"visitors": "green", "activities": "yellow", "impacts": "green"}
    assert result.overall == "yellow"
    assert result.label == scoring.LABELS["yellow"]  # a word, not only a colour
    measures["impacts"] = 0
    assert scoring.score(measures, targets).overall == "red"


def test_no_target_no_score():
    result = scoring.score({"visitors": 5}, {})
    assert (result.by_measure, result.overall, result.label) == ({}, "", "")
    # A target for a measure the report does not carry is not scored either.
    assert scoring.score({"visitors": 5}, {"impacts": target(Measure.IMPACTS)}).overall == ""


@pytest.mark.django_db
def test_targets_by_kind_in_one_query():
    ReportTarget.objects.create(library_kind="village", measure="visitors", target=200)
    ReportTarget.objects.create(library_kind="village", measure="impacts", target=1)
    ReportTarget.objects.create(library_kind="tbm", measure="visitors", target=150)
    with CaptureQueriesContext(connection) as queries:
        targets = scoring.targets_by_kind()
    assert len(queries) == 1
    assert {kind: sorted(t) for kind, t in targets.items()} == {
        "village": ["impacts", "visitors"],
        "tbm": ["visitors"],
    }
    assert targets["village"]["visitors"].target == 200


@pytest.mark.django_db
def test_report_measures_in_one_query_without_multiplying(village_library, regency_library):
    report(
        village_library,
        date(2025, 5, 1),
        activities=[(4, 3), (5, 0), (1, 1)],
        impacts=["job", "income"],
    )
    report(regency_library, date(2025, 5, 1), impacts=["job"])
    report(village_library, date(2025, 4, 1))
    with CaptureQueriesContext(connection) as queries:
        rows = {
            (r.library_id, r.month.month): scoring.measures_of(r)
            for r in scoring.report_measures(LibraryReport.objects.all())
        }
    assert len(queries) == 1
    assert rows[(village_library.pk, 5)] == {
        "visitors": 0,
        "computer_users": 0,
        "internet_users": 0,
        "activities": 3,
        "participants": 14,
        "impacts": 2,
    }
    assert rows[(regency_library.pk, 5)]["impacts"] == 1
    assert rows[(regency_library.pk, 5)]["activities"] == 0
    assert rows[(village_library.pk, 4)]["participants"] == 0
    # The same from .values() rows, as the summary table reads them.
    values = scoring.report_measures(LibraryReport.objects.filter(month__month=5)).values(
        "library_id", "visitors", "activities_count", "participants_count", "impacts_count"
    )
    by_library = {row["library_id"]: scoring.measures_of(row) for row in values}
    assert by_library[village_library.pk]["participants"] == 14
