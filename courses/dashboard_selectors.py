"""Reads across all of a learner's courses at once, for her dashboard, in fixed queries."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from .models import CoursePage, Enrollment, LessonPage, Progress, QuizPage
from .selectors import DONE_KIND, Item, next_item


@dataclass
class CourseProgress:
    """One active course on the dashboard: the enrolment and what to do next."""

    enrollment: Enrollment
    next_item: Item | None
    continue_page: Page | None  # where she left off, if that page is still live in the course

    @property
    def course(self) -> CoursePage:
        return self.enrollment.course


@dataclass
class Dashboard:
    active: list[CourseProgress]
    completed: list[Enrollment]


def items_by_course(courses: list[CoursePage]) -> dict[int, list[Item]]:
    """Every live lesson and quiz of each course, in tree order, in one query for all."""
    if not courses:
        return {}
    kinds = {
        ct.id: ct.model for ct in ContentType.objects.get_for_models(LessonPage, QuizPage).values()
    }
    by_path = {course.path: course for course in courses}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__in=(course.depth + 1, course.depth + 2))
    rows = (
        Page.objects.live()
        .filter(condition)
        .order_by("path")
        .values_list("id", "title", "url_path", "content_type_id", "depth", "path")
    )
    steplen = Page.steplen
    modules: dict[str, tuple[int, str]] = {}
    items: dict[int, list[Item]] = defaultdict(list)
    for page_id, title, url_path, content_type_id, depth, path in rows:
        if path[: (depth - 1) * steplen] in by_path:  # a module: a child of a course
            modules[path] = (page_id, title)
            continue
        course = by_path.get(path[: (depth - 2) * steplen])
        module = modules.get(path[: (depth - 1) * steplen])
        if course is None or module is None or content_type_id not in kinds:
            continue  # under an unpublished module, or not a lesson or quiz
        items[course.pk].append(Item(page_id, title, url_path, kinds[content_type_id], *module))
    return items


def done_by_course(*, user, course_ids: list[int]) -> dict[int, set[int]]:
    """The pages `user` has done in each of the courses, in one query for all."""
    done: dict[int, set[int]] = defaultdict(set)
    if not course_ids:
        return done
    rows = Progress.objects.filter(
        user=user, course_id__in=course_ids, kind__in=set(DONE_KIND.values())
    ).values_list("course_id", "page_id")
    for course_id, page_id in rows:
        done[course_id].add(page_id)
    return done


def learner_dashboard(*, user) -> Dashboard:
    """Her active courses with the next thing to do, and the courses she completed.

    Three queries whatever the number of courses and lessons: the enrolments, the
    items of all active courses, and her done pages in them.
    """
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .filter(Q(status=Enrollment.Status.ACTIVE) | Q(completed_at__isnull=False))
        .select_related("course", "last_page")
    )
    completed = sorted(
        (e for e in enrollments if e.completed_at is not None),
        key=lambda e: e.completed_at,
        reverse=True,
    )
    active = sorted(
        (
            e
            for e in enrollments
            if e.completed_at is None and e.status == Enrollment.Status.ACTIVE and e.course.live
        ),
        key=lambda e: e.last_activity_at or e.enrolled_at,
        reverse=True,
    )
    courses = [e.course for e in active]
    items = items_by_course(courses)
    done = done_by_course(user=user, course_ids=[c.pk for c in courses])
    rows = []
    for enrollment in active:
        course_items = items.get(enrollment.course_id, [])
        last = enrollment.last_page
        in_course = last is not None and last.live and last.path.startswith(enrollment.course.path)
        rows.append(
            CourseProgress(
                enrollment=enrollment,
                next_item=next_item(course_items, done.get(enrollment.course_id, set())),
                continue_page=last if in_course else None,
            )
        )
    return Dashboard(active=rows, completed=completed)
