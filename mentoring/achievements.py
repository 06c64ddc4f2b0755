"""What the mentoring app awards: finishing a training cohort, and a step up a curriculum's
trainer progression (mentor, facilitator, master trainer), whose certificate names the
holder's trainers."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses import selectors as course_selectors
from lms import roles, signals
from lms.achievements import Achievement, AchievementKind

from .models import (
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    Level,
    Progression,
    Promotion,
    TrainingEdge,
)
from .permissions import home_regency

COHORT_FINISHED = "cohort_finished"
TRAINER_PROMOTED = "trainer_promoted"
# Becoming a graduate is already certified by the course and the cohort; the trainer
# certificate starts where a person begins to train others.
FIRST_CERTIFIED_LEVEL = Level.MENTOR


# Finishing a cohort


def _cohort_title(cohort: Cohort) -> str:
    return f"{cohort.course.title} — {cohort.name}"


def _cohort_achievement(user, cohort: Cohort, finished_at) -> Achievement:
    return Achievement(
        user=user,
        subject=cohort,
        title=_cohort_title(cohort),
        achieved_on=timezone.localdate(finished_at),
        hours=cohort.course.estimated_hours,
    )


def _cohort_from_signal(*, user, cohort, finished_at, **kwargs) -> Achievement:
    return _cohort_achievement(user, cohort, finished_at)


def _cohorts():
    return (
        Cohort.objects.filter(status=Cohort.Status.FINISHED)
        .select_related("course", "host_library")
        .order_by("-starts_on", "name")
    )


def _cohort_describe(user, cohort: Cohort) -> Achievement | None:
    row = (
        CohortParticipant.objects.filter(cohort=cohort, user=user, finished_at__isnull=False)
        .only("finished_at")
        .first()
    )
    return _cohort_achievement(user, cohort, row.finished_at) if row else None


def _cohort_earned(cohort: Cohort):
    finished = (
        CohortParticipant.objects.filter(cohort=cohort, finished_at__isnull=False)
        .select_related("user")
        .order_by("pk")
    )
    for row in finished:
        yield _cohort_achievement(row.user, cohort, row.finished_at)


def cohort_can_manage(user, cohort: Cohort, *, facilitator_ids: set[int] | None = None) -> bool:
    """Its facilitators, the mentors of the host library's kabupaten/kota library and
    programme admins download every certificate of a cohort. A page that has read the
    facilitators passes their ids and the check costs no query."""
    if not user.is_authenticated:
        return False
    if roles.is_programme_admin(user):
        return True
    if facilitator_ids is None:
        facilitator_ids = set(
            CohortFacilitator.objects.filter(cohort=cohort).values_list("user_id", flat=True)
        )
    if user.pk in facilitator_ids:
        return True
    regency = home_regency(user)
    return regency is not None and regency.pk == cohort.host_library.regency_id


# A step up the trainer progression


def _level_title(level: int, curriculum) -> str:
    # The title is printed and kept on the certificate: always in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        return f"{Level(level).label} — {curriculum.title}"


def _promotion_achievement(user, curriculum, level: int, promoted_at) -> Achievement:
    return Achievement(
        user=user,
        subject=curriculum,
        title=_level_title(level, curriculum),
        achieved_on=timezone.localdate(promoted_at),
    )


def _promotion_from_signal(*, user, curriculum, level, promoted_at, **kwargs):
    if level < FIRST_CERTIFIED_LEVEL:
        return None
    return _promotion_achievement(user, curriculum.specific, level, promoted_at)


def _promoted_at(*, curriculum, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], object]:
    """When each (user id, level) pair was reached, from the promotion history, in one query."""
    if not pairs:
        return {}
    rows = Promotion.objects.filter(
        curriculum=curriculum, user_id__in={user_id for user_id, _level in pairs}
    ).values_list("user_id", "to_level", "promoted_at")
    return {(user_id, level): at for user_id, level, at in rows}


def _promotion_describe(user, curriculum) -> Achievement | None:
    progression = (
        Progression.objects.filter(
            user=user, curriculum=curriculum, level__gte=FIRST_CERTIFIED_LEVEL
        )
        .only("level", "updated_at")
        .first()
    )
    if progression is None:
        return None
    dates = _promoted_at(curriculum=curriculum, pairs=[(user.pk, progression.level)])
    promoted_at = dates.get((user.pk, progression.level), progression.updated_at)
    return _promotion_achievement(user, curriculum, progression.level, promoted_at)


def _promotion_earned(curriculum):
    progressions = list(
        Progression.objects.filter(curriculum=curriculum, level__gte=FIRST_CERTIFIED_LEVEL)
        .select_related("user")
        .order_by("pk")
    )
    dates = _promoted_at(curriculum=curriculum, pairs=[(p.user_id, p.level) for p in progressions])
    for p in progressions:
        promoted_at = dates.get((p.user_id, p.level), p.updated_at)
        yield _promotion_achievement(p.user, curriculum, p.level, promoted_at)


def _promotion_can_manage(user, curriculum) -> bool:
    return roles.is_programme_admin(user) or roles.is_trainer(user)


def trained_by(user, curriculum) -> list:
    """The people who trained `user` in `curriculum`, earliest first."""
    trainer_ids = TrainingEdge.objects.filter(trainee=user, curriculum=curriculum).order_by(
        "trained_on", "pk"
    )
    order = list(trainer_ids.values_list("trainer_id", flat=True))
    trainers = get_user_model().objects.in_bulk(order)
    return [trainers[pk] for pk in order if pk in trainers]


def achievement_kinds() -> list[AchievementKind]:
    return [
        AchievementKind(
            key=COHORT_FINISHED,
            label=_("Training cohort finished"),
            signal=signals.cohort_finished,
            from_signal=_cohort_from_signal,
            subjects=_cohorts,
            describe=_cohort_describe,
            earned=_cohort_earned,
            can_manage=cohort_can_manage,
        ),
        AchievementKind(
            key=TRAINER_PROMOTED,
            label=_("Trainer progression (mentor, facilitator, master trainer)"),
            signal=signals.trainer_promoted,
            from_signal=_promotion_from_signal,
            subjects=course_selectors.curricula,
            describe=_promotion_describe,
            earned=_promotion_earned,
            can_manage=_promotion_can_manage,
            trained_by=trained_by,
        ),
    ]
