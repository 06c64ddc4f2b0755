"""Enrolling in courses: by oneself, by a facilitator for a group, and withdrawing."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.models import Library, StaffProfile

from .. import selectors
from ..models import CoursePage, Enrollment, Progress
from .progress import enrollment_refresh

COURSE_NOT_OPEN = _("This course is not open for enrolment.")
PREREQUISITES_MISSING = _("Complete these courses before you enrol: %(courses)s.")
NOT_ENROLLED = _("You are not enrolled in this course.")
MAY_NOT_ENROL_OTHERS = _("Only trainers, mentors and programme admins may enrol other people.")
OUTSIDE_MENTORED_LIBRARIES = _(
    "You may enrol only staff of your own library and of the libraries it mentors."
)


class EnrollmentError(Exception):
    """An enrolment that the rules refuse; `message` is for the person, `missing` the courses."""

    def __init__(self, message, *, missing: list[CoursePage] | None = None):
        super().__init__(message)
        self.message = message
        self.missing = missing or []


@dataclass
class BulkEnrollmentResult:
    created: int = 0
    already_enrolled: int = 0
    reactivated: int = 0
    # Who was enrolled without having completed the course's prerequisites, and which.
    lacking_prerequisites: list[tuple[object, list[CoursePage]]] = field(default_factory=list)

    @property
    def enrolled(self) -> int:
        return self.created + self.reactivated


def _live_prerequisites(course: CoursePage) -> QuerySet[CoursePage]:
    # A prerequisite that was unpublished cannot be taken, so it cannot block anyone.
    return CoursePage.objects.live().filter(required_by=course).order_by("path")


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """The course's prerequisites `user` has not completed, in one query."""
    prerequisites = _live_prerequisites(course)
    if user.is_authenticated:
        completed = Enrollment.objects.filter(user=user, completed_at__isnull=False)
        prerequisites = prerequisites.exclude(pk__in=completed.values("course_id"))
    return list(prerequisites)


def _refuse_missing(missing: list[CoursePage]) -> None:
    if missing:
        titles = ", ".join(course.title for course in missing)
        raise EnrollmentError(PREREQUISITES_MISSING % {"courses": titles}, missing=missing)


@transaction.atomic
def enrollment_create(
    *, user, course: CoursePage, enrolled_by=None, check_prerequisites: bool = True
) -> Enrollment:
    """Enrols `user` in a live course; returns her active enrolment. Safe to repeat and race.

    Enrolling again after withdrawing re-activates the same enrolment, with all the
    progress she made before.
    """
    if not course.live:
        raise EnrollmentError(COURSE_NOT_OPEN)
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing is not None and existing.status == Enrollment.Status.ACTIVE:
        return existing
    if check_prerequisites:
        _refuse_missing(missing_prerequisites(user=user, course=course))
    if existing is None:
        try:
            with transaction.atomic():
                Enrollment.objects.create(
                    user=user, course=course, enrolled_at=timezone.now(), enrolled_by=enrolled_by
                )
        except IntegrityError:
            # A concurrent request (a double click) enrolled her first: make sure it is active.
            pass
    Enrollment.objects.filter(user=user, course=course, status=Enrollment.Status.WITHDRAWN).update(
        status=Enrollment.Status.ACTIVE, withdrawn_at=None, enrolled_by=enrolled_by
    )
    return enrollment_refresh(user=user, course=course)


@transaction.atomic
def enrollment_withdraw(*, user, course: CoursePage) -> Enrollment:
    """Withdraws `user` from a course; the enrolment and all her progress are kept."""
    enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
    if enrollment is None:
        raise EnrollmentError(NOT_ENROLLED)
    if enrollment.status != Enrollment.Status.WITHDRAWN:
        enrollment.status = Enrollment.Status.WITHDRAWN
        enrollment.withdrawn_at = timezone.now()
        enrollment.save(update_fields=["status", "withdrawn_at"])
    return enrollment


def may_enrol_others(user) -> bool:
    return roles.is_programme_admin(user) or roles.is_trainer(user) or roles.is_mentor(user)


def may_enrol_anyone(user) -> bool:
    return roles.is_programme_admin(user) or roles.is_trainer(user)


def enrollable_libraries(*, by) -> QuerySet[Library]:
    """The libraries whose staff `by` may enrol: all for trainers and admins; for a mentor,
    her own library and the libraries it mentors; none for anyone else."""
    if may_enrol_anyone(by):
        return Library.objects.all()
    if roles.is_mentor(by):
        return Library.objects.filter(Q(staff__user=by) | Q(mentor_library__staff__user=by))
    return Library.objects.none()


def enrollable_staff(*, by) -> QuerySet[StaffProfile]:
    """The staff `by` may enrol in a course, as profiles with their accounts and libraries."""
    staff = StaffProfile.objects.select_related("user", "library").filter(user__is_active=True)
    if may_enrol_anyone(by):
        return staff
    if roles.is_mentor(by):
        return staff.filter(library_id__in=enrollable_libraries(by=by).values("id"))
    return staff.none()


def _check_may_enrol(*, by, user_ids: list[int]) -> None:
    if may_enrol_anyone(by):
        return
    if not roles.is_mentor(by):
        raise PermissionDenied(MAY_NOT_ENROL_OTHERS)
    allowed = set(
        enrollable_staff(by=by).filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )
    if not set(user_ids) <= allowed:
        raise PermissionDenied(OUTSIDE_MENTORED_LIBRARIES)


@transaction.atomic
def enrollment_bulk_create(*, course: CoursePage, users, enrolled_by) -> BulkEnrollmentResult:
    """Enrols a group in a course at once, all or nothing, in a bounded number of queries.

    Prerequisites are not enforced (the facilitator decides), but the result lists who
    lacks them. Withdrawn learners are re-enrolled with their progress.
    """
    by_id = {user.pk: user for user in users}
    user_ids = list(by_id)
    _check_may_enrol(by=enrolled_by, user_ids=user_ids)
    if not course.live:
        raise EnrollmentError(COURSE_NOT_OPEN)
    result = BulkEnrollmentResult()
    if not user_ids:
        return result

    existing = {
        enrollment.user_id: enrollment
        for enrollment in Enrollment.objects.select_for_update().filter(
            course=course, user_id__in=user_ids
        )
    }
    items = selectors.course_items(course)
    done_counts = dict(
        Progress.objects.filter(
            course=course,
            user_id__in=user_ids,
            page_id__in=[item.page_id for item in items],
            kind__in=set(selectors.DONE_KIND.values()),
        )
        .values_list("user_id")
        .annotate(n=Count("id"))
        .values_list("user_id", "n")
        .order_by()
    )
    now = timezone.now()
    new, reactivated = [], []
    for user_id in user_ids:
        enrollment = existing.get(user_id)
        if enrollment is None:
            new.append(
                Enrollment(
                    user_id=user_id,
                    course=course,
                    enrolled_at=now,
                    enrolled_by=enrolled_by,
                    items_total=len(items),
                    items_done=done_counts.get(user_id, 0),
                    last_activity_at=now,
                )
            )
        elif enrollment.status == Enrollment.Status.WITHDRAWN:
            enrollment.status = Enrollment.Status.ACTIVE
            enrollment.withdrawn_at = None
            enrollment.enrolled_by = enrolled_by
            enrollment.items_total = len(items)
            enrollment.items_done = done_counts.get(user_id, 0)
            reactivated.append(enrollment)
        else:
            result.already_enrolled += 1
    # A concurrent enrolment of the same person is kept rather than failing the whole group.
    Enrollment.objects.bulk_create(new, ignore_conflicts=True)
    Enrollment.objects.bulk_update(
        reactivated, ["status", "withdrawn_at", "enrolled_by", "items_total", "items_done"]
    )
    result.created, result.reactivated = len(new), len(reactivated)

    # Rare: someone who had already done every item before enrolling completes at once.
    for enrollment in [*new, *reactivated]:
        if items and enrollment.items_done >= len(items) and enrollment.completed_at is None:
            enrollment_refresh(user=by_id[enrollment.user_id], course=course)

    prerequisites = list(_live_prerequisites(course))
    if prerequisites:
        completed = set(
            Enrollment.objects.filter(
                user_id__in=user_ids, course__in=prerequisites, completed_at__isnull=False
            ).values_list("user_id", "course_id")
        )
        for user_id, user in by_id.items():
            lacking = [c for c in prerequisites if (user_id, c.pk) not in completed]
            if lacking:
                result.lacking_prerequisites.append((user, lacking))
    return result
