"""The mentoring demo loaded by `manage.py seed_demo`: a consistent cascade, visits, idempotent."""

from collections import defaultdict
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation

from lms.models import Library
from mentoring import demo
from mentoring.models import (
    Attendance,
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    CohortSession,
    FollowUp,
    Level,
    MentorAssignment,
    Progression,
    Promotion,
    Tier,
    TrainingEdge,
    Visit,
    VisitTopic,
)
from mentoring.selectors import mentee_ids

pytestmark = pytest.mark.django_db

User = get_user_model()

MODELS = (
    Attendance,
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    CohortSession,
    FollowUp,
    MentorAssignment,
    Progression,
    Promotion,
    TrainingEdge,
    Visit,
    VisitTopic,
    Visit.attendees.through,
)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeds once for the module; every test runs in a savepoint that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        with translation.override("en"):
            call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(seeded, db) -> str:
    return seeded


def levels() -> dict[tuple[int, int], int]:
    return {
        (user_id, curriculum_id): level
        for user_id, curriculum_id, level in Progression.objects.values_list(
            "user_id", "curriculum_id", "level"
        )
    }


def test_summary_line(output):
    assert "Demo mentoring: " in output
    assert "rows created)." in output


def test_three_tiers_deep_for_two_curricula_across_three_kabupaten(output):
    national = User.objects.get(username="pelatih")
    deep = defaultdict(set)  # curriculum id -> regencies with a village tier under pelatih
    village_edges = TrainingEdge.objects.filter(tier=Tier.VILLAGE).values_list(
        "curriculum_id", "trainer_id"
    )
    regency_edges = {
        (curriculum_id, trainee_id): (trainer_id, regency_id)
        for curriculum_id, trainee_id, trainer_id, regency_id in TrainingEdge.objects.filter(
            tier=Tier.REGENCY
        ).values_list(
            "curriculum_id", "trainee_id", "trainer_id", "trainee__staff_profile__library__regency"
        )
    }
    for curriculum_id, trainer_id in village_edges:
        above = regency_edges.get((curriculum_id, trainer_id))
        if above and above[0] == national.pk:
            deep[curriculum_id].add(above[1])
    assert len([c for c, regencies in deep.items() if len(regencies) >= 3]) >= 2
    # pelatih is the root: nobody trained her.
    assert not TrainingEdge.objects.filter(trainee=national).exists()
    assert levels()[(national.pk, next(iter(deep)))] == Level.MASTER_TRAINER


def test_pelatih_trained_five_to_eight_facilitators_who_trained_three_to_ten(output):
    national = User.objects.get(username="pelatih")
    per_curriculum = (
        TrainingEdge.objects.filter(trainer=national)
        .values("curriculum")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert per_curriculum and all(5 <= n <= 8 for n in per_curriculum)
    assert not TrainingEdge.objects.filter(trainer=national).exclude(tier=Tier.REGENCY).exists()
    village_counts = (
        TrainingEdge.objects.filter(tier=Tier.VILLAGE)
        .values("curriculum", "trainer")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert village_counts and all(3 <= n <= 10 for n in village_counts)


def test_trainers_and_trainees_hold_the_levels_their_edges_need(output):
    held = levels()
    for edge in TrainingEdge.objects.all():
        assert held[(edge.trainer_id, edge.curriculum_id)] >= Level.MENTOR, edge
        assert held[(edge.trainee_id, edge.curriculum_id)] >= Level.GRADUATE, edge
    # Only facilitators lead cohorts of their curriculum.
    curriculum_of_course = {
        edge.cohort.course_id: edge.curriculum_id
        for edge in TrainingEdge.objects.select_related("cohort")
    }
    for lead in CohortFacilitator.objects.filter(role=CohortFacilitator.Role.LEAD).select_related(
        "cohort"
    ):
        curriculum_id = curriculum_of_course[lead.cohort.course_id]
        assert held[(lead.user_id, curriculum_id)] >= Level.FACILITATOR


def test_village_staff_were_trained_by_their_own_regency(output):
    edges = TrainingEdge.objects.filter(tier=Tier.VILLAGE).select_related(
        "trainee__staff_profile__library", "trainer__staff_profile__library"
    )
    assert edges.exists()
    for edge in edges:
        village = edge.trainee.staff_profile.library
        assert village.kind in Library.MENTORED_KINDS
        assert village.mentor_library_id == edge.trainer.staff_profile.library_id


def test_some_village_staff_became_mentors_and_some_facilitators_trained_no_one(output):
    held = levels()
    village = TrainingEdge.objects.filter(tier=Tier.VILLAGE)
    assert (
        2
        <= sum(held[(e.trainee_id, e.curriculum_id)] == Level.MENTOR for e in village)
        <= village.count() // 4
    )
    trainers = set(TrainingEdge.objects.values_list("trainer_id", "curriculum_id"))
    idle = [
        (e.trainee_id, e.curriculum_id)
        for e in TrainingEdge.objects.filter(tier=Tier.REGENCY)
        if (e.trainee_id, e.curriculum_id) not in trainers
    ]
    assert 1 <= len(idle) <= 4
    assert all(held[key] == Level.MENTOR for key in idle)


def test_promotions_are_approved_and_follow_training(output):
    now = timezone.now()
    trained_on = {
        (user_id, curriculum_id): day
        for user_id, curriculum_id, day in TrainingEdge.objects.values_list(
            "trainee_id", "curriculum_id", "trained_on"
        )
    }
    held = levels()
    top = defaultdict(int)
    for promotion in Promotion.objects.all():
        key = (promotion.user_id, promotion.curriculum_id)
        assert promotion.approved_by_id and promotion.approved_by_id != promotion.user_id
        assert promotion.to_level == promotion.from_level + 1
        assert promotion.promoted_at <= now
        if key in trained_on:
            assert timezone.localdate(promotion.promoted_at) > trained_on[key]
        top[key] = max(top[key], promotion.to_level)
    assert dict(top) == held
    # Each step is recorded: a facilitator has her graduate and mentor promotions too.
    for (user_id, curriculum_id), level in held.items():
        if (user_id, curriculum_id) in trained_on:
            steps = Promotion.objects.filter(user_id=user_id, curriculum_id=curriculum_id)
            assert steps.count() == level


def test_cohorts_match_the_lineage(output):
    edges = TrainingEdge.objects.select_related("cohort")
    assert not edges.filter(cohort__isnull=True).exists()
    for edge in edges:
        cohort = edge.cohort
        assert cohort.status == Cohort.Status.FINISHED and cohort.finished_at
        assert cohort.ends_on == edge.trained_on
        assert cohort.tier == edge.tier
        assert CohortFacilitator.objects.filter(
            cohort=cohort, user_id=edge.trainer_id, role=CohortFacilitator.Role.LEAD
        ).exists()
        participant = CohortParticipant.objects.get(cohort=cohort, user_id=edge.trainee_id)
        assert participant.finished_at is not None
        sessions = cohort.sessions.count()
        attended = Attendance.objects.filter(session__cohort=cohort, user_id=edge.trainee_id)
        assert attended.count() * 100 >= sessions * cohort.attendance_threshold
    for cohort in Cohort.objects.prefetch_related("facilitators", "sessions"):
        roles = sorted(f.role for f in cohort.facilitators.all())
        assert roles == ["co", "lead"], cohort
        assert 2 <= len(cohort.sessions.all()) <= 4, cohort
        dates = [s.date for s in cohort.sessions.all()]
        assert (min(dates), max(dates)) == (cohort.starts_on, cohort.ends_on)
        if cohort.status == Cohort.Status.FINISHED:
            co = next(f for f in cohort.facilitators.all() if f.role == "co")
            assert co.signed_off_by_id and co.signed_off_at
    # Some finished participants did not meet the attendance threshold and have no edge.
    assert CohortParticipant.objects.filter(
        cohort__status=Cohort.Status.FINISHED, finished_at__isnull=True
    ).exists()
    assert Cohort.objects.filter(status=Cohort.Status.RUNNING).exists()


def test_the_demo_mentor_has_mentees_visits_and_follow_ups_in_every_state(output):
    mentor = User.objects.get(username="pendamping")
    lumajang_villages = set(
        Library.objects.filter(mentor_library__code="lumajang").values_list("pk", flat=True)
    )
    assigned = set(MentorAssignment.objects.filter(mentor=mentor).values_list("library", flat=True))
    assert assigned == lumajang_villages
    mentees = mentee_ids(mentor=mentor)
    assert User.objects.get(username="peserta").pk in mentees
    assert len(mentees) >= 10
    # Every other kabupaten facilitator mentors her own villages.
    mentors = MentorAssignment.objects.values("mentor").distinct().count()
    assert mentors == Library.objects.filter(kind=Library.Kind.REGENCY).count()

    today = timezone.localdate()
    visits = Visit.objects.filter(mentor=mentor)
    assert visits.count() >= 10
    assert not visits.exclude(library_id__in=lumajang_villages).exists()
    assert not visits.filter(visited_on__gt=today).exists()
    assert visits.filter(visited_on__lt=today - timedelta(days=120)).exists()
    for visit in visits.prefetch_related("attendees", "tagged"):
        assert visit.attendees.all(), visit
        assert visit.tagged.all() and visit.notes and visit.next_visit_on > visit.visited_on
    # A library whose next visit is overdue.
    latest = {}
    for visit in visits.order_by("visited_on"):
        latest[visit.library_id] = visit
    assert any(visit.next_visit_on < today for visit in latest.values())

    follow_ups = FollowUp.objects.filter(visit__mentor=mentor)
    assert follow_ups.filter(status=FollowUp.Status.DONE, done_at__isnull=False).exists()
    assert follow_ups.filter(status=FollowUp.Status.OPEN, due_on__lt=today).exists()
    assert follow_ups.filter(status=FollowUp.Status.OPEN, due_on__gte=today).exists()
    # pendamping trained village staff himself.
    assert TrainingEdge.objects.filter(trainer=mentor, tier=Tier.VILLAGE).exists()


def test_a_second_run_changes_nothing(output):
    before = {model: model.objects.count() for model in MODELS}
    last_edge = TrainingEdge.objects.order_by("-pk").values_list("pk", flat=True).first()
    out = StringIO()
    with translation.override("en"):
        demo.load(stdout=out)
    assert {model: model.objects.count() for model in MODELS} == before
    assert TrainingEdge.objects.order_by("-pk").values_list("pk", flat=True).first() == last_edge
    assert "(0 rows created)." in out.getvalue()
