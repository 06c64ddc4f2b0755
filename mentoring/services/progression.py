"""Trainer progression: promoting a person one level up a curriculum's ladder, by the rules.

peserta (participant) -> lulus (graduate) -> pendamping (mentor) -> fasilitator
(facilitator) -> master trainer. Each step has its requirements and its approvers:

- graduate: a course of the curriculum completed; approved by a programme admin, anyone
  with the trainer role, her own trainer or her mentor.
- mentor: graduate; approved by a programme admin, her own trainer or her mentor.
- facilitator: mentor, the facilitator training (ToT) completed, and a co-facilitated
  cohort of the curriculum signed off; approved as for mentor.
- master trainer: facilitator; approved by a programme admin only.

"Her trainer" is anyone with a lineage edge training her in the curriculum; "her mentor" is
anyone with an active mentoring assignment covering her. Nobody approves her own step.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.selectors import courses_of, curricula, enrollments_in_curriculum
from lms import roles
from lms.signals import trainer_promoted

from ..models import CohortFacilitator, Level, Progression, Promotion, TrainingEdge
from ..selectors import mentee_ids

# The curriculum whose completion makes someone a trained facilitator (the ToT).
FACILITATOR_TRAINING_SLUG = "pelatihan-fasilitator"

PROMOTION_NOT_UPWARD = _("%(name)s is already at the level %(level)s or above in this curriculum.")
PROMOTION_SKIPS_LEVEL = _(
    "Promotions go one level at a time: %(name)s must first become %(level)s."
)
PROMOTION_SELF_APPROVAL = _("Nobody may approve her own promotion.")
PROMOTION_APPROVER_NOT_ALLOWED = _(
    "Only a programme admin, her own trainer or her mentor may approve this promotion."
)
PROMOTION_MASTER_NEEDS_ADMIN = _("Only a programme admin may approve a master trainer.")
PROMOTION_NEEDS_COURSE = _("She has not yet completed a course of this curriculum.")
PROMOTION_NEEDS_FACILITATOR_TRAINING = _("She has not yet completed the facilitator training.")
PROMOTION_NEEDS_CO_FACILITATION = _(
    "She needs a co-facilitated cohort of this curriculum that has been signed off."
)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _is_own_trainer(*, approver, user, curriculum) -> bool:
    return TrainingEdge.objects.filter(
        trainee=user, trainer=approver, curriculum=curriculum
    ).exists()


def _is_own_mentor(*, approver, user) -> bool:
    return roles.is_mentor(approver) and user.pk in mentee_ids(mentor=approver)


def approval_refusal(*, approver, user_id: int, to_level: Level, own_trainer, own_mentor):
    """Why `approver` may not approve this step, or None if she may: the one statement of
    the approval rule. `own_trainer` and `own_mentor` are callables, asked only if needed."""
    if approver.pk == user_id:
        return PROMOTION_SELF_APPROVAL
    if roles.is_programme_admin(approver):
        return None
    if to_level == Level.MASTER_TRAINER:
        return PROMOTION_MASTER_NEEDS_ADMIN
    if to_level == Level.GRADUATE and roles.is_trainer(approver):
        return None
    if own_trainer() or own_mentor():
        return None
    return PROMOTION_APPROVER_NOT_ALLOWED


def _check_approver(*, approver, user, curriculum, to_level: Level) -> None:
    refusal = approval_refusal(
        approver=approver,
        user_id=user.pk,
        to_level=to_level,
        own_trainer=lambda: _is_own_trainer(approver=approver, user=user, curriculum=curriculum),
        own_mentor=lambda: _is_own_mentor(approver=approver, user=user),
    )
    if refusal is not None:
        raise PermissionDenied(refusal)


def facilitator_training_curricula():
    """The curricula that train facilitators (ToT), found by their slug."""
    return curricula().filter(
        Q(slug=FACILITATOR_TRAINING_SLUG) | Q(slug__startswith=f"{FACILITATOR_TRAINING_SLUG}-")
    )


def _completed_course_in(*, user, curriculum) -> bool:
    return (
        enrollments_in_curriculum(curriculum).filter(user=user, completed_at__isnull=False).exists()
    )


def _completed_facilitator_training(*, user) -> bool:
    return any(
        _completed_course_in(user=user, curriculum=tot) for tot in facilitator_training_curricula()
    )


def signed_off_co_facilitations(*, curriculum):
    return CohortFacilitator.objects.filter(
        role=CohortFacilitator.Role.CO,
        signed_off_at__isnull=False,
        cohort__course_id__in=courses_of(curriculum).order_by().values("pk"),
    )


def _check_requirements(*, user, curriculum, to_level: Level) -> None:
    if to_level == Level.GRADUATE and not _completed_course_in(user=user, curriculum=curriculum):
        raise ValidationError(PROMOTION_NEEDS_COURSE)
    if to_level == Level.FACILITATOR:
        if not _completed_facilitator_training(user=user):
            raise ValidationError(PROMOTION_NEEDS_FACILITATOR_TRAINING)
        if not signed_off_co_facilitations(curriculum=curriculum).filter(user=user).exists():
            raise ValidationError(PROMOTION_NEEDS_CO_FACILITATION)


@transaction.atomic
def promotion_grant(*, user, curriculum, to_level: int, approved_by, note: str = "") -> Promotion:
    """Promote `user` one level up in `curriculum`, approved by `approved_by`.

    Refuses (ValidationError) a step down, a skipped level or an unmet requirement, and
    (PermissionDenied) an approver the rules do not allow. Granting a level she already
    received returns that promotion unchanged, without a second signal.
    """
    to_level = Level(to_level)
    existing = Promotion.objects.filter(user=user, curriculum=curriculum, to_level=to_level).first()
    if existing is not None:
        return existing

    progression, _created = Progression.objects.select_for_update().get_or_create(
        user=user, curriculum=curriculum
    )
    current = Level(progression.level)
    if to_level <= current:
        raise ValidationError(PROMOTION_NOT_UPWARD % {"name": _name(user), "level": to_level.label})
    if to_level > current + 1:
        raise ValidationError(
            PROMOTION_SKIPS_LEVEL % {"name": _name(user), "level": Level(current + 1).label}
        )
    _check_approver(approver=approved_by, user=user, curriculum=curriculum, to_level=to_level)
    _check_requirements(user=user, curriculum=curriculum, to_level=to_level)

    promotion = Promotion(
        user=user,
        curriculum=curriculum,
        from_level=current,
        to_level=to_level,
        approved_by=approved_by,
        promoted_at=timezone.now(),
        note=note,
    )
    promotion.full_clean()
    promotion.save()
    progression.level = to_level
    progression.save(update_fields=["level", "updated_at"])

    transaction.on_commit(
        lambda: trainer_promoted.send(
            sender=Promotion,
            user=user,
            curriculum=curriculum,
            level=to_level,
            approved_by=approved_by,
            promoted_at=promotion.promoted_at,
        )
    )
    return promotion


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone whose next step in a curriculum has its requirements met (approval aside)."""

    user_id: int
    name: str
    level: Level
    next_level: Level


def promotion_candidates(*, curriculum) -> list[Candidate]:
    """Who could be promoted next in `curriculum` once an approver agrees, in a fixed number
    of queries: participants who completed a course, graduates, mentors with the ToT and a
    signed-off co-facilitation, and facilitators."""
    levels = dict(Progression.objects.filter(curriculum=curriculum).values_list("user_id", "level"))
    completed = set(
        enrollments_in_curriculum(curriculum)
        .filter(completed_at__isnull=False)
        .values_list("user_id", flat=True)
    )
    tot_enrollments = [enrollments_in_curriculum(tot) for tot in facilitator_training_curricula()]
    tot_done = (
        set(
            reduce(or_, tot_enrollments)
            .filter(completed_at__isnull=False)
            .values_list("user_id", flat=True)
        )
        if tot_enrollments
        else set()
    )
    co_signed = set(
        signed_off_co_facilitations(curriculum=curriculum).values_list("user_id", flat=True)
    )

    ready: dict[int, Level] = {}
    for user_id in completed:
        if levels.get(user_id, Level.PARTICIPANT) == Level.PARTICIPANT:
            ready[user_id] = Level.GRADUATE
    for user_id, level in levels.items():
        if level == Level.GRADUATE:
            ready[user_id] = Level.MENTOR
        elif level == Level.MENTOR and user_id in tot_done and user_id in co_signed:
            ready[user_id] = Level.FACILITATOR
        elif level == Level.FACILITATOR:
            ready[user_id] = Level.MASTER_TRAINER
    if not ready:
        return []
    names = {
        pk: f"{first} {last}".strip() or username
        for pk, first, last, username in get_user_model()
        .objects.filter(pk__in=ready)
        .values_list("pk", "first_name", "last_name", "username")
    }
    candidates = [
        Candidate(
            user_id=pk,
            name=names.get(pk, ""),
            level=Level(levels.get(pk, Level.PARTICIPANT)),
            next_level=next_level,
        )
        for pk, next_level in ready.items()
    ]
    return sorted(candidates, key=lambda c: (-c.next_level, c.name.casefold(), c.user_id))
