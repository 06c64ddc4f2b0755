"""The mentoring app's figures: the cascade's reach, visits and follow-up actions."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from lms import figures as lms_figures
from lms.models import Library, StaffProfile
from lms.roles import Role
from mentoring import figures
from mentoring.models import FollowUp, Level, Promotion, Tier, Visit
from tests.courses import factories as courses
from tests.lms import factories
from tests.mentoring.lineage_builders import edge

pytestmark = pytest.mark.django_db

JAN, FEB, MAR = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
OPEN, DONE, CANCELLED = FollowUp.Status.OPEN, FollowUp.Status.DONE, FollowUp.Status.CANCELLED
CODES = {
    "mentoring.trained",
    "mentoring.new_facilitators",
    "mentoring.visits",
    "mentoring.followups_open",
    "mentoring.followups_overdue",
}


def at(y, m, d, hour=10) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hour))


def metric(code: str) -> lms_figures.Metric:
    return next(m for m in figures.metrics() if m.code == code)


def cells(counts) -> dict:
    """Counts summed per cell; opening and closing events kept apart (sign in the key)."""
    result: dict = {}
    for c in counts:
        cell = (c.regency_id, c.month, c.key, c.library_kind, c.gender, c.birth_year)
        cell = (*cell, "+" if c.value > 0 else "-")
        result[cell] = result.get(cell, 0) + c.value
    return result


def labels(keys: dict) -> dict[str, str]:
    return {key: str(label) for key, label in keys.items()}


def person(library, *, gender="female", birth_year=None, role=Role.LEARNER):
    user = factories.user(library=library, gender=gender, role=role)
    StaffProfile.objects.filter(user=user).update(birth_year=birth_year)
    return user


@pytest.fixture
def network():
    village = factories.library(kind=Library.Kind.VILLAGE)
    regency_library = factories.library(kind=Library.Kind.REGENCY)
    return village, regency_library


def test_trained_counts_a_person_once_per_tier_at_her_first_training(network):
    village, regency_library = network
    r1, r2 = village.regency_id, regency_library.regency_id
    ict, literacy = courses.curriculum("TIK"), courses.curriculum("Literasi")
    trainer = person(regency_library, role=Role.TRAINER)
    other_trainer = person(regency_library, role=Role.TRAINER)
    sari = person(village, gender="female", birth_year=1990)
    budi = person(regency_library, gender="male", birth_year=1980)
    edge(trainee=sari, trainer=trainer, curriculum=ict, trained_on=date(2025, 1, 20))
    edge(trainee=sari, trainer=trainer, curriculum=literacy, trained_on=date(2025, 2, 3))
    edge(trainee=sari, trainer=other_trainer, curriculum=ict, trained_on=date(2025, 1, 5))
    edge(
        trainee=sari,
        trainer=other_trainer,
        curriculum=literacy,
        tier=Tier.REGENCY,
        trained_on=date(2025, 3, 9),
    )
    edge(trainee=budi, trainer=trainer, curriculum=ict, trained_on=date(2025, 2, 28))
    edge(trainee=person(None), trainer=trainer, curriculum=ict, trained_on=date(2025, 1, 1))

    trained = metric("mentoring.trained")
    assert cells(trained.counts(None)) == {
        (r1, JAN, "village", "village", "female", 1990, "+"): 1,
        (r1, MAR, "regency", "village", "female", 1990, "+"): 1,
        (r2, FEB, "village", "regency", "male", 1980, "+"): 1,
    }
    assert {c.regency_id for c in trained.counts([r2])} == {r2}
    with translation.override("en"):
        assert labels(trained.keys()) == {
            "national": "National",
            "regency": "Kabupaten/kota",
            "village": "Village/TBM",
        }


def promote(user, curriculum, to_level, moment, approver) -> Promotion:
    return Promotion.objects.create(
        user=user,
        curriculum=curriculum,
        from_level=to_level - 1,
        to_level=to_level,
        approved_by=approver,
        promoted_at=moment,
    )


def test_new_facilitators_counts_a_person_once_per_level_at_her_first_promotion(network):
    village, regency_library = network
    r1, r2 = village.regency_id, regency_library.regency_id
    ict, literacy = courses.curriculum("TIK"), courses.curriculum("Literasi")
    approver = person(regency_library, role=Role.TRAINER)
    sari = person(village, gender="female", birth_year=1990)
    budi = person(regency_library, gender="male", birth_year=1980)
    promote(sari, ict, Level.GRADUATE, at(2025, 1, 31, 23), approver)
    promote(sari, literacy, Level.GRADUATE, at(2025, 2, 14), approver)
    promote(sari, ict, Level.MENTOR, at(2025, 2, 20), approver)
    promote(budi, ict, Level.FACILITATOR, at(2025, 3, 1, 1), approver)  # 28 Feb in UTC

    promoted = metric("mentoring.new_facilitators")
    assert cells(promoted.counts(None)) == {
        (r1, JAN, "1", "village", "female", 1990, "+"): 1,
        (r1, FEB, "2", "village", "female", 1990, "+"): 1,
        (r2, MAR, "3", "regency", "male", 1980, "+"): 1,
    }
    assert {c.regency_id for c in promoted.counts([r1])} == {r1}
    with translation.override("en"):
        assert labels(promoted.keys()) == {
            "1": "Graduate",
            "2": "Mentor",
            "3": "Facilitator",
            "4": "Master trainer",
        }


def visit(library, on, mode=Visit.Mode.VISIT, mentor=None) -> Visit:
    mentor = mentor or person(library, role=Role.MENTOR)
    return Visit.objects.create(mentor=mentor, library=library, visited_on=on, mode=mode)


def test_visits_count_per_month_and_mode_at_the_library_visited(network):
    village, regency_library = network
    r1, r2 = village.regency_id, regency_library.regency_id
    mentor = person(regency_library, role=Role.MENTOR)
    visit(village, date(2025, 1, 10), mentor=mentor)
    visit(village, date(2025, 1, 24), mentor=mentor)
    visit(village, date(2025, 1, 24), Visit.Mode.PHONE, mentor=mentor)
    visit(regency_library, date(2025, 2, 3), Visit.Mode.ONLINE, mentor=mentor)

    visits = metric("mentoring.visits")
    assert not visits.people
    assert cells(visits.counts(None)) == {
        (r1, JAN, "visit", "village", "", None, "+"): 2,
        (r1, JAN, "phone", "village", "", None, "+"): 1,
        (r2, FEB, "online", "regency", "", None, "+"): 1,
    }
    assert cells(visits.counts([r2])) == {(r2, FEB, "online", "regency", "", None, "+"): 1}
    with translation.override("en"):
        assert labels(visits.keys()) == {"visit": "Visit", "online": "Online", "phone": "Phone"}


@pytest.fixture
def follow_ups(network):
    village, regency_library = network
    owner = person(village)
    in_village = visit(village, date(2025, 1, 10))
    in_regency = visit(regency_library, date(2025, 2, 3))

    def follow_up(on, due_on, status=OPEN, done_at=None):
        return FollowUp.objects.create(
            visit=on,
            action="Tindak lanjut",
            owner=owner,
            due_on=due_on,
            status=status,
            done_at=done_at,
        )

    # Due on the last day of January, done in March: overdue from 1 February.
    follow_up(in_village, date(2025, 1, 31), DONE, at(2025, 3, 10))
    follow_up(in_village, date(2025, 1, 20))  # still open, long overdue
    follow_up(in_village, date(2025, 1, 20), CANCELLED)  # never counts
    follow_up(in_village, date(2025, 1, 22), DONE, None)  # done, no one knows when: left out
    # Done at 06:00 on its due date in Jakarta (still the day before in UTC): on time.
    follow_up(in_village, date(2025, 2, 15), DONE, at(2025, 2, 15, 6))
    follow_up(in_regency, timezone.localdate() + timedelta(days=60))  # not due yet
    follow_up(in_regency, date(2025, 2, 10), DONE, at(2025, 2, 20))  # late, same month
    return village.regency_id, regency_library.regency_id


def test_followups_open_open_at_the_visit_and_close_when_done(follow_ups):
    r1, r2 = follow_ups
    followups_open = metric("mentoring.followups_open")
    assert followups_open.balance and not followups_open.people
    assert cells(followups_open.counts(None)) == {
        (r1, JAN, "", "village", "", None, "+"): 3,
        (r1, FEB, "", "village", "", None, "-"): -1,
        (r1, MAR, "", "village", "", None, "-"): -1,
        (r2, FEB, "", "regency", "", None, "+"): 2,
        (r2, FEB, "", "regency", "", None, "-"): -1,
    }
    assert {c.regency_id for c in followups_open.counts([r2])} == {r2}


def test_followups_overdue_open_the_day_after_the_due_date_and_close_when_done(follow_ups):
    r1, r2 = follow_ups
    overdue = metric("mentoring.followups_overdue")
    assert overdue.balance and not overdue.people
    assert cells(overdue.counts(None)) == {
        (r1, JAN, "", "village", "", None, "+"): 1,
        (r1, FEB, "", "village", "", None, "+"): 1,
        (r1, MAR, "", "village", "", None, "-"): -1,
        (r2, FEB, "", "regency", "", None, "+"): 1,
        (r2, FEB, "", "regency", "", None, "-"): -1,
    }
    assert cells(overdue.counts([r1])) == {
        (r1, JAN, "", "village", "", None, "+"): 1,
        (r1, FEB, "", "village", "", None, "+"): 1,
        (r1, MAR, "", "village", "", None, "-"): -1,
    }


def test_the_sites_figures_include_the_mentoring_metrics():
    found = {m.code: m for m in lms_figures.metrics()}
    assert CODES <= set(found)
    assert found["mentoring.trained"].section == "cascade"
    assert found["mentoring.new_facilitators"].section == "cascade"
    assert found["mentoring.visits"].section == "mentoring"


def queries_per_metric(rows: int) -> dict[str, int]:
    libraries = [factories.library(), factories.library(kind=Library.Kind.REGENCY)]
    curriculum = courses.curriculum("TIK")
    trainer = person(libraries[1], role=Role.TRAINER)
    mentor = person(libraries[1], role=Role.MENTOR)
    for i in range(rows):
        library = libraries[i % 2]
        user = person(library, birth_year=1970 + i)
        month = 1 + i % 12
        edge(trainee=user, trainer=trainer, curriculum=curriculum, trained_on=date(2024, month, 2))
        promote(user, curriculum, Level.GRADUATE, at(2024, month, 3), trainer)
        on = visit(library, date(2024, month, 4) + timedelta(days=i), mentor=mentor)
        FollowUp.objects.create(
            visit=on,
            action="Tindak lanjut",
            owner=user,
            due_on=date(2024, month, 20),
            status=DONE if i % 2 else OPEN,
            done_at=at(2025, 1, 5) if i % 2 else None,
        )
    costs = {}
    for m in figures.metrics():
        with CaptureQueriesContext(connection) as captured:
            counted = list(m.counts(None))
        assert counted, m.code
        costs[m.code] = len(captured)
    return costs


def test_each_metric_costs_the_same_few_queries_for_2_and_20_rows():
    two = queries_per_metric(2)
    twenty = queries_per_metric(20)
    assert (
        two
        == twenty
        == {
            "mentoring.trained": 1,
            "mentoring.new_facilitators": 1,
            "mentoring.visits": 1,
            "mentoring.followups_open": 2,
            "mentoring.followups_overdue": 2,
        }
    )
