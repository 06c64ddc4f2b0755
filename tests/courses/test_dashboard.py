"""The learner's dashboard and home panel: her own courses, what is next, fixed query cost."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import selectors
from courses.services.progress import enrollment_touch
from courses.views.dashboard import home_panel
from lms.roles import Role, roles_of
from tests.courses import factories as courses
from tests.courses.enrollment_builders import complete, do, english_client, enrol
from tests.lms import factories

pytestmark = pytest.mark.django_db

DASHBOARD = "/pelatihan-saya/"


def test_dashboard_url():
    assert reverse("courses:dashboard") == DASHBOARD


def test_dashboard_needs_sign_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(reverse("lms:login"))


def test_next_item_is_the_first_not_done(learner):
    course = courses.course(modules=2, lessons_per_module=2)
    enrol(learner, course)
    items = selectors.course_items(course)
    do(learner, items[0])
    do(learner, items[2])  # the quiz of module 1, before lesson 1.2
    html = english_client(learner).get(DASHBOARD).content.decode()
    block = html[html.index(f'id="dash-course-{course.pk}"') :]
    assert f'class="dash-next-link" href="{items[1].url()}">Pelajaran 1.2</a>' in block
    # Nothing touched yet: "continue" goes to the same next item.
    assert f'class="button dash-continue" href="{items[1].url()}"' in block
    assert "2 of 6 items done (33%)" in block
    assert 'aria-valuenow="33"' in block


def test_continue_goes_where_she_left_off(learner):
    course = courses.course(modules=2, lessons_per_module=2)
    enrol(learner, course)
    lesson = courses.lessons(course)[2]
    enrollment_touch(user=learner, course=course, page=lesson)
    html = english_client(learner).get(DASHBOARD).content.decode()
    assert f'class="button dash-continue" href="{lesson.url}"' in html
    first = courses.lessons(course)[0]
    assert f'class="dash-next-link" href="{first.url}">' in html


def test_completed_courses_are_listed_with_their_date(learner):
    finished = courses.course(modules=1, lessons_per_module=1, title="Pelayanan Prima")
    ongoing = courses.course(modules=1, lessons_per_module=1, title="Advokasi")
    enrollment = complete(learner, finished)
    enrol(learner, ongoing)
    response = english_client(learner).get(DASHBOARD)
    html = response.content.decode()
    completed = html[html.index('id="dash-completed-title"') :]
    assert f'id="dash-completed-{finished.pk}"' in completed
    completed_on = timezone.localdate(enrollment.completed_at).isoformat()
    assert f'datetime="{completed_on}"' in completed
    assert f'id="dash-completed-{ongoing.pk}"' not in html
    assert f'id="dash-course-{ongoing.pk}"' in html
    assert f'id="dash-course-{finished.pk}"' not in html


def test_withdrawn_courses_are_not_shown(learner):
    course = courses.course(modules=1, lessons_per_module=1)
    enrol(learner, course, status="withdrawn")
    html = english_client(learner).get(DASHBOARD).content.decode()
    assert f'id="dash-course-{course.pk}"' not in html


def test_a_learner_never_sees_another_learners_courses(learner, village_library):
    mine = courses.course(modules=1, lessons_per_module=1, title="Kursus Saya")
    theirs = courses.course(modules=1, lessons_per_module=1, title="Kursus Teman")
    colleague = factories.user(library=village_library)
    enrol(learner, mine)
    enrol(colleague, theirs)
    complete(colleague, mine)
    html = english_client(learner).get(DASHBOARD).content.decode()
    assert "Kursus Saya" in html
    assert "Kursus Teman" not in html
    assert f'id="dash-completed-{mine.pk}"' not in html  # her colleague's completion


def test_empty_dashboard_points_to_the_catalogue(learner):
    catalogue = courses.catalog()
    html = english_client(learner).get(DASHBOARD).content.decode()
    assert "You are not enrolled in any course yet." in html
    assert f'href="{catalogue.url}"' in html


def _dashboard_queries(client, learner, *, enrolments: int, lessons: int) -> int:
    curriculum = courses.curriculum()
    for n in range(enrolments):
        course = courses.course(parent=curriculum, modules=1, lessons_per_module=lessons)
        enrol(learner, course)
        do(learner, courses.lessons(course)[0])
        if n % 2:
            enrollment_touch(user=learner, course=course, page=courses.lessons(course)[1])
    client.get(DASHBOARD)  # warm Wagtail's site and content type caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.content.decode().count('class="card dash-course"') == enrolments
    return len(queries)


@pytest.mark.parametrize(("enrolments", "lessons"), [(1, 3), (20, 3), (1, 60), (3, 60)])
def test_dashboard_query_count_is_fixed(client, learner, enrolments, lessons):
    client.force_login(learner)
    # session, user, roles (menu), site, enrolments, items of all courses, done pages
    assert _dashboard_queries(client, learner, enrolments=enrolments, lessons=lessons) == 7


# The home page panel


def test_home_panel_lists_her_courses_for_a_learner(learner):
    course = courses.course(modules=1, lessons_per_module=2, title="Literasi Informasi")
    enrol(learner, course)
    do(learner, courses.lessons(course)[0])
    html = english_client(learner).get("/").content.decode()
    assert "My training" in html
    assert f'<a href="{course.url}">Literasi Informasi</a>' in html
    assert 'aria-valuenow="33"' in html
    assert f'href="{DASHBOARD}"' in html


def test_home_panel_points_a_new_learner_to_the_catalogue(learner):
    catalogue = courses.catalog()
    html = english_client(learner).get("/").content.decode()
    assert "My training" in html
    assert f'href="{catalogue.url}"' in html


def test_no_home_panel_without_the_learner_role(programme_admin):
    html = english_client(programme_admin).get("/").content.decode()
    assert "My training" not in html
    assert DASHBOARD not in html


def _panel_request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("enrolments", [0, 1, 6])
def test_home_panel_costs_at_most_two_queries(learner, enrolments, django_assert_max_num_queries):
    courses.catalog()
    for _ in range(enrolments):
        enrol(learner, courses.course(modules=1, lessons_per_module=1))
    request = _panel_request(learner)
    home_panel(request)  # warm the site root paths cache and the learner's roles
    request = _panel_request(learner)
    roles_of(learner)  # the home page has asked for her roles before the panels run
    with django_assert_max_num_queries(2):
        panel = home_panel(request)
    assert len(panel.context.get("rows", [])) == min(enrolments, 3)


def test_home_panel_is_none_for_a_trainer(regency_library):
    trainer = factories.user(role=Role.TRAINER, library=regency_library)
    assert home_panel(_panel_request(trainer)) is None
