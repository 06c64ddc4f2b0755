"""Learner pages cost the same number of queries for a learner with 1 or 20 enrolments."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.services.enrollment import enrollment_create
from courses.services.lessons import lesson_complete
from lms.roles import Role
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # the first view records progress; measure the steady state
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def page_costs(enrolments: int) -> dict[str, int]:
    learner = factories.user(role=Role.LEARNER)
    main = courses.course(modules=2, lessons_per_module=3)
    enrollment_create(user=learner, course=main)
    first, second = courses.lessons(main)[:2]
    lesson_complete(user=learner, lesson=first)
    for _ in range(enrolments - 1):
        other = courses.course(modules=1, lessons_per_module=1, quiz=False)
        enrollment_create(user=learner, course=other)
        lesson_complete(user=learner, lesson=courses.lessons(other)[0])
    client = Client()
    client.force_login(learner)
    return {
        "lesson": queries(client, second.url),
        "course": queries(client, main.url),
        "dashboard": queries(client, "/pelatihan-saya/"),
        "catalogue": queries(client, courses.catalog().url),
        "home": queries(client, "/"),
    }


def test_pages_cost_the_same_for_1_and_20_enrolments():
    one = page_costs(1)
    twenty = page_costs(20)
    assert one == twenty, (one, twenty)
