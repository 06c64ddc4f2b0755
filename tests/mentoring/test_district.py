"""The district (kabupaten/kota) view: coverage, cohorts, visits, follow-ups, access, exports."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.services.enrollment import enrollment_withdraw
from lms.exports import XLSX
from lms.models import Library
from lms.roles import Role
from mentoring import reports
from mentoring.models import FollowUp
from tests.courses import factories as course_factories
from tests.lms import factories

from . import report_builders as build

pytestmark = pytest.mark.django_db

OPEN, DONE = FollowUp.Status.OPEN, FollowUp.Status.DONE
TABLES = ("coverage", "cohorts", "visits", "followups")


def url(regency, query: str = "") -> str:
    base = reverse("mentoring:district", kwargs={"regency_id": regency.pk})
    return f"{base}?{query}" if query else base


@pytest.fixture
def regency(regency_library):
    return regency_library.regency


@pytest.fixture
def mentor(regency):
    return build.district_mentor(regency)


@pytest.fixture
def course(db):
    curriculum = course_factories.curriculum("SPP Berbasis TIK")
    return course_factories.course(parent=curriculum, quiz=False)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# Coverage


def test_coverage_states_trained_in_progress_none(regency, course):
    other_curriculum = course_factories.curriculum("Advokasi")
    course_factories.course(parent=other_curriculum, quiz=False)
    trained, in_progress, untouched = build.villages(regency, 3)
    tbm = build.villages(regency, 1, kind=Library.Kind.TBM)[0]
    # One completed and one still enrolled: the library counts as trained.
    build.enrol(build.staff(trained), course, completed=True)
    build.enrol(build.staff(trained), course)
    build.enrol(build.staff(in_progress), course)
    build.staff(untouched)
    # A withdrawn enrolment is not training in progress.
    withdrawn = build.staff(tbm)
    build.enrol(withdrawn, course)
    enrollment_withdraw(user=withdrawn, course=course)
    # Libraries of other regencies are not counted.
    build.enrol(build.staff(factories.library()), course, completed=True)

    coverage = reports.regency_coverage(regency=regency)

    curriculum = course.get_parent()
    assert [c.pk for c in coverage.curricula] == [curriculum.pk, other_curriculum.pk]
    states = {row.library.pk: [cell.state for cell in row.cells] for row in coverage.rows}
    assert states == {
        trained.pk: ["trained", "none"],
        in_progress.pk: ["in_progress", "none"],
        untouched.pk: ["none", "none"],
        tbm.pk: ["none", "none"],
    }
    totals = [(t.trained, t.in_progress, t.none) for t in coverage.totals]
    assert totals == [(1, 1, 2), (0, 0, 4)]


def test_coverage_table_on_the_page(client, regency, mentor, course):
    trained, untouched = build.villages(regency, 2)
    build.enrol(build.staff(trained), course, completed=True)
    client.force_login(mentor)

    html = client.get(url(regency)).content.decode()

    assert f'<tr data-library="{trained.pk}">' in html
    assert 'data-state="trained"' in html
    assert 'data-state="none"' in html
    assert '<td class="num" data-total="trained">1</td>' in html
    assert '<td class="num" data-total="none">1</td>' in html


# Visits per month and follow-ups


def test_visits_per_month_last_twelve_months(regency, mentor):
    today = datetime.date(2025, 3, 15)
    a, b = build.villages(regency, 2)
    build.visit(mentor=mentor, library=a, on=datetime.date(2025, 3, 1))
    build.visit(mentor=mentor, library=b, on=datetime.date(2025, 3, 10))
    build.visit(mentor=mentor, library=a, on=datetime.date(2025, 3, 12))
    build.visit(mentor=mentor, library=a, on=datetime.date(2024, 4, 30))  # oldest month shown
    build.visit(mentor=mentor, library=a, on=datetime.date(2024, 3, 31))  # 13 months ago
    build.visit(mentor=mentor, library=a, on=datetime.date(2025, 3, 20))  # after today
    build.visit(mentor=mentor, library=factories.library(), on=datetime.date(2025, 3, 2))

    months = reports.regency_visits_per_month(regency=regency, today=today)

    assert len(months) == 12
    assert months[0].month == datetime.date(2024, 4, 1)
    assert months[-1].month == datetime.date(2025, 3, 1)
    counts = {m.month: (m.visits, m.libraries) for m in months if m.visits}
    assert counts == {datetime.date(2024, 4, 1): (1, 1), datetime.date(2025, 3, 1): (3, 2)}
    chart = reports.visits_chart(months)
    assert [bar.value for bar in chart.bars] == [m.visits for m in months]
    assert chart.bars[-1].height == 100 and chart.bars[-1].y == chart.baseline - 100


def test_visits_chart_and_table_on_the_page(client, regency, mentor):
    today = timezone.localdate()
    build.visit(mentor=mentor, library=build.villages(regency, 1)[0], on=today)
    client.force_login(mentor)

    html = client.get(url(regency)).content.decode()

    assert '<svg class="dst-chart"' in html and 'role="img"' in html
    assert f'<tr data-month="{today:%Y-%m}">' in html
    assert "<td data-visits>1</td>" in html


def test_follow_ups_open_and_overdue(client, regency, mentor):
    today = timezone.localdate()
    a, b = build.villages(regency, 2)
    yesterday, tomorrow = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    build.visit(
        mentor=mentor,
        library=a,
        on=today - datetime.timedelta(days=10),
        follow_ups=[(yesterday, OPEN), (tomorrow, OPEN), (yesterday, DONE)],
    )
    build.visit(mentor=mentor, library=b, on=today, follow_ups=[(today, OPEN)])
    other_mentor = factories.user(role=Role.MENTOR)
    build.visit(
        mentor=other_mentor, library=factories.library(), on=today, follow_ups=[(yesterday, OPEN)]
    )

    summary = reports.regency_follow_ups(regency=regency, today=today)

    assert (summary.open, summary.overdue) == (3, 1)
    per_library = {row["library_id"]: (row["open"], row["overdue"]) for row in summary.by_library}
    assert per_library == {a.pk: (2, 1), b.pk: (1, 0)}
    client.force_login(mentor)
    html = client.get(url(regency)).content.decode()
    assert 'data-open="3" data-overdue="1"' in html


def test_cohorts_hosted_in_the_regency(client, regency, regency_library, mentor, course):
    village = build.villages(regency, 1)[0]
    people = [build.staff(village) for _ in range(3)]
    hosted = build.cohort(
        course=course,
        host_library=regency_library,
        starts_on=datetime.date(2025, 2, 3),
        participants=people,
    )
    build.cohort(
        course=course, host_library=factories.library(), starts_on=datetime.date(2025, 2, 3)
    )

    cohorts = list(reports.regency_cohorts(regency=regency))

    assert [(c.pk, c.participant_count) for c in cohorts] == [(hosted.pk, 3)]
    client.force_login(mentor)
    html = client.get(url(regency)).content.decode()
    assert f'<tr data-cohort="{hosted.pk}">' in html
    assert '<td class="num" data-participants>3</td>' in html


# Access


def test_learner_gets_403(client, regency, learner):
    client.force_login(learner)
    assert client.get(url(regency)).status_code == 403
    assert client.get(url(regency, "format=csv&table=coverage")).status_code == 403


def test_mentor_of_another_regency_gets_403_on_direct_url(client, regency):
    other_mentor = build.district_mentor(factories.regency())
    client.force_login(other_mentor)
    assert client.get(url(regency)).status_code == 403
    for table in TABLES:
        assert client.get(url(regency, f"format=csv&table={table}")).status_code == 403


def test_village_mentor_without_regency_library_gets_403(client, regency, village_library):
    client.force_login(factories.user(role=Role.MENTOR, library=village_library))
    assert client.get(url(regency)).status_code == 403
    assert client.get(reverse("mentoring:district_index")).status_code == 403


def test_own_mentor_and_programme_admin_get_200(client, regency, mentor, programme_admin):
    client.force_login(mentor)
    assert client.get(url(regency)).status_code == 200
    client.force_login(programme_admin)
    assert client.get(url(regency)).status_code == 200


def test_anonymous_is_sent_to_sign_in(client, regency):
    response = client.get(url(regency))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_unknown_regency_is_404(client, programme_admin):
    client.force_login(programme_admin)
    assert (
        client.get(reverse("mentoring:district", kwargs={"regency_id": 999999})).status_code == 404
    )


def test_index_redirects_a_mentor_to_her_regency(client, regency, mentor):
    client.force_login(mentor)
    response = client.get(reverse("mentoring:district_index"))
    assert response.status_code == 302 and response["Location"] == url(regency)


def test_index_lists_regencies_for_programme_admin(client, regency, programme_admin):
    build.villages(regency, 2)
    client.force_login(programme_admin)
    html = client.get(reverse("mentoring:district_index")).content.decode()
    assert f'href="{url(regency)}"' in html


def test_index_refuses_learners(client, learner):
    client.force_login(learner)
    assert client.get(reverse("mentoring:district_index")).status_code == 403


# Exports


def test_every_table_exports_to_csv_and_xlsx(client, regency, mentor, course):
    village = build.villages(regency, 1)[0]
    build.enrol(build.staff(village), course, completed=True)
    build.visit(
        mentor=mentor,
        library=village,
        on=timezone.localdate(),
        follow_ups=[(timezone.localdate(), OPEN)],
    )
    build.cohort(course=course, host_library=village, starts_on=timezone.localdate())
    client.force_login(mentor)
    for table in TABLES:
        response = client.get(url(regency, f"format=csv&table={table}"))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        assert len(csv_rows(response)) >= 2
        response = client.get(url(regency, f"format=xlsx&table={table}"))
        assert response.status_code == 200 and response["Content-Type"] == XLSX


def test_coverage_csv_content(client, regency, mentor, course):
    client.cookies["django_language"] = "en"
    village = build.villages(regency, 1)[0]
    build.enrol(build.staff(village), course, completed=True)
    client.force_login(mentor)
    rows = csv_rows(client.get(url(regency, "format=csv&table=coverage")))
    assert rows[0] == ["Library", "Kind", "SPP Berbasis TIK"]
    assert rows[1] == [village.name, "Village library", "Trained"]


def test_unknown_export_is_404(client, regency, mentor):
    client.force_login(mentor)
    assert client.get(url(regency, "format=pdf&table=coverage")).status_code == 404
    assert client.get(url(regency, "format=csv&table=secrets")).status_code == 404


# Fixed number of queries


def populate(regency, mentor, libraries: int):
    curriculum = course_factories.curriculum("Kurikulum ukuran")
    course = course_factories.course(parent=curriculum, quiz=False)
    villages = build.villages(regency, libraries)
    people = [build.staff(library) for library in villages]
    build.bulk_enrol(people[::2], course, completed=True)
    build.bulk_enrol(people[1::4], course)
    today = timezone.localdate()
    for index, library in enumerate(villages):
        build.visit(
            mentor=mentor,
            library=library,
            on=today - datetime.timedelta(days=30 * (index % 12)),
            follow_ups=[(today - datetime.timedelta(days=index % 3), OPEN)],
        )
    for library in villages[:: max(1, libraries // 10)]:
        build.cohort(course=course, host_library=library, starts_on=today, participants=people[:3])


def count_queries(client, target) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(target)
    assert response.status_code == 200
    return len(queries)


# Session, user, roles, the regency, curricula, libraries, their enrolment counts, cohorts,
# visits, follow-ups; a mentor's page also reads her staff profile to find her home regency.
DISTRICT_QUERIES = {"mentor": 11, "admin": 10}


@pytest.mark.parametrize("who", ["mentor", "admin"])
def test_query_count_is_fixed_for_3_and_150_libraries(
    client, regency, mentor, programme_admin, who
):
    viewer = mentor if who == "mentor" else programme_admin
    client.force_login(viewer)
    big = factories.regency()
    big_mentor = build.district_mentor(big) if who == "mentor" else programme_admin
    populate(regency, mentor, 3)
    populate(big, big_mentor, 150)

    client.force_login(viewer)
    small_count = count_queries(client, url(regency))
    client.force_login(big_mentor)
    big_count = count_queries(client, url(big))

    assert small_count == big_count
    assert big_count == DISTRICT_QUERIES[who]
