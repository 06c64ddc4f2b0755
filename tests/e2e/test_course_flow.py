"""A village librarian enrols, reads a lesson, fails then passes the quiz, and sees the
course completed on her dashboard "Pelatihan saya", on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment, QuizAttempt
from lms.models import Library
from lms.roles import Role
from tests.courses import factories as courses
from tests.e2e.test_sign_in_flow import assert_fits_the_phone, sign_in
from tests.lms import factories


@pytest.fixture
def learner_and_course(transactional_db):
    district = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")
    village = factories.library(
        name="Perpustakaan Desa Sodong", regency=district.regency, mentor_library=district
    )
    learner = factories.user(
        role=Role.LEARNER, library=village, username="wati", first_name="Wati Rahayu"
    )
    course = courses.course(
        modules=1, lessons_per_module=1, title="Dasar Internet untuk Perpustakaan Desa"
    )
    return learner, course


def answer(page, choices: list[str], short_answer: str) -> None:
    """Ticks the options with these ids (q<question>-o<option>) and types the short answer."""
    form = page.locator("#quiz-questions")
    for choice in choices:
        form.locator(f"#{choice}").check()
    form.locator("#q4-answer").fill(short_answer)
    form.locator("button[type=submit]").click()


def test_enrol_read_fail_then_pass_and_see_the_course_completed(
    page, live_server, learner_and_course, screenshot
):
    learner, course = learner_and_course
    page.goto(live_server.url + "/masuk/")
    sign_in(page, "wati", factories.PASSWORD)
    expect(page.locator("h1")).to_contain_text("Wati Rahayu")

    # Enrol from the course page.
    page.goto(live_server.url + course.url)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.locator(".enrol-box form button[type=submit]").click()
    expect(page.locator(".enrol-box .progress")).to_be_visible()
    assert Enrollment.objects.filter(user=learner, course=course, status="active").exists()
    assert_fits_the_phone(page)
    screenshot("1-enrolled")

    # Read the lesson and mark it complete; the next item is the quiz.
    lesson = courses.lessons(course)[0]
    page.goto(live_server.url + lesson.url)
    expect(page.locator("h1")).to_contain_text(lesson.title)
    assert_fits_the_phone(page)
    screenshot("2-lesson")
    page.locator("#complete-button").click()
    quiz = courses.quizzes(course)[0]
    expect(page).to_have_url(re.compile(re.escape(quiz.url) + "$"))

    # First attempt: wrong answers everywhere.
    page.locator(f"form[action$='/kuis/{quiz.pk}/mulai/'] button[type=submit]").click()
    expect(page.locator("#quiz-questions")).to_be_visible()
    assert_fits_the_phone(page)
    screenshot("3-quiz")
    answer(page, ["q1-o2", "q2-o3", "q3-o2"], "tidak tahu")
    expect(page.locator("main")).to_contain_text("0%")
    screenshot("4-failed")

    # Second attempt: the right answers.
    page.locator(f"form[action$='/kuis/{quiz.pk}/mulai/'] button[type=submit]").click()
    answer(page, ["q1-o1", "q2-o1", "q2-o2", "q3-o1"], "tik")
    expect(page.locator("main")).to_contain_text("100%")
    screenshot("5-passed")
    attempts = QuizAttempt.objects.filter(user=learner, quiz=quiz).order_by("number")
    assert [(a.number, a.passed) for a in attempts] == [(1, False), (2, True)]

    # The dashboard lists the course as completed.
    page.goto(live_server.url + "/pelatihan-saya/")
    completed = page.locator(f"#dash-completed-{course.pk}")
    expect(completed).to_be_visible()
    expect(completed).to_contain_text(course.title)
    expect(page.locator(f"#dash-course-{course.pk}")).to_have_count(0)
    assert_fits_the_phone(page)
    screenshot("6-dashboard")
    assert Enrollment.objects.get(user=learner, course=course).completed_at is not None
