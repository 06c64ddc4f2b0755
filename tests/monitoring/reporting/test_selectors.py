"""The reads behind the pages, each in a fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.models import Library
from monitoring.models import LibraryReport, ReportTarget
from monitoring.reporting import deadlines, selectors
from tests.lms import factories
from tests.monitoring.factories import report

from .conftest import warm

pytestmark = pytest.mark.django_db


def mentored_network(regency_library, count: int) -> list[Library]:
    """`count` libraries mentored by the regency library, each with a few months of
    reports (submitted, late, draft, missing) and rows to count."""
    months = deadlines.months_back(deadlines.last_month(), selectors.GRID_MONTHS)
    libraries = []
    for n in range(count):
        library = factories.library(
            regency=regency_library.regency, mentor_library=regency_library, name=f"Desa {n:02}"
        )
        libraries.append(library)
        for index, month in enumerate(months):
            if (n + index) % 4 == 0:
                continue  # missing
            status = LibraryReport.Status.DRAFT if (n + index) % 4 == 1 else "submitted"
            report(library, month, status=status, activities=[(3, 2)], impacts=["job"])
    ReportTarget.objects.get_or_create(
        library_kind="village", measure="visitors", defaults={"target": 10}
    )
    return libraries


def grid_queries(mentor) -> tuple[int, selectors.Grid]:
    warm(mentor)
    with CaptureQueriesContext(connection) as queries:
        grid = selectors.mentor_grid(user=mentor)
        for row in grid.rows:  # everything the page shows
            for cell in row.cells:
                _ = (cell.timeliness, cell.score.overall, row.library.name)
    return len(queries), grid


@pytest.mark.parametrize("count", [2, 20])
def test_the_mentor_grid_costs_three_queries_whatever_the_libraries(regency_library, mentor, count):
    mentored_network(regency_library, count)
    queries, grid = grid_queries(mentor)
    assert queries == 3  # libraries, their reports with measures, targets
    assert len(grid.rows) == count + 1  # and the fixture's village
    assert all(len(row.cells) == selectors.GRID_MONTHS for row in grid.rows)


def test_the_grid_page_costs_the_same_for_2_and_20_libraries(regency_library, mentor):
    client = Client()
    client.force_login(mentor)
    url = reverse("monitoring:report_mentored")

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    mentored_network(regency_library, 1)  # and the fixture's village: 2
    few = page_queries()
    mentored_network(regency_library, 18)
    assert page_queries() == few
    # session and account, roles, profile, the grid's three, the menu's scope
    assert few <= 8


def test_the_late_count_is_one_query_and_agrees_with_the_grid(regency_library, mentor):
    mentored_network(regency_library, 5)
    _queries, grid = grid_queries(mentor)
    with CaptureQueriesContext(connection) as queries:
        late = selectors.late_reports_count_for_mentor(mentor)
    assert len(queries) == 1
    assert late == grid.late_count > 0


def test_no_late_count_for_someone_who_mentors_no_one(staff, regency_library):
    warm(staff)
    with CaptureQueriesContext(connection) as queries:
        assert selectors.late_reports_count_for_mentor(staff) == 0
        assert selectors.mentor_grid(user=staff).rows == []
    assert len(queries) == 0


def test_a_library_s_months_cost_two_queries(village, last_month):
    for month in deadlines.months_back(last_month, 12):
        report(village, month, activities=[(1, 1)])
    report(village, deadlines.this_month(), status=LibraryReport.Status.DRAFT)
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.library_months(library=village)
        _ = [(row.score.overall, row.timeliness, row.report.submitted_by) for row in rows]
    assert len(queries) == 2
    assert len(rows) == 13 and rows[0].month == deadlines.this_month()  # begun: shown too
    assert rows[0].timeliness == deadlines.Timeliness.DRAFT
