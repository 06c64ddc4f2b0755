"""Recording progress, keeping each enrolment's counts, and completing a course once."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from lms import signals

from .. import selectors
from ..models import Enrollment, Progress


def progress_record(*, user, page: Page, kind: str) -> bool:
    """Records that `user` did `kind` on `page`; True if it is new. Safe to repeat and race.

    Lesson completions and quiz passes update the enrolment's counts and may complete
    the course, which sends `lms.signals.course_completed` once the transaction commits.
    """
    course = selectors.course_of(page)
    if course is None:
        raise ValueError(f"{page!r} is not inside a course")
    try:
        with transaction.atomic():
            Progress.objects.create(user=user, course=course, page=page, kind=kind)
    except IntegrityError:
        return False  # recorded before, perhaps by a concurrent request
    if kind in selectors.DONE_KIND.values():
        enrollment_refresh(user=user, course=course)
    return True


@transaction.atomic
def enrollment_refresh(*, user, course: Page) -> Enrollment | None:
    """Recounts a learner's done items in a course and completes it when all are done."""
    # Lock the enrolment first: two different last items finished at the same moment would
    # otherwise each count before seeing the other, and neither would complete the course.
    locked = Enrollment.objects.select_for_update().filter(user=user, course=course)
    if locked.values_list("pk", flat=True).first() is None:
        return None
    items = selectors.course_items(course)
    done = selectors.done_page_ids(user=user, course=course)
    done_count = sum(1 for item in items if item.page_id in done)
    now = timezone.now()
    Enrollment.objects.filter(user=user, course=course).update(
        items_done=done_count, items_total=len(items), last_activity_at=now
    )
    if items and done_count == len(items):
        # Only the request that flips completed_at from empty records the completion.
        first = Enrollment.objects.filter(
            user=user, course=course, completed_at__isnull=True
        ).update(completed_at=now)
        if first:
            transaction.on_commit(
                lambda: signals.course_completed.send(
                    sender=Enrollment, user=user, course=course, completed_at=now
                )
            )
    return Enrollment.objects.get(user=user, course=course)


def enrollment_touch(
    *, user, course: Page, page: Page, enrollment: Enrollment | None = None
) -> None:
    """Remembers where the learner was, for "continue where you left off". No query when
    her `enrollment`, if given, already points there."""
    if enrollment is not None and enrollment.last_page_id == page.id:
        return
    Enrollment.objects.filter(user=user, course=course).exclude(last_page=page).update(
        last_page=page, last_activity_at=timezone.now()
    )
