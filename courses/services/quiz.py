"""Quiz attempts: starting one, submitting it for server-side grading, and reading them back."""

import random

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import grading, selectors
from ..models import Enrollment, Progress, QuizAnswer, QuizAttempt, QuizPage
from .progress import progress_record

NOT_ENROLLED = _("Enrol in this course to take its quizzes.")
QUIZ_UNAVAILABLE = _("This quiz is not available.")
ATTEMPTS_USED_UP = _("You have used all the attempts this quiz allows.")
START_CONFLICT = _("The quiz could not be started just now. Please try again.")


class QuizError(Exception):
    """A learner may not do what she asked; `message` says why, in her language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class QuizNotEnrolled(QuizError):
    """The learner has no active enrolment in the quiz's course."""

    def __init__(self):
        super().__init__(NOT_ENROLLED)


# Writes


@transaction.atomic
def quiz_attempt_start(*, user, quiz: QuizPage) -> QuizAttempt:
    """The learner's open attempt at `quiz`, started now if she has none.

    Repeating the request (a double click, two tabs) returns the same open attempt; the
    database allows one open attempt per learner and quiz, which settles races.
    """
    if not quiz.live:
        raise QuizError(QUIZ_UNAVAILABLE)
    _check_enrolled(user=user, quiz=quiz)
    attempts = QuizAttempt.objects.filter(user=user, quiz=quiz)
    open_attempt = attempts.filter(submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    used = attempts.aggregate(last=Max("number"))["last"] or 0
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError(ATTEMPTS_USED_UP)
    number = used + 1
    layout = quiz_layout(quiz=quiz, seed=f"{quiz.pk}:{user.pk}:{number}")
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(user=user, quiz=quiz, number=number, layout=layout)
    except IntegrityError:
        # Another request started (or numbered) an attempt at the same moment.
        open_attempt = attempts.filter(submitted_at__isnull=True).first()
        if open_attempt is None:
            raise QuizError(START_CONFLICT) from None
        return open_attempt


@transaction.atomic
def quiz_attempt_submit(*, attempt: QuizAttempt, user, responses: dict) -> QuizAttempt:
    """Grades an open attempt against the quiz's live questions and stores every answer.

    `responses` maps question ids to what was sent: option ids (a list, or one id),
    "true"/"false", or the typed text. A second submission of the same attempt, even a
    concurrent one, changes nothing and returns the graded attempt.
    """
    if attempt.user_id != user.pk:
        raise PermissionDenied
    attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        return attempt
    quiz = QuizPage.objects.get(pk=attempt.quiz_id)
    if not quiz.live:
        raise QuizError(QUIZ_UNAVAILABLE)
    _check_enrolled(user=user, quiz=quiz)

    blocks = {block.id: block for block in quiz.questions}
    answers = []
    for question_id in attempt.layout.get("questions", []):
        block = blocks.get(question_id)
        if block is None:
            continue  # removed since the attempt started: it no longer counts
        response = grading.clean_response(block, responses.get(question_id))
        grade = grading.grade_question(block, response)
        answers.append(
            QuizAnswer(
                attempt=attempt,
                question_id=question_id,
                question_type=block.block_type,
                response=response,
                correct=grade.correct,
            )
        )
    QuizAnswer.objects.bulk_create(answers)

    right = sum(1 for answer in answers if answer.correct)
    attempt.score_percent = grading.score_percent(right, len(answers))
    attempt.passed = bool(answers) and grading.is_passed(attempt.score_percent, quiz.pass_mark)
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score_percent", "passed", "submitted_at"])
    if attempt.passed:
        progress_record(user=user, page=quiz, kind=Progress.Kind.QUIZ_PASSED)
    return attempt


def quiz_layout(*, quiz: QuizPage, seed: str) -> dict:
    """The order one attempt shows: question ids, and option ids per choice question.

    Shuffled as the quiz asks, from `seed`, and stored on the attempt so the order stays
    the same however often the learner reloads the page.
    """
    rng = random.Random(seed)
    questions = [block.id for block in quiz.questions]
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    options = {}
    for block in quiz.questions:
        if block.block_type in grading.CHOICE_TYPES:
            ids = grading.option_ids(block)
            if quiz.shuffle_options:
                rng.shuffle(ids)
            options[block.id] = ids
    return {"questions": questions, "options": options}


def _check_enrolled(*, user, quiz: QuizPage) -> None:
    course = selectors.course_of(quiz)
    if (
        course is None
        or not Enrollment.objects.filter(
            user=user, course=course, status=Enrollment.Status.ACTIVE
        ).exists()
    ):
        raise QuizNotEnrolled


# Reads the quiz views need (candidates for courses.selectors)


def quiz_attempts(*, user, quiz: QuizPage) -> QuerySet[QuizAttempt]:
    """A learner's attempts at a quiz, first to last."""
    return QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("number")


def quiz_best_attempt(attempts: list[QuizAttempt]) -> QuizAttempt | None:
    """The submitted attempt with the highest score (the earliest among equals)."""
    submitted = [attempt for attempt in attempts if attempt.submitted_at is not None]
    return max(submitted, key=lambda a: (a.score_percent or 0, -a.number), default=None)


def quiz_attempts_left(quiz: QuizPage, attempts: list[QuizAttempt]) -> int | None:
    """How many more attempts may be started; None when the quiz has no limit."""
    if not quiz.max_attempts:
        return None
    used = max((attempt.number for attempt in attempts), default=0)
    return max(0, quiz.max_attempts - used)
