"""Reads of courses and learners' progress, each in a fixed number of queries.

Other apps (mentoring, reports) read courses only through this module.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from wagtail.models import Page

from .models import (
    CoursePage,
    CurriculumPage,
    Enrollment,
    LessonPage,
    Progress,
    QuizAttempt,
    QuizPage,
)

# What makes an item of a course "done".
DONE_KIND = {"lessonpage": Progress.Kind.COMPLETED, "quizpage": Progress.Kind.QUIZ_PASSED}


@dataclass(frozen=True)
class Item:
    """A lesson or quiz in course order, with the module it belongs to."""

    page_id: int
    title: str
    url_path: str
    kind: str  # "lessonpage" or "quizpage"
    module_id: int
    module_title: str

    def url(self, request=None) -> str:
        return Page(id=self.page_id, url_path=self.url_path).get_url(request)


def _item_content_types() -> dict[int, str]:
    types = ContentType.objects.get_for_models(LessonPage, QuizPage)  # cached after first use
    return {ct.id: ct.model for ct in types.values()}


def course_items(course: Page) -> list[Item]:
    """Every live lesson and quiz of a course, in tree order, in one query."""
    kinds = _item_content_types()
    rows = (
        Page.objects.live()
        .descendant_of(course)
        .filter(depth__in=(course.depth + 1, course.depth + 2))
        .order_by("path")
        .values_list("id", "title", "url_path", "content_type_id", "depth", "path")
    )
    items: list[Item] = []
    module_id, module_title = 0, ""
    for page_id, title, url_path, content_type_id, depth, _path in rows:
        if depth == course.depth + 1:
            module_id, module_title = page_id, title
        elif content_type_id in kinds:
            items.append(
                Item(page_id, title, url_path, kinds[content_type_id], module_id, module_title)
            )
    return items


def done_page_ids(*, user, course: Page) -> set[int]:
    """The lessons completed and quizzes passed by `user` in `course`, in one query."""
    return set(
        Progress.objects.filter(
            user=user, course=course, kind__in=set(DONE_KIND.values())
        ).values_list("page_id", flat=True)
    )


def next_item(items: list[Item], done: set[int]) -> Item | None:
    return next((item for item in items if item.page_id not in done), None)


def course_of(page: Page) -> CoursePage | None:
    """The course a module, lesson or quiz belongs to."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def enrollment_within(*, user, page: Page) -> Enrollment | None:
    """The learner's enrolment in the course `page` belongs to, with that course, in one
    query; None when she has none (or is not signed in)."""
    if not user.is_authenticated:
        return None
    ancestors = Page.objects.ancestor_of(page, inclusive=True).values("pk")
    return (
        Enrollment.objects.filter(user=user, course_id__in=ancestors)
        .select_related("course")
        .first()
    )


def enrollment_for(*, user, course: Page) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def completed_course_ids(*, user) -> set[int]:
    return set(
        Enrollment.objects.filter(user=user, completed_at__isnull=False).values_list(
            "course_id", flat=True
        )
    )


def learner_enrollments(*, user) -> QuerySet[Enrollment]:
    """A learner's active enrolments with their courses and resume pages, newest activity first."""
    return (
        Enrollment.objects.filter(user=user, status=Enrollment.Status.ACTIVE)
        .select_related("course", "last_page")
        .order_by("completed_at", "-last_activity_at", "-enrolled_at")
    )


# Reads for other apps (mentoring, reports). They return QuerySets so the caller can
# aggregate in the database.


def curricula() -> QuerySet[CurriculumPage]:
    return CurriculumPage.objects.live().order_by("path")


def courses_of(curriculum: Page) -> QuerySet[CoursePage]:
    return CoursePage.objects.live().descendant_of(curriculum).order_by("path")


def enrollments_of(*, user_ids) -> QuerySet[Enrollment]:
    """Active enrolments of these people, with their courses, for progress tables."""
    return (
        Enrollment.objects.filter(user_id__in=user_ids, status=Enrollment.Status.ACTIVE)
        .select_related("course")
        .order_by("user_id", "course__path")
    )


def seen_since(*, moment) -> QuerySet[Enrollment]:
    """Active enrolments begun or worked on since `moment`: a sign of life, for filtering or
    an `Exists` over people."""
    return Enrollment.objects.filter(status=Enrollment.Status.ACTIVE).filter(
        Q(last_activity_at__gte=moment) | Q(enrolled_at__gte=moment)
    )


def completions(*, user_ids) -> QuerySet:
    """(user_id, course_id, completed_at) of every course these people completed;
    `user_ids` may be a query."""
    return Enrollment.objects.filter(user_id__in=user_ids, completed_at__isnull=False).values_list(
        "user_id", "course_id", "completed_at"
    )


def enrollments_in_curriculum(curriculum: Page) -> QuerySet[Enrollment]:
    """Every enrolment in any course of a curriculum (active or not)."""
    return Enrollment.objects.filter(
        course__path__startswith=curriculum.path, course__depth__gt=curriculum.depth
    )


def enrollments_with_curriculum(curricula: list[Page]) -> QuerySet[Enrollment]:
    """Enrolments in the courses of these curricula, each with `curriculum_path` (its
    curriculum's path), so that callers can count them per curriculum in the database."""
    # Every curriculum sits right under the catalogue; with none, nothing matches.
    depth = curricula[0].depth if curricula else 0
    return (
        Enrollment.objects.filter(course__depth__gt=depth)
        .annotate(curriculum_path=Substr("course__path", 1, depth * Page.steplen))
        .filter(curriculum_path__in=[curriculum.path for curriculum in curricula])
    )


def submitted_quiz_attempts() -> QuerySet[QuizAttempt]:
    """Submitted quiz attempts (user_id, quiz_id, number, score_percent, passed)."""
    return QuizAttempt.objects.filter(submitted_at__isnull=False)


def quizzes_of(curriculum: Page) -> QuerySet[QuizPage]:
    return QuizPage.objects.live().descendant_of(curriculum).order_by("path")


def curriculum_of(page: Page) -> CurriculumPage | None:
    """The curriculum a course (or anything inside it) belongs to."""
    return CurriculumPage.objects.ancestor_of(page, inclusive=True).first()
