"""What the courses app awards: a certificate for completing a course."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import roles, signals
from lms.achievements import Achievement, AchievementKind

from .models import CoursePage, Enrollment

COURSE_COMPLETED = "course_completed"


def _achievement(user, course: CoursePage, completed_at) -> Achievement:
    return Achievement(
        user=user,
        subject=course,
        title=course.title,
        achieved_on=timezone.localdate(completed_at),
        hours=course.estimated_hours,
    )


def _from_signal(*, user, course, completed_at, **kwargs) -> Achievement:
    return _achievement(user, course.specific, completed_at)


def _describe(user, course) -> Achievement | None:
    enrollment = (
        Enrollment.objects.filter(user=user, course=course, completed_at__isnull=False)
        .only("completed_at")
        .first()
    )
    return _achievement(user, course, enrollment.completed_at) if enrollment else None


def _earned(course):
    for e in Enrollment.objects.filter(course=course, completed_at__isnull=False).select_related(
        "user"
    ):
        yield _achievement(e.user, course, e.completed_at)


def _can_manage(user, course) -> bool:
    return roles.is_programme_admin(user) or roles.is_trainer(user)


def achievement_kinds() -> list[AchievementKind]:
    return [
        AchievementKind(
            key=COURSE_COMPLETED,
            label=_("Course completed"),
            signal=signals.course_completed,
            from_signal=_from_signal,
            subjects=lambda: CoursePage.objects.live().order_by("path"),
            describe=_describe,
            earned=_earned,
            can_manage=_can_manage,
        )
    ]
