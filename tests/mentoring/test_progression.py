"""Trainer progression: one level at a time, each step's requirements and approvers."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from courses.models import CurriculumPage
from lms.roles import Role
from lms.signals import trainer_promoted
from mentoring.models import Level, MentorAssignment, Progression, Promotion
from mentoring.services.progression import (
    FACILITATOR_TRAINING_SLUG,
    PROMOTION_APPROVER_NOT_ALLOWED,
    PROMOTION_MASTER_NEEDS_ADMIN,
    PROMOTION_NEEDS_CO_FACILITATION,
    PROMOTION_NEEDS_COURSE,
    PROMOTION_NEEDS_FACILITATOR_TRAINING,
    PROMOTION_NOT_UPWARD,
    PROMOTION_SELF_APPROVAL,
    PROMOTION_SKIPS_LEVEL,
    promotion_candidates,
    promotion_grant,
)
from tests.courses import factories as course_factories
from tests.courses.enrollment_builders import complete
from tests.lms import factories
from tests.mentoring import lineage_builders as build

pytestmark = pytest.mark.django_db


def small_course(curriculum):
    return course_factories.course(parent=curriculum, modules=1, lessons_per_module=1, quiz=False)


@pytest.fixture
def curriculum():
    return course_factories.curriculum()


@pytest.fixture
def course(curriculum):
    return small_course(curriculum)


@pytest.fixture
def tot_course():
    tot = CurriculumPage(
        title="Pelatihan Fasilitator", slug=FACILITATOR_TRAINING_SLUG, summary="ToT."
    )
    course_factories.catalog().add_child(instance=tot)
    return small_course(tot)


@pytest.fixture
def trainer(regency_library):
    return factories.user(role=Role.TRAINER, library=regency_library, first_name="Tari")


@pytest.fixture
def person(village_library, trainer, curriculum):
    person = factories.user(role=Role.LEARNER, library=village_library, first_name="Sari")
    build.edge(trainee=person, trainer=trainer, curriculum=curriculum)
    return person


@pytest.fixture
def mentor(regency_library, person):
    mentor = factories.user(role=Role.MENTOR, library=regency_library, first_name="Mina")
    MentorAssignment.objects.create(
        mentor=mentor, mentee=person, starts_on=timezone.localdate() - timedelta(days=30)
    )
    return mentor


@pytest.fixture
def received():
    events = []

    def receiver(sender, **kwargs):
        events.append(kwargs)

    trainer_promoted.connect(receiver, dispatch_uid="test-progression")
    yield events
    trainer_promoted.disconnect(dispatch_uid="test-progression")


def at_level(user, curriculum, level):
    build.level(user=user, curriculum=curriculum, to=level)


def refused(exc_info, message, **values):
    error = exc_info.value
    text = error.messages[0] if isinstance(error, ValidationError) else str(error)
    assert text == (message % values if values else str(message))


def co_facilitate(*, person, course, signed_off_by, regency_library):
    return build.cohort(
        course=course,
        host_library=regency_library,
        starts_on=date(2024, 3, 1),
        co=person,
        signed_off_by=signed_off_by,
    )


def test_the_whole_ladder_records_each_step_and_signals_once(
    person,
    trainer,
    mentor,
    programme_admin,
    curriculum,
    course,
    tot_course,
    regency_library,
    received,
    django_capture_on_commit_callbacks,
):
    complete(person, course)
    complete(person, tot_course)
    co_facilitate(
        person=person, course=course, signed_off_by=trainer, regency_library=regency_library
    )
    steps = [
        (Level.GRADUATE, trainer),
        (Level.MENTOR, trainer),
        (Level.FACILITATOR, mentor),
        (Level.MASTER_TRAINER, programme_admin),
    ]
    for level, approver in steps:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            promotion = promotion_grant(
                user=person, curriculum=curriculum, to_level=level, approved_by=approver
            )
        assert len(callbacks) == 1
        assert (promotion.from_level, promotion.to_level) == (level - 1, level)
        assert promotion.approved_by == approver and promotion.promoted_at is not None

    assert [event["level"] for event in received] == [step for step, _ in steps]
    last = received[-1]
    assert last["user"] == person and last["curriculum"] == curriculum
    assert last["approved_by"] == programme_admin
    assert last["promoted_at"] == Promotion.objects.get(to_level=Level.MASTER_TRAINER).promoted_at
    assert Progression.objects.get(user=person, curriculum=curriculum).level == Level.MASTER_TRAINER

    # Granting a level again returns the same promotion and sends nothing.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=trainer
        )
    assert again == Promotion.objects.get(user=person, to_level=Level.MENTOR)
    assert callbacks == [] and len(received) == 4
    assert Promotion.objects.filter(user=person).count() == 4


def test_skipping_a_level_is_refused(person, trainer, curriculum, course):
    complete(person, course)
    with pytest.raises(ValidationError) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=trainer
        )
    refused(exc, PROMOTION_SKIPS_LEVEL, name="Sari", level=Level.GRADUATE.label)
    assert not Promotion.objects.exists()


def test_going_down_is_refused(person, trainer, curriculum):
    at_level(person, curriculum, Level.MENTOR)
    with pytest.raises(ValidationError) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.GRADUATE, approved_by=trainer
        )
    refused(exc, PROMOTION_NOT_UPWARD, name="Sari", level=Level.GRADUATE.label)
    assert Progression.objects.get(user=person).level == Level.MENTOR


def test_graduate_needs_a_completed_course_of_the_curriculum(person, trainer, curriculum):
    other_curriculum_course = small_course(course_factories.curriculum(title="Advokasi"))
    complete(person, other_curriculum_course)
    with pytest.raises(ValidationError) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.GRADUATE, approved_by=trainer
        )
    refused(exc, PROMOTION_NEEDS_COURSE)
    assert not Promotion.objects.exists()


def test_facilitator_needs_the_facilitator_training(
    person, trainer, curriculum, course, regency_library
):
    at_level(person, curriculum, Level.MENTOR)
    co_facilitate(
        person=person, course=course, signed_off_by=trainer, regency_library=regency_library
    )
    with pytest.raises(ValidationError) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.FACILITATOR, approved_by=trainer
        )
    refused(exc, PROMOTION_NEEDS_FACILITATOR_TRAINING)


@pytest.mark.parametrize("case", ["none", "not_signed_off", "as_lead", "other_curriculum"])
def test_facilitator_needs_a_signed_off_co_facilitation_in_this_curriculum(
    case, person, trainer, curriculum, course, tot_course, regency_library
):
    at_level(person, curriculum, Level.MENTOR)
    complete(person, tot_course)
    if case == "not_signed_off":
        co_facilitate(
            person=person, course=course, signed_off_by=None, regency_library=regency_library
        )
    elif case == "as_lead":
        run = build.cohort(
            course=course, host_library=regency_library, starts_on=date(2024, 1, 1), lead=person
        )
        run.facilitators.update(signed_off_by=trainer, signed_off_at=timezone.now())
    elif case == "other_curriculum":
        co_facilitate(
            person=person,
            course=small_course(course_factories.curriculum(title="Advokasi")),
            signed_off_by=trainer,
            regency_library=regency_library,
        )
    with pytest.raises(ValidationError) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.FACILITATOR, approved_by=trainer
        )
    refused(exc, PROMOTION_NEEDS_CO_FACILITATION)
    assert Progression.objects.get(user=person).level == Level.MENTOR


def test_nobody_approves_her_own_promotion(person, curriculum, course):
    complete(person, course)
    with pytest.raises(PermissionDenied) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.GRADUATE, approved_by=person
        )
    refused(exc, PROMOTION_SELF_APPROVAL)


def test_a_trainer_who_did_not_train_her_may_pass_a_graduate_but_not_a_mentor(
    person, curriculum, course, regency_library
):
    other_trainer = factories.user(role=Role.TRAINER, library=regency_library)
    complete(person, course)
    promotion_grant(
        user=person, curriculum=curriculum, to_level=Level.GRADUATE, approved_by=other_trainer
    )
    with pytest.raises(PermissionDenied) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=other_trainer
        )
    refused(exc, PROMOTION_APPROVER_NOT_ALLOWED)
    assert Progression.objects.get(user=person).level == Level.GRADUATE


def test_a_stranger_learner_may_not_approve(person, curriculum, course, village_library):
    stranger = factories.user(role=Role.LEARNER, library=village_library)
    complete(person, course)
    with pytest.raises(PermissionDenied) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.GRADUATE, approved_by=stranger
        )
    refused(exc, PROMOTION_APPROVER_NOT_ALLOWED)


def test_her_mentor_approves_through_a_library_assignment_but_not_after_it_ended(
    person, curriculum, village_library, regency_library
):
    at_level(person, curriculum, Level.GRADUATE)
    current = factories.user(role=Role.MENTOR, library=regency_library)
    former = factories.user(role=Role.MENTOR, library=regency_library)
    today = timezone.localdate()
    MentorAssignment.objects.create(
        mentor=current, library=village_library, starts_on=today - timedelta(days=5)
    )
    MentorAssignment.objects.create(
        mentor=former,
        mentee=person,
        starts_on=today - timedelta(days=100),
        ends_on=today - timedelta(days=1),
    )
    with pytest.raises(PermissionDenied) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=former
        )
    refused(exc, PROMOTION_APPROVER_NOT_ALLOWED)
    promotion = promotion_grant(
        user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=current, note="ok"
    )
    assert promotion.approved_by == current and promotion.note == "ok"


def test_only_a_programme_admin_makes_a_master_trainer(person, trainer, curriculum):
    at_level(person, curriculum, Level.FACILITATOR)
    with pytest.raises(PermissionDenied) as exc:
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MASTER_TRAINER, approved_by=trainer
        )
    refused(exc, PROMOTION_MASTER_NEEDS_ADMIN)


def test_promotion_candidates(
    person, trainer, curriculum, course, tot_course, regency_library, village_library
):
    graduate, mentor_ready, mentor_waiting, facilitator = (
        factories.user(role=Role.LEARNER, library=village_library, first_name=name)
        for name in ("Gita", "Hana", "Indah", "Joko")
    )
    complete(person, course)  # participant with the course done -> graduate
    at_level(graduate, curriculum, Level.GRADUATE)
    at_level(mentor_ready, curriculum, Level.MENTOR)
    complete(mentor_ready, tot_course)
    co_facilitate(
        person=mentor_ready, course=course, signed_off_by=trainer, regency_library=regency_library
    )
    at_level(mentor_waiting, curriculum, Level.MENTOR)
    at_level(facilitator, curriculum, Level.FACILITATOR)
    candidates = {c.user_id: c.next_level for c in promotion_candidates(curriculum=curriculum)}
    assert candidates == {
        person.pk: Level.GRADUATE,
        graduate.pk: Level.MENTOR,
        mentor_ready.pk: Level.FACILITATOR,
        facilitator.pk: Level.MASTER_TRAINER,
    }
