"""The quiz page, starting and submitting attempts, and an attempt's result page."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from .. import grading, selectors
from ..models import Enrollment, QuizAnswer, QuizAttempt, QuizPage
from ..services import quiz as quiz_service
from ..services.progress import enrollment_touch
from ..services.quiz import QuizError, QuizNotEnrolled

PREVIEW_ANSWERS = "answers"


@dataclass(frozen=True)
class OptionView:
    """An option as the template sees it: `chosen` and `key` are only set after the attempt
    (the learner's choice) or in the trainer's answer-key preview."""

    id: str
    text: str
    chosen: bool = False
    key: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class QuestionView:
    """One question as a template shows it.

    Questions asked in an open attempt carry only ids, wording and option texts, so the
    form cannot leak which answer is right; the other fields are for results and previews.
    """

    id: str
    kind: str
    number: int
    text: str
    options: list[OptionView] = field(default_factory=list)
    removed: bool = False
    right: bool = False
    answered: bool = False
    answer_text: str = ""
    feedback: list[str] = field(default_factory=list)
    explanation: str = ""
    accepted: list[str] = field(default_factory=list)
    match: str = ""


def _true_false_options(chosen: str = "", key: str = "") -> list[OptionView]:
    return [
        OptionView("true", _("True"), chosen=chosen == "true", key=key == "true"),
        OptionView("false", _("False"), chosen=chosen == "false", key=key == "false"),
    ]


def _ordered_options(block, order: list[str] | None) -> list:
    """A choice question's options (bound blocks) in the attempt's order; new ones last."""
    children = {child.id: child for child in block.value["options"].bound_blocks}
    ids = [option_id for option_id in (order or []) if option_id in children]
    ids += [option_id for option_id in children if option_id not in ids]
    return [children[option_id] for option_id in ids]


def asked_questions(quiz: QuizPage, layout: dict) -> list[QuestionView]:
    """The questions of an attempt in its order, with nothing that tells the right answer."""
    blocks = {block.id: block for block in quiz.questions}
    option_order = layout.get("options", {})
    questions = []
    for question_id in layout.get("questions", []):
        block = blocks.get(question_id)
        if block is None:
            continue
        if block.block_type in grading.CHOICE_TYPES:
            options = [
                OptionView(child.id, child.value["text"])
                for child in _ordered_options(block, option_order.get(question_id))
            ]
        elif block.block_type == "true_false":
            options = _true_false_options()
        else:
            options = []
        questions.append(
            QuestionView(
                id=block.id,
                kind=block.block_type,
                number=len(questions) + 1,
                text=block.value["question"],
                options=options,
            )
        )
    return questions


def reviewed_questions(
    quiz: QuizPage, layout: dict, answers: dict[str, QuizAnswer]
) -> list[QuestionView]:
    """A submitted attempt's questions: right or wrong, the learner's choice, her feedback."""
    blocks = {block.id: block for block in quiz.questions}
    option_order = layout.get("options", {})
    questions = []
    for question_id in layout.get("questions", []):
        block, answer = blocks.get(question_id), answers.get(question_id)
        number = len(questions) + 1
        if answer is None and block is None:
            continue
        if block is None:
            questions.append(
                QuestionView(
                    question_id,
                    answer.question_type,
                    number,
                    "",
                    removed=True,
                    right=answer.correct,
                )
            )
            continue
        response = answer.response if answer is not None else None
        response = grading.clean_response(block, response)
        grade = grading.grade_question(block, response)
        options, answer_text = [], ""
        if block.block_type in grading.CHOICE_TYPES:
            options = [
                OptionView(child.id, child.value["text"], chosen=child.id in response)
                for child in _ordered_options(block, option_order.get(question_id))
            ]
        elif block.block_type == "true_false":
            options = _true_false_options(chosen=response)
        else:
            answer_text = response
        questions.append(
            QuestionView(
                id=block.id,
                kind=block.block_type,
                number=number,
                text=block.value["question"],
                options=options,
                right=answer.correct if answer is not None else False,
                answered=bool(response),
                answer_text=answer_text,
                feedback=grade.feedback,
                explanation=block.value.get("explanation", ""),
            )
        )
    return questions


def answer_key(quiz: QuizPage) -> list[QuestionView]:
    """Every question in authored order with its answer key, for trainers' previews."""
    questions = []
    for block in quiz.questions:
        value = block.value
        options, feedback, accepted = [], [], []
        if block.block_type in grading.CHOICE_TYPES:
            options = [
                OptionView(
                    child.id,
                    child.value["text"],
                    key=bool(child.value["correct"]),
                    feedback=child.value["feedback"],
                )
                for child in value["options"].bound_blocks
            ]
        else:
            if block.block_type == "true_false":
                options = _true_false_options(key=value["answer"])
            else:
                accepted = [text for text in value["accepted"] if text.strip()]
            feedback = [
                format_lazy("{}: {}", label, text)
                for label, text in (
                    (_("Feedback when right"), value["feedback_correct"]),
                    (_("Feedback when wrong"), value["feedback_wrong"]),
                )
                if text
            ]
        questions.append(
            QuestionView(
                id=block.id,
                kind=block.block_type,
                number=len(questions) + 1,
                text=value["question"],
                options=options,
                feedback=feedback,
                explanation=value.get("explanation", ""),
                accepted=accepted,
                match=value.get("match", ""),
            )
        )
    return questions


def _render(request, page: QuizPage, **context) -> TemplateResponse:
    return TemplateResponse(
        request, page.get_template(request), {**page.get_context(request), **context}
    )


def _attempts_context(quiz: QuizPage, attempts: list[QuizAttempt]) -> dict:
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    attempts_left = quiz_service.quiz_attempts_left(quiz, attempts)
    return {
        "attempts": [a for a in attempts if a.submitted_at is not None],
        "open_attempt": open_attempt,
        "best_attempt": quiz_service.quiz_best_attempt(attempts),
        "passed": any(a.passed for a in attempts),
        "attempts_used": len(attempts),
        "attempts_left": attempts_left,
        "can_start": open_attempt is None and attempts_left != 0,
    }


def _next_step(request, course, user) -> dict:
    items = selectors.course_items(course)
    following = selectors.next_item(items, selectors.done_page_ids(user=user, course=course))
    if following is None:
        return {"next_url": course.get_url(request), "next_title": "", "course_done": True}
    return {"next_url": following.url(request), "next_title": following.title}


def serve_quiz(page: QuizPage, request):
    """The quiz page: its rules and past attempts, and the questions of an open attempt."""
    if getattr(request, "is_preview", False):
        return serve_quiz_preview(page, request, getattr(request, "preview_mode", ""))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # A learner's enrolment brings its course in the same query.
    enrollment = selectors.enrollment_within(user=request.user, page=page)
    course = enrollment.course if enrollment else selectors.course_of(page)
    if course is None:
        raise Http404
    if enrollment is None or enrollment.status != Enrollment.Status.ACTIVE:
        messages.info(request, quiz_service.NOT_ENROLLED)
        return redirect(course.get_url(request))
    enrollment_touch(user=request.user, course=course, page=page, enrollment=enrollment)

    attempts = list(quiz_service.quiz_attempts(user=request.user, quiz=page))
    context = _attempts_context(page, attempts)
    open_attempt = context["open_attempt"]
    if open_attempt is not None:
        context["questions"] = asked_questions(page, open_attempt.layout)
    elif context["passed"]:
        context.update(_next_step(request, course, request.user))
    return _render(request, page, quiz_view="quiz", course=course, **context)


def serve_quiz_preview(page: QuizPage, request, mode_name: str):
    """What trainers see in the admin preview: the quiz as learners see it, or its key."""
    answers = mode_name == PREVIEW_ANSWERS
    questions = (
        answer_key(page)
        if answers
        else asked_questions(page, {"questions": [block.id for block in page.questions]})
    )
    return _render(
        request,
        page,
        quiz_view="preview",
        preview_answers=answers,
        questions=questions,
        attempts_left=page.max_attempts or None,
    )


@require_POST
def quiz_start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.get_url(request))
    try:
        quiz_service.quiz_attempt_start(user=request.user, quiz=quiz)
    except QuizNotEnrolled as error:
        messages.info(request, error.message)
        return redirect(selectors.course_of(quiz).get_url(request))
    except QuizError as error:
        messages.error(request, error.message)
        return redirect(quiz.get_url(request))
    return redirect(quiz.get_url(request) + "#quiz-questions")


@require_POST
def quiz_submit(request, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("lms:home"))
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz"), pk=attempt_id, user=request.user
    )
    responses = {
        question_id: request.POST.getlist(question_id)
        for question_id in attempt.layout.get("questions", [])
    }
    try:
        attempt = quiz_service.quiz_attempt_submit(
            attempt=attempt, user=request.user, responses=responses
        )
    except QuizError as error:
        messages.error(request, error.message)
        return redirect(attempt.quiz.get_url(request) or reverse("lms:home"))
    return redirect("courses:quiz_result", attempt_id=attempt.pk)


@require_GET
def quiz_result(request, attempt_id: int):
    """A submitted attempt, to its owner only; to anyone else it does not exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz"), pk=attempt_id, user=request.user
    )
    quiz = attempt.quiz
    if attempt.submitted_at is None:
        return redirect(quiz.get_url(request) or reverse("lms:home"))
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    attempts = list(quiz_service.quiz_attempts(user=request.user, quiz=quiz))
    context = _attempts_context(quiz, attempts)
    course = selectors.course_of(quiz)
    if course is not None and context["passed"]:
        context.update(_next_step(request, course, request.user))
    return _render(
        request,
        quiz,
        quiz_view="result",
        course=course,
        attempt=attempt,
        questions=reviewed_questions(quiz, attempt.layout, answers),
        right_count=sum(1 for answer in answers.values() if answer.correct),
        **context,
    )


urlpatterns = [
    path("pelatihan/kuis/<int:quiz_id>/mulai/", quiz_start, name="quiz_start"),
    path("pelatihan/kuis/percobaan/<int:attempt_id>/kirim/", quiz_submit, name="quiz_submit"),
    path("pelatihan/kuis/percobaan/<int:attempt_id>/", quiz_result, name="quiz_result"),
]
