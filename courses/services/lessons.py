"""A learner's work on a lesson: opening it, writing practice-task reflections, completing it."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import Page

from .. import selectors
from ..models import Enrollment, LessonPage, Progress, Reflection
from .progress import enrollment_touch, progress_record

ENROL_FIRST = _("Enrol in this course first to open its lessons.")
TASK_NOT_FOUND = _("This practice task is not part of the lesson any more.")
REFLECTION_EMPTY = _("Write your reflection before sending it.")
REFLECTION_TOO_SHORT = ngettext_lazy(
    "Write at least %(count)s word; you wrote %(written)s.",
    "Write at least %(count)s words; you wrote %(written)s.",
    "count",
)
REFLECTION_TOO_LONG = _("Keep your reflection under %(limit)s characters.")
TASKS_MISSING = ngettext_lazy(
    "Submit your reflection on the practice task before completing the lesson.",
    "Submit your reflections on all %(count)s practice tasks before completing the lesson.",
    "count",
)

REFLECTION_MAX_CHARS = 10_000


class LessonError(Exception):
    """A learner's action on a lesson was refused; the message says why, in her language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotEnrolled(LessonError):
    def __init__(self):
        super().__init__(ENROL_FIRST)


def word_count(text: str) -> int:
    return len(text.split())


def _active_enrollment(*, user, course: Page) -> Enrollment:
    enrollment = selectors.enrollment_for(user=user, course=course)
    if enrollment is None or enrollment.status != Enrollment.Status.ACTIVE:
        raise NotEnrolled()
    return enrollment


def _course(lesson: LessonPage) -> Page:
    course = selectors.course_of(lesson)
    if course is None:
        raise ValueError(f"{lesson!r} is not inside a course")
    return course


def lesson_view(*, user, lesson: LessonPage, enrollment: Enrollment | None = None) -> None:
    """Records that the learner opened the lesson and remembers it as where she left off.

    Two queries when she opens a lesson again (a look-up and a no-op update), none when it
    is already where she left off (her `enrollment`, when given, says so), so every page
    view can call it. Not one transaction on purpose: both writes are idempotent and
    race-safe on their own. The caller checks the enrolment.
    """
    if enrollment is not None and enrollment.last_page_id == lesson.id:
        return  # viewed before (that is how it became her last page) and nothing to move
    if not Progress.objects.filter(user=user, page=lesson, kind=Progress.Kind.VIEWED).exists():
        progress_record(user=user, page=lesson, kind=Progress.Kind.VIEWED)
    course = enrollment.course if enrollment is not None else _course(lesson)
    enrollment_touch(user=user, course=course, page=lesson)


@transaction.atomic
def reflection_submit(*, user, lesson: LessonPage, task_id: str, text: str) -> Reflection:
    """Saves (or replaces) the learner's reflection on one practice task of the lesson."""
    task = next((block for block in lesson.practice_tasks if block.id == task_id), None)
    if task is None:
        raise LessonError(TASK_NOT_FOUND)
    _active_enrollment(user=user, course=_course(lesson))
    text = text.strip()
    if not text:
        raise LessonError(REFLECTION_EMPTY)
    if len(text) > REFLECTION_MAX_CHARS:
        raise LessonError(REFLECTION_TOO_LONG % {"limit": REFLECTION_MAX_CHARS})
    needed = task.value.get("min_words") or 0
    written = word_count(text)
    if written < needed:
        raise LessonError(REFLECTION_TOO_SHORT % {"count": needed, "written": written})
    reflection, _created = Reflection.objects.update_or_create(
        user=user, lesson=lesson, task_id=task_id, defaults={"text": text}
    )
    progress_record(user=user, page=lesson, kind=Progress.Kind.TASK_SUBMITTED)
    return reflection


def missing_task_ids(*, user, lesson: LessonPage) -> list[str]:
    """The lesson's practice tasks the learner has not reflected on yet, in lesson order."""
    task_ids = [block.id for block in lesson.practice_tasks]
    if not task_ids:
        return []
    done = set(
        Reflection.objects.filter(user=user, lesson=lesson, task_id__in=task_ids).values_list(
            "task_id", flat=True
        )
    )
    return [task_id for task_id in task_ids if task_id not in done]


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> Enrollment:
    """Marks the lesson completed once every practice task has the learner's reflection.

    Safe to repeat and to race: the progress row is unique, and only the request that
    inserts it recounts the enrolment, which completes the course at most once.
    Returns the learner's enrolment as it stands afterwards.
    """
    course = _course(lesson)
    enrollment = _active_enrollment(user=user, course=course)
    missing = missing_task_ids(user=user, lesson=lesson)
    if missing:
        raise LessonError(TASKS_MISSING % {"count": len(missing)})
    if progress_record(user=user, page=lesson, kind=Progress.Kind.COMPLETED):
        enrollment.refresh_from_db()
    return enrollment
