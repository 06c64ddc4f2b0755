"""Taking a quiz: starting, answering, grading on the server, results, limits and denials."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    CoursePage,
    Enrollment,
    ModulePage,
    Progress,
    QuizAnswer,
    QuizAttempt,
    QuizPage,
)
from courses.services import quiz as quiz_service
from courses.services.progress import progress_record
from courses.views import quiz as quiz_views
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.django_db


# Builders


def enrol(user, course, status=Enrollment.Status.ACTIVE) -> Enrollment:
    return Enrollment.objects.create(
        user=user, course=course, enrolled_at=timezone.now(), status=status
    )


def only_quiz_course(**quiz_fields) -> tuple[CoursePage, QuizPage]:
    """A course whose one item is the factories' quiz (or a quiz with `quiz_fields`)."""
    course = courses.course(lessons_per_module=0, quiz=not quiz_fields)
    if quiz_fields:
        module = ModulePage.objects.child_of(course).get()
        fields = {"title": "Kuis", "slug": "kuis", "questions": courses.quiz_questions()}
        module.add_child(instance=QuizPage(**fields | quiz_fields))
    return course, QuizPage.objects.descendant_of(course).get()  # fresh from the database


def right_answers(quiz: QuizPage) -> dict:
    """The factories' quiz answered right: option 0, options 0 and 1, True, "TIK"."""
    q1, q2, q3, q4 = list(quiz.questions)
    options = [[child.id for child in q.value["options"].bound_blocks] for q in (q1, q2)]
    return {
        q1.id: [options[0][0]],
        q2.id: [options[1][0], options[1][1]],
        q3.id: ["true"],
        q4.id: ["TIK"],
    }


def wrong_answers(quiz: QuizPage) -> dict:
    q1, q2, q3, q4 = list(quiz.questions)
    second = [child.id for child in q1.value["options"].bound_blocks][1]
    return {q1.id: [second], q2.id: [], q3.id: ["false"], q4.id: ["tidak tahu"]}


@pytest.fixture
def course_and_quiz():
    return only_quiz_course()


@pytest.fixture
def quiz(course_and_quiz):
    return course_and_quiz[1]


@pytest.fixture
def enrolled(learner, course_and_quiz, client):
    enrol(learner, course_and_quiz[0])
    client.force_login(learner)
    client.cookies["django_language"] = "en"
    return learner


def start(client, quiz):
    return client.post(reverse("courses:quiz_start", kwargs={"quiz_id": quiz.pk}))


def submit(client, attempt, answers):
    return client.post(
        reverse("courses:quiz_submit", kwargs={"attempt_id": attempt.pk}), data=answers
    )


def result_url(attempt):
    return reverse("courses:quiz_result", kwargs={"attempt_id": attempt.pk})


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# Who may take a quiz


def test_quiz_page_asks_anonymous_visitors_to_sign_in(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("lms:login"))
    assert "next=" in response.url


@pytest.mark.parametrize("status", [None, Enrollment.Status.WITHDRAWN])
def test_quiz_page_sends_learners_without_an_active_enrolment_to_the_course(
    client, learner, course_and_quiz, status
):
    course, quiz = course_and_quiz
    if status:
        enrol(learner, course, status=status)
    client.force_login(learner)
    response = client.get(quiz.url, follow=False)
    assert response.status_code == 302 and response.url == course.url
    assert not QuizAttempt.objects.exists()


def test_a_learner_without_enrolment_cannot_start_or_submit(client, learner, course_and_quiz):
    course, quiz = course_and_quiz
    client.force_login(learner)
    response = start(client, quiz)
    assert response.status_code == 302 and response.url == course.url
    assert not QuizAttempt.objects.exists()
    with pytest.raises(quiz_service.QuizNotEnrolled):
        quiz_service.quiz_attempt_start(user=learner, quiz=quiz)

    # Enrolled, started, then withdrawn: the open attempt can no longer be sent.
    enrollment = enrol(learner, course)
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.save()
    response = submit(client, attempt, right_answers(quiz))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not QuizAnswer.objects.exists()
    with pytest.raises(quiz_service.QuizError) as error:
        quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses={})
    assert error.value.message == quiz_service.NOT_ENROLLED


def test_start_submit_and_result_only_by_post_or_get(client, enrolled, quiz):
    assert client.get(reverse("courses:quiz_start", kwargs={"quiz_id": quiz.pk})).status_code == 405
    attempt = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    url = reverse("courses:quiz_submit", kwargs={"attempt_id": attempt.pk})
    assert client.get(url).status_code == 405
    assert client.post(result_url(attempt)).status_code == 405


def test_start_and_submit_need_the_csrf_token(enrolled, quiz):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(enrolled)
    assert start(strict, quiz).status_code == 403
    attempt = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    assert submit(strict, attempt, right_answers(quiz)).status_code == 403
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_another_learner_cannot_see_or_submit_my_attempt(client, enrolled, course_and_quiz):
    course, quiz = course_and_quiz
    attempt = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    other = factories.user()
    enrol(other, course)
    intruder = Client()
    intruder.force_login(other)

    assert submit(intruder, attempt, right_answers(quiz)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not QuizAnswer.objects.exists()
    with pytest.raises(PermissionDenied):
        quiz_service.quiz_attempt_submit(attempt=attempt, user=other, responses={})

    submit(client, attempt, right_answers(quiz))
    assert client.get(result_url(attempt)).status_code == 200
    # The same answer for an attempt that exists as for one that does not.
    assert intruder.get(result_url(attempt)).status_code == 404
    assert intruder.get(reverse("courses:quiz_result", args=[attempt.pk + 999])).status_code == 404
    assert Client().get(result_url(attempt)).status_code == 302  # anonymous: sign in first


# Taking the quiz


def test_quiz_page_offers_to_start_then_shows_the_questions_as_a_form(client, enrolled, quiz):
    html = main_html(client.get(quiz.url))
    assert reverse("courses:quiz_start", kwargs={"quiz_id": quiz.pk}) in html
    assert 'id="quiz-questions"' not in html

    response = start(client, quiz)
    assert response.status_code == 302 and response.url.startswith(quiz.url)
    attempt = QuizAttempt.objects.get(user=enrolled, quiz=quiz)
    assert attempt.number == 1 and attempt.submitted_at is None

    html = main_html(client.get(quiz.url))
    assert reverse("courses:quiz_submit", kwargs={"attempt_id": attempt.pk}) in html
    q1, q2, q3, q4 = list(quiz.questions)
    assert html.count("<fieldset") == 4 and html.count("<legend") == 4
    inputs = re.findall(r'<input type="(\w+)" id="[^"]+" name="([^"]+)"(?: value="([^"]*)")?', html)
    assert sorted(inputs) == sorted(
        [
            *[("radio", q1.id, option.id) for option in q1.value["options"].bound_blocks],
            *[("checkbox", q2.id, option.id) for option in q2.value["options"].bound_blocks],
            ("radio", q3.id, "true"),
            ("radio", q3.id, "false"),
            ("text", q4.id, ""),
        ]
    )
    # Every input has a label pointing at it.
    for input_id in re.findall(r'<input type="(?:radio|checkbox|text)" id="([^"]+)"', html):
        assert f'<label for="{input_id}"' in html or f'for="{input_id}">' in html


def test_starting_twice_gives_the_same_open_attempt(client, enrolled, quiz):
    start(client, quiz)
    start(client, quiz)
    again = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    assert QuizAttempt.objects.get() == again


def test_open_attempt_html_shows_nothing_that_tells_the_answer(client, learner):
    secret = {
        "right_feedback": "UMPAN-BALIK-BENAR-7431",
        "wrong_feedback": "UMPAN-BALIK-SALAH-7432",
        "explanation": "PENJELASAN-RAHASIA-7433",
        "accepted": "JAWABAN-DITERIMA-7434",
        "keyword": "KATAKUNCI-7435",
        "tf_right": "BENAR-TF-7436",
        "tf_wrong": "SALAH-TF-7437",
        "short_right": "BENAR-SA-7438",
        "short_wrong": "SALAH-SA-7439",
    }
    questions = [
        (
            "single_choice",
            {
                "question": "Pertanyaan pilihan tunggal",
                "options": [
                    {"text": "Pilihan A", "correct": True, "feedback": secret["right_feedback"]},
                    {"text": "Pilihan B", "correct": False, "feedback": secret["wrong_feedback"]},
                ],
                "explanation": secret["explanation"],
            },
        ),
        (
            "multiple_choice",
            {
                "question": "Pertanyaan pilihan ganda",
                "options": [
                    {"text": "Pilihan C", "correct": True, "feedback": ""},
                    {"text": "Pilihan D", "correct": False, "feedback": ""},
                ],
                "explanation": secret["explanation"],
            },
        ),
        (
            "true_false",
            {
                "question": "Pernyataan",
                "answer": "false",
                "feedback_correct": secret["tf_right"],
                "feedback_wrong": secret["tf_wrong"],
            },
        ),
        (
            "short_answer",
            {
                "question": "Isian",
                "match": "exact",
                "accepted": [secret["accepted"]],
                "feedback_correct": secret["short_right"],
                "feedback_wrong": secret["short_wrong"],
            },
        ),
        (
            "short_answer",
            {
                "question": "Isian kata kunci",
                "match": "keywords",
                "accepted": [secret["keyword"]],
                "feedback_correct": "",
                "feedback_wrong": "",
            },
        ),
    ]
    course, quiz = only_quiz_course(questions=questions, shuffle_options=True)
    enrol(learner, course)
    client.force_login(learner)
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    response = client.get(quiz.url)
    html = response.content.decode()
    assert 'id="quiz-questions"' in html

    for text in secret.values():
        assert text not in html
    main = main_html(response)
    tags = re.findall(r"<[^>]+>", main)
    assert not [tag for tag in tags if "correct" in tag.lower() or "benar" in tag.lower()]
    assert "data-" not in main
    # Values are only option ids and true/false: nothing positional, nothing else.
    option_ids = {i for ids in attempt.layout["options"].values() for i in ids}
    values = set(re.findall(r'<input type="(?:radio|checkbox)"[^>]* value="([^"]*)"', main))
    assert values == option_ids | {"true", "false"}


def test_right_answers_pass_store_every_answer_and_complete_the_course(
    client, enrolled, course_and_quiz
):
    course, quiz = course_and_quiz
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    response = submit(client, attempt, right_answers(quiz))
    assert response.status_code == 302 and response.url == result_url(attempt)

    attempt.refresh_from_db()
    assert (attempt.score_percent, attempt.passed) == (100, True)
    assert attempt.submitted_at is not None
    answers = {a.question_id: a for a in attempt.answers.all()}
    assert set(answers) == {block.id for block in quiz.questions}
    assert all(a.correct for a in answers.values())
    q1, q2, q3, q4 = list(quiz.questions)
    assert answers[q1.id].question_type == "single_choice"
    assert answers[q2.id].response == right_answers(quiz)[q2.id]
    assert answers[q3.id].response == "true"
    assert answers[q4.id].response == "TIK"

    assert Progress.objects.filter(
        user=enrolled, page=quiz, kind=Progress.Kind.QUIZ_PASSED
    ).exists()
    enrollment = Enrollment.objects.get(user=enrolled, course=course)
    assert enrollment.completed_at is not None
    assert (enrollment.items_done, enrollment.items_total) == (1, 1)


def test_passing_the_last_item_after_the_lessons_completes_the_course(client, learner):
    course = courses.course(lessons_per_module=2)
    quiz = QuizPage.objects.descendant_of(course).get()
    enrol(learner, course)
    for lesson in courses.lessons(course):
        progress_record(user=learner, page=lesson, kind=Progress.Kind.COMPLETED)
    assert Enrollment.objects.get(user=learner).completed_at is None
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses=right_answers(quiz))
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_submitting_twice_changes_nothing(client, enrolled, quiz):
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    submit(client, attempt, wrong_answers(quiz))
    attempt.refresh_from_db()
    first = (attempt.score_percent, attempt.passed, attempt.submitted_at)

    response = submit(client, attempt, right_answers(quiz))
    assert response.status_code == 302 and response.url == result_url(attempt)
    again = quiz_service.quiz_attempt_submit(
        attempt=attempt, user=enrolled, responses=right_answers(quiz)
    )
    assert QuizAttempt.objects.count() == 1
    assert QuizAnswer.objects.count() == 4
    assert (again.score_percent, again.passed, again.submitted_at) == first
    assert first[:2] == (0, False)
    assert not Progress.objects.filter(kind=Progress.Kind.QUIZ_PASSED).exists()


def test_fail_then_pass_on_the_second_attempt(client, enrolled, quiz):
    answers = wrong_answers(quiz)
    q1, q2, q3, q4 = list(quiz.questions)
    answers[q3.id], answers[q4.id] = ["true"], ["  tik. "]  # 2 of 4 right: 50% < 75%
    start(client, quiz)
    first = QuizAttempt.objects.get()
    submit(client, first, answers)
    first.refresh_from_db()
    assert (first.score_percent, first.passed) == (50, False)
    assert not Progress.objects.filter(kind=Progress.Kind.QUIZ_PASSED).exists()

    html = main_html(client.get(quiz.url))
    assert "Try again" in html and "50%" in html

    start(client, quiz)
    second = QuizAttempt.objects.get(submitted_at__isnull=True)
    assert second.number == 2
    submit(client, second, right_answers(quiz))
    second.refresh_from_db()
    assert (second.score_percent, second.passed) == (100, True)
    assert Progress.objects.filter(user=enrolled, kind=Progress.Kind.QUIZ_PASSED).count() == 1

    html = main_html(client.get(quiz.url))
    assert "Best result: 100%" in html and "Passed" in html
    assert result_url(first) in html and result_url(second) in html


def test_attempt_limit_is_enforced_with_a_clear_message(client, learner):
    course, quiz = only_quiz_course(max_attempts=1)
    enrol(learner, course)
    client.force_login(learner)
    client.cookies["django_language"] = "en"
    start(client, quiz)
    submit(client, QuizAttempt.objects.get(), wrong_answers(quiz))

    response = start(client, quiz)
    assert QuizAttempt.objects.count() == 1
    with pytest.raises(quiz_service.QuizError) as error:
        quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    assert error.value.message == quiz_service.ATTEMPTS_USED_UP

    html = client.get(response.url).content.decode()
    assert "You have used all the attempts this quiz allows." in html
    assert reverse("courses:quiz_start", kwargs={"quiz_id": quiz.pk}) not in html
    assert "Used: 1, left: 0." in html


def test_retakes_after_passing_while_attempts_remain(client, enrolled, quiz):
    attempt = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    quiz_service.quiz_attempt_submit(attempt=attempt, user=enrolled, responses=right_answers(quiz))
    retake = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    quiz_service.quiz_attempt_submit(attempt=retake, user=enrolled, responses={})
    assert retake.number == 2
    assert quiz_service.quiz_best_attempt(list(QuizAttempt.objects.all())) == attempt
    # Passing is recorded for good: a worse retake does not undo it.
    assert Progress.objects.filter(kind=Progress.Kind.QUIZ_PASSED).count() == 1


def test_unlimited_attempts(learner):
    course, quiz = only_quiz_course(max_attempts=0)
    enrol(learner, course)
    for _ in range(5):
        attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
        quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses={})
    assert QuizAttempt.objects.filter(submitted_at__isnull=False).count() == 5


def test_shuffled_order_is_stable_within_an_attempt_and_covers_every_question(client, learner):
    questions = courses.quiz_questions() * 3  # 12 questions
    course, quiz = only_quiz_course(
        questions=questions, shuffle_questions=True, shuffle_options=True, max_attempts=0
    )
    enrol(learner, course)
    client.force_login(learner)
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    authored = [block.id for block in quiz.questions]
    layout = attempt.layout
    assert sorted(layout["questions"]) == sorted(authored)
    assert layout["questions"] != authored
    for block in quiz.questions:
        if block.block_type in ("single_choice", "multiple_choice"):
            options = [child.id for child in block.value["options"].bound_blocks]
            assert sorted(layout["options"][block.id]) == sorted(options)

    def shown_order(html):
        return re.findall(r'name="([0-9a-f-]{36})"', html)

    first_view = shown_order(main_html(client.get(quiz.url)))
    assert first_view == shown_order(main_html(client.get(quiz.url)))
    assert list(dict.fromkeys(first_view)) == layout["questions"]
    assert quiz_service.quiz_attempt_start(user=learner, quiz=quiz).layout == layout

    quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses={})
    second = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    assert sorted(second.layout["questions"]) == sorted(authored)
    assert second.layout["questions"] != layout["questions"]


def test_grading_uses_the_live_questions_of_the_layout(learner):
    course, quiz = only_quiz_course()
    enrol(learner, course)
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    answers = right_answers(quiz)
    # The trainer removes the first question and adds one after the attempt started.
    added = {"question": "Baru?", "answer": "true", "feedback_correct": "", "feedback_wrong": ""}
    quiz.questions = [*list(quiz.questions.raw_data)[1:], {"type": "true_false", "value": added}]
    quiz.save_revision().publish()
    attempt = quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses=answers)
    assert attempt.score_percent == 100
    assert attempt.answers.count() == 3


# Results


def test_result_page_shows_score_choices_feedback_and_explanation(client, learner):
    questions = courses.quiz_questions()
    questions[0][1]["explanation"] = "TIK mencakup komputer dan internet."
    questions[1][1]["explanation"] = "Rak buku bukan teknologi informasi."
    questions[3][1]["feedback_wrong"] = "Singkatannya TIK."
    course, quiz = only_quiz_course(questions=questions)
    enrol(learner, course)
    client.force_login(learner)
    client.cookies["django_language"] = "en"
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    q1, q2, q3, q4 = list(quiz.questions)
    wrong = [child.id for child in q2.value["options"].bound_blocks]
    responses = {**right_answers(quiz), q2.id: [wrong[0], wrong[2]], q4.id: ["komputer"]}
    submit(client, attempt, responses)

    response = client.get(result_url(attempt))
    assert response.status_code == 200
    html = main_html(response)
    assert "50%" in html and "Not passed" in html
    assert "2 of 4 questions right." in html
    assert html.count("quiz-right") == 2 and html.count("quiz-wrong") == 2
    assert "Benar." in html  # Q1: the chosen option's feedback
    assert "Bukan TIK." in html and "Bukan." not in html  # Q2: only chosen options' feedback
    assert "TIK mencakup komputer dan internet." in html
    assert "Rak buku bukan teknologi informasi." in html
    assert "<strong>komputer</strong>" in html and "Singkatannya TIK." in html
    assert "Try again" in html


def test_result_page_links_to_the_next_item_after_a_pass(client, learner):
    course = courses.course(modules=2, lessons_per_module=1)
    first_quiz, _ = courses.quizzes(course)
    enrol(learner, course)
    client.force_login(learner)
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=first_quiz)
    submit(client, attempt, right_answers(first_quiz))
    html = main_html(client.get(result_url(attempt)))
    next_lesson = courses.lessons(course)[0]  # module 1's lesson is not done yet
    assert f'href="{next_lesson.url}"' in html


def test_result_of_an_open_attempt_goes_back_to_the_quiz(client, enrolled, quiz):
    attempt = quiz_service.quiz_attempt_start(user=enrolled, quiz=quiz)
    response = client.get(result_url(attempt))
    assert response.status_code == 302 and response.url == quiz.url


# Previews for trainers


def _preview(quiz, mode):
    request = RequestFactory().get("/")
    request.user = factories.user(role=None, is_superuser=True)
    request.is_preview, request.preview_mode = True, mode
    response = quiz_views.serve_quiz(quiz, request)
    return response.render().content.decode()


def test_preview_as_a_learner_sees_it_shows_no_answers(quiz):
    html = _preview(quiz, "")
    assert html.count("<fieldset") == 4 and " disabled" in html
    assert "Benar." not in html and "Bukan TIK." not in html and ">TIK<" not in html
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0]


def test_preview_with_the_answer_key(quiz):
    html = _preview(quiz, "answers")
    assert html.count('class="quiz-key"') == 4  # Q1's option, Q2's two, Q3's "true"
    assert "Benar." in html and "Bukan TIK." in html
    assert "<strong>TIK</strong>" in html and "<strong>ICT</strong>" in html


@pytest.mark.skipif(
    "serve_preview" not in QuizPage.__dict__,
    reason="QuizPage.serve_preview must hand over to courses.views.quiz.serve_quiz_preview",
)
def test_wagtail_preview_modes(quiz, rf):
    admin = factories.user(role=None, is_superuser=True)
    request = rf.get("/")
    request.user = admin
    learner_view = quiz.make_preview_request(request, preview_mode="").content.decode()
    key_view = quiz.make_preview_request(request, preview_mode="answers").content.decode()
    assert "quiz-key" not in learner_view and "quiz-key" in key_view


# Query cost


def _quiz_page_queries(client, learner, *, questions, past_attempts):
    course, quiz = only_quiz_course(questions=questions, max_attempts=0)
    enrol(learner, course)
    for _ in range(past_attempts):
        attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
        quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses={})
    attempt = quiz_service.quiz_attempt_start(user=learner, quiz=quiz)
    client.force_login(learner)
    client.get(quiz.url)  # warm the site and content-type caches
    with CaptureQueriesContext(connection) as page:
        response = client.get(quiz.url)
    assert response.status_code == 200 and 'id="quiz-questions"' in response.content.decode()
    page_queries = len(page)  # Django resets its query log at the start of each request
    quiz_service.quiz_attempt_submit(attempt=attempt, user=learner, responses={})
    client.get(result_url(attempt))
    with CaptureQueriesContext(connection) as result:
        response = client.get(result_url(attempt))
    assert response.status_code == 200
    return page_queries, len(result)


def test_quiz_and_result_pages_cost_a_fixed_number_of_queries(client, learner):
    small = _quiz_page_queries(client, learner, questions=courses.quiz_questions(), past_attempts=0)
    other = factories.user(username="banyak")
    large = _quiz_page_queries(
        client, other, questions=courses.quiz_questions() * 10, past_attempts=6
    )
    assert small == large
    assert small == (QUIZ_PAGE_QUERIES, RESULT_PAGE_QUERIES)


# Quiz page seen again: the site, Wagtail's root and catalogue (2), the page by its address
# (2: lessons are looked for first), view restrictions, session, user, enrolment with its
# course, attempts, roles.
QUIZ_PAGE_QUERIES = 11
# Result page: session, user, attempt with its quiz, answers, attempts, course, roles, site.
RESULT_PAGE_QUERIES = 8
