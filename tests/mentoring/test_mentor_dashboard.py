"""The mentor dashboard "Dampingan saya": her mentees only, flags, exports and a fixed cost."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import Enrollment
from lms.models import Library, StaffProfile
from lms.roles import Role, roles_of
from lms.selectors import staff_profile_for
from mentoring.models import FollowUp, MentorAssignment, Visit
from mentoring.views.mentor import MENTEES_PER_PAGE, home_panel
from tests.courses import factories as course_factories
from tests.courses.enrollment_builders import english_client
from tests.lms import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate()
DASHBOARD = "mentoring:dashboard"
# Session, user, roles, her assignments, mentee and stalled counts, one page of mentees,
# their enrolments, follow-up counts, open follow-ups, libraries due first, recent visits.
DASHBOARD_QUERIES = 11


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="dewi")


@pytest.fixture
def assigned(mentor, village_library):
    return MentorAssignment.objects.create(
        mentor=mentor, library=village_library, starts_on=TODAY - datetime.timedelta(days=90)
    )


@pytest.fixture
def course():
    return course_factories.course(title="Literasi Digital", lessons_per_module=1, quiz=False)


def enrol(user, course, *, done=1, total=4, last_activity=None, enrolled_days_ago=90):
    return Enrollment.objects.create(
        user=user,
        course=course,
        enrolled_at=days_ago(enrolled_days_ago),
        items_done=done,
        items_total=total,
        last_activity_at=last_activity,
    )


def row_ids(html: str, attribute: str) -> set[int]:
    return {int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', html)}


def stalled_ids(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'data-user-id="(\d+)" data-stalled', html)}


def summary(html: str, name: str) -> int:
    return int(re.search(rf'data-count="{name}">(\d+)<', html).group(1))


# Who may open it.


def test_only_mentors_open_the_dashboard(learner, programme_admin, client):
    assert english_client(learner).get(reverse(DASHBOARD)).status_code == 403
    assert english_client(programme_admin).get(reverse(DASHBOARD)).status_code == 403
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_the_menu_links_to_the_dashboard(mentor):
    html = english_client(mentor).get(reverse("lms:home")).content.decode()
    assert f'href="{reverse(DASHBOARD)}"' in html


def test_she_sees_only_her_own_mentees(mentor, assigned, learner, regency_library):
    other_village = factories.library(
        kind=Library.Kind.VILLAGE,
        regency=regency_library.regency,
        mentor_library=regency_library,
    )
    stranger = factories.user(library=other_village)
    other_mentor = factories.user(role=Role.MENTOR, library=regency_library)
    MentorAssignment.objects.create(mentor=other_mentor, library=other_village, starts_on=TODAY)
    Visit.objects.create(mentor=other_mentor, library=other_village, visited_on=TODAY)

    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    assert row_ids(html, "data-user-id") == {learner.pk}
    assert row_ids(html, "data-library-id") == {learner.staff_profile.library_id}
    assert row_ids(html, "data-visit-id") == set()
    assert summary(html, "mentees") == 1

    csv = english_client(mentor).get(reverse(DASHBOARD), {"format": "csv"}).content.decode()
    assert stranger.get_username() not in csv


# What it shows.


def test_progress_last_activity_and_stalled_flags(mentor, assigned, village_library, course):
    active = factories.user(library=village_library, first_name="Aktif")
    idle = factories.user(library=village_library, first_name="Diam")
    new = factories.user(library=village_library, first_name="Baru")
    never = factories.user(library=village_library, first_name="Belum")
    enrol(active, course, done=3, total=4, last_activity=days_ago(2))
    enrol(idle, course, done=1, total=4, last_activity=days_ago(40))
    enrol(new, course, done=0, total=4, last_activity=None, enrolled_days_ago=3)

    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    assert stalled_ids(html) == {idle.pk, never.pk}
    assert summary(html, "stalled") == 2
    assert summary(html, "mentees") == 4
    assert "Literasi Digital" in html and "75%" in html
    assert timezone.localtime(days_ago(2)).strftime("%-d %b %Y") in html


def test_overdue_and_open_follow_ups(mentor, assigned, village_library, learner):
    visit = Visit.objects.create(mentor=mentor, library=village_library, visited_on=TODAY)
    late = FollowUp.objects.create(
        visit=visit, action="Terlambat", owner=learner, due_on=TODAY - datetime.timedelta(days=1)
    )
    soon = FollowUp.objects.create(
        visit=visit, action="Segera", owner=learner, due_on=TODAY + datetime.timedelta(days=3)
    )
    FollowUp.objects.create(
        visit=visit,
        action="Selesai",
        owner=learner,
        due_on=TODAY - datetime.timedelta(days=5),
        status=FollowUp.Status.DONE,
    )
    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    assert summary(html, "open") == 2
    assert summary(html, "overdue") == 1
    assert row_ids(html, "data-follow-up-id") == {late.pk, soon.pk}
    assert f'data-follow-up-id="{late.pk}" data-overdue' in html
    assert f'data-follow-up-id="{soon.pk}" data-overdue' not in html
    assert "Selesai" not in html


def test_next_visit_due_comes_from_the_latest_visit(mentor, assigned, village_library):
    Visit.objects.create(
        mentor=mentor,
        library=village_library,
        visited_on=TODAY - datetime.timedelta(days=40),
        next_visit_on=TODAY - datetime.timedelta(days=10),
    )
    Visit.objects.create(
        mentor=mentor,
        library=village_library,
        visited_on=TODAY - datetime.timedelta(days=9),
        next_visit_on=datetime.date(2099, 3, 17),
    )
    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    library_row = re.search(
        rf'data-library-id="{village_library.pk}">(.*?)</tr>', html, re.DOTALL
    ).group(1)
    assert "17 Mar 2099" in library_row
    assert "Overdue" not in library_row


def test_a_person_assigned_directly_is_a_mentee(mentor, regency_library):
    far_village = factories.library(kind=Library.Kind.VILLAGE)
    person = factories.user(library=far_village)
    MentorAssignment.objects.create(mentor=mentor, mentee=person, starts_on=TODAY)
    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    assert row_ids(html, "data-user-id") == {person.pk}
    assert row_ids(html, "data-library-id") == {far_village.pk}


# Exports.


def test_the_mentee_table_exports_as_csv_and_xlsx(mentor, assigned, learner, course):
    enrol(learner, course, done=2, total=4, last_activity=days_ago(1))
    client = english_client(mentor)

    response = client.get(reverse(DASHBOARD), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Name,Username,Library,Courses,Last activity,Stalled"
    assert len(lines) == 2
    assert "sari" in lines[1] and "Literasi Digital (50%)" in lines[1] and lines[1].endswith("no")

    response = client.get(reverse(DASHBOARD), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and rows[1][1] == "sari"


def test_exports_keep_the_permission_check(learner):
    response = english_client(learner).get(reverse(DASHBOARD), {"format": "csv"})
    assert response.status_code == 403


# The home panel.


def test_home_panel_counts_in_three_queries(mentor, assigned, village_library, learner, course):
    enrol(learner, course, last_activity=days_ago(50))
    enrol(factories.user(library=village_library), course, last_activity=days_ago(1))
    factories.user(library=village_library)
    visit = Visit.objects.create(mentor=mentor, library=village_library, visited_on=TODAY)
    FollowUp.objects.create(
        visit=visit, action="A", owner=learner, due_on=TODAY - datetime.timedelta(days=2)
    )
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(pk=mentor.pk)
    roles_of(request.user)  # the home page has asked already
    staff_profile_for(request.user)  # and read her profile
    with CaptureQueriesContext(connection) as queries:
        panel = home_panel(request)
    assert len(queries) == 3  # her assignments, mentee counts, overdue follow-ups
    assert [value for _label, value in panel.rows] == [3, 2, 1]
    assert reverse(DASHBOARD) in [link.url for link in panel.links]


def test_no_home_panel_for_non_mentors(learner):
    request = RequestFactory().get("/")
    request.user = learner
    assert home_panel(request) is None


# A fixed cost.


def grow(mentor, course, *, libraries: int, per_library: int, start: int) -> None:
    """Adds village libraries assigned to `mentor`, each with staff enrolled in `course`,
    a visit and an overdue follow-up, with bulk inserts."""
    User = get_user_model()
    regency_library = mentor.staff_profile.library
    for n in range(libraries):
        library = factories.library(
            kind=Library.Kind.VILLAGE,
            regency=regency_library.regency,
            mentor_library=regency_library,
        )
        MentorAssignment.objects.create(mentor=mentor, library=library, starts_on=TODAY)
        users = User.objects.bulk_create(
            User(username=f"m{start}-{n}-{i}", first_name=f"Peserta {i}", password="!")
            for i in range(per_library)
        )
        StaffProfile.objects.bulk_create(
            StaffProfile(user=user, library=library, gender="female") for user in users
        )
        Enrollment.objects.bulk_create(
            Enrollment(
                user=user,
                course=course,
                enrolled_at=days_ago(60),
                items_done=i % 5,
                items_total=4,
                last_activity_at=days_ago(i % 45) if i % 3 else None,
            )
            for i, user in enumerate(users)
        )
        visit = Visit.objects.create(
            mentor=mentor,
            library=library,
            visited_on=TODAY - datetime.timedelta(days=3),
            next_visit_on=TODAY + datetime.timedelta(days=20),
        )
        visit.attendees.set(users[:3])
        FollowUp.objects.create(
            visit=visit, action="Laporan", owner=users[0], due_on=TODAY - datetime.timedelta(1)
        )


def test_the_dashboard_costs_the_same_for_5_and_500_mentees(mentor, course):
    client = english_client(mentor)
    grow(mentor, course, libraries=1, per_library=5, start=0)
    with CaptureQueriesContext(connection) as small:
        response = client.get(reverse(DASHBOARD))
    assert summary(response.content.decode(), "mentees") == 5

    grow(mentor, course, libraries=5, per_library=99, start=1)
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse(DASHBOARD))
    html = response.content.decode()
    assert summary(html, "mentees") == 500
    assert summary(html, "overdue") == 6
    assert len(row_ids(html, "data-user-id")) == MENTEES_PER_PAGE  # one page of the table

    assert len(small) == len(large) == DASHBOARD_QUERIES, [q["sql"] for q in large]

    # Every mentee is in the export, still in the same number of queries.
    with CaptureQueriesContext(connection) as export:
        response = client.get(reverse(DASHBOARD), {"format": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 501
    assert len(export) <= DASHBOARD_QUERIES
    # The stalled total counted in the database agrees with the flags worked out per row.
    assert summary(html, "stalled") == sum(line.endswith(",yes") for line in lines) > 0


def test_next_visits_show_the_libraries_due_first_and_say_how_many_more(mentor, course):
    grow(mentor, course, libraries=25, per_library=1, start=0)
    late = Visit.objects.filter(mentor=mentor).order_by("pk").last()
    late.next_visit_on = TODAY - datetime.timedelta(days=2)
    late.save()

    html = english_client(mentor).get(reverse(DASHBOARD)).content.decode()
    shown = re.findall(r'data-library-id="(\d+)"', html)
    assert len(shown) == 20
    assert shown[0] == str(late.library_id)  # the overdue one leads
    assert "Showing the 20 due first of 25." in html


def test_the_visit_list_costs_the_same_for_few_and_many_visits(mentor, course):
    client = english_client(mentor)
    grow(mentor, course, libraries=1, per_library=3, start=0)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("mentoring:visit_list"))
    grow(mentor, course, libraries=30, per_library=3, start=1)
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse("mentoring:visit_list"))
    assert len(row_ids(response.content.decode(), "data-visit-id")) == 25
    assert len(small) == len(large)



def test_follow_ups_and_next_visits_export_too(mentor, assigned, village_library, learner):
    visit = Visit.objects.create(
        mentor=mentor,
        library=village_library,
        visited_on=TODAY,
        next_visit_on=TODAY + datetime.timedelta(days=30),
    )
    FollowUp.objects.create(visit=visit, action="Susun jadwal", owner=learner, due_on=TODAY)
    FollowUp.objects.create(
        visit=visit, action="Selesai", owner=learner, due_on=TODAY, status=FollowUp.Status.DONE
    )
    client = english_client(mentor)

    response = client.get(reverse(DASHBOARD), {"table": "followups", "format": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Action,Library,Owner,Due on,Visit date"
    assert len(lines) == 2 and lines[1].startswith("Susun jadwal,")

    response = client.get(reverse(DASHBOARD), {"table": "libraries", "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Library", "Last visit", "Next visit due")
    assert rows[1][0] == village_library.name
