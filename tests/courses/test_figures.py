"""The courses app's figures: people started, trained and in progress per curriculum."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import figures
from courses.models import Enrollment
from lms import figures as lms_figures
from lms.models import Library, StaffProfile
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.django_db

JAN, FEB, MAR = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
WITHDRAWN = Enrollment.Status.WITHDRAWN


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


def person(library, *, gender, birth_year):
    user = factories.user(library=library, gender=gender)
    StaffProfile.objects.filter(user=user).update(birth_year=birth_year)
    return user


def enrol(user, course, enrolled, **fields) -> Enrollment:
    return Enrollment.objects.create(user=user, course=course, enrolled_at=enrolled, **fields)


@pytest.fixture
def world():
    village = factories.library(kind=Library.Kind.VILLAGE)
    regency_library = factories.library(kind=Library.Kind.REGENCY)
    ict = courses.curriculum("TIK")
    ict_1 = courses.course(parent=ict, modules=0, quiz=False)
    ict_2 = courses.course(parent=ict, modules=0, quiz=False)
    literacy = courses.curriculum("Literasi")
    literacy_1 = courses.course(parent=literacy, modules=0, quiz=False)
    sari = person(village, gender="female", birth_year=1990)
    budi = person(regency_library, gender="male", birth_year=1980)
    # Sari completes both courses of TIK: trained once, in the month of the first.
    enrol(sari, ict_1, at(2025, 1, 10), completed_at=at(2025, 2, 5))
    enrol(sari, ict_2, at(2025, 1, 20), completed_at=at(2025, 2, 20))
    # ... and starts Literasi on 1 February, 03:00 in Jakarta (still 31 January in UTC).
    enrol(sari, literacy_1, at(2025, 2, 1, 3))
    # Budi withdraws from both TIK courses: in progress until the last withdrawal.
    enrol(budi, ict_1, at(2025, 1, 15), status=WITHDRAWN, withdrawn_at=at(2025, 2, 10))
    enrol(budi, ict_2, at(2025, 1, 25), status=WITHDRAWN, withdrawn_at=at(2025, 3, 2))
    # Nobody without a library counts, nor anyone in an unpublished curriculum.
    enrol(factories.user(library=None), ict_1, at(2025, 1, 10), completed_at=at(2025, 1, 12))
    draft = courses.curriculum("Draf")
    enrol(sari, courses.course(parent=draft, modules=0, quiz=False), at(2025, 1, 3))
    draft.unpublish()
    return {
        "r1": village.regency_id,
        "r2": regency_library.regency_id,
        "ict": str(ict.pk),
        "literacy": str(literacy.pk),
    }


def test_started_counts_each_person_once_per_curriculum_at_their_first_enrolment(world):
    r1, r2, ict, literacy = world["r1"], world["r2"], world["ict"], world["literacy"]
    assert cells(metric("courses.started").counts(None)) == {
        (r1, JAN, ict, "village", "female", 1990, "+"): 1,
        (r1, FEB, literacy, "village", "female", 1990, "+"): 1,
        (r2, JAN, ict, "regency", "male", 1980, "+"): 1,
    }


def test_completed_counts_a_person_once_per_curriculum_at_her_first_completion(world):
    r1, ict = world["r1"], world["ict"]
    assert cells(metric("courses.completed").counts(None)) == {
        (r1, FEB, ict, "village", "female", 1990, "+"): 1,
    }


def test_in_progress_opens_at_the_first_enrolment_and_closes_at_completion_or_withdrawal(world):
    r1, r2, ict, literacy = world["r1"], world["r2"], world["ict"], world["literacy"]
    assert cells(metric("courses.in_progress").counts(None)) == {
        (r1, JAN, ict, "village", "female", 1990, "+"): 1,
        (r1, FEB, ict, "village", "female", 1990, "-"): -1,
        (r1, FEB, literacy, "village", "female", 1990, "+"): 1,
        (r2, JAN, ict, "regency", "male", 1980, "+"): 1,
        (r2, MAR, ict, "regency", "male", 1980, "-"): -1,
    }


def test_one_active_enrolment_keeps_a_person_in_progress():
    library = factories.library()
    ict = courses.curriculum("TIK")
    first, second = (courses.course(parent=ict, modules=0, quiz=False) for _ in range(2))
    user = person(library, gender="female", birth_year=None)
    enrol(user, first, at(2025, 1, 5), status=WITHDRAWN, withdrawn_at=at(2025, 1, 9))
    enrol(user, second, at(2025, 2, 5))
    counts = list(metric("courses.in_progress").counts(None))
    assert counts == [
        lms_figures.Count(library.regency_id, JAN, 1, str(ict.pk), "village", "female")
    ]


def test_counts_of_one_regency_only(world):
    r2 = world["r2"]
    for code in ("courses.started", "courses.completed", "courses.in_progress"):
        counts = list(metric(code).counts([r2]))
        assert {c.regency_id for c in counts} <= {r2}, code
    assert len(list(metric("courses.started").counts([r2]))) == 1
    assert list(metric("courses.completed").counts([r2])) == []


def test_keys_are_the_live_curricula_in_tree_order(world):
    with CaptureQueriesContext(connection) as captured:
        keys = metric("courses.started").keys()
    assert keys == {world["ict"]: "TIK", world["literacy"]: "Literasi"}
    assert list(keys) == [world["ict"], world["literacy"]]
    assert len(captured) == 1


def test_the_sites_figures_include_the_courses_metrics():
    found = {m.code: m for m in lms_figures.metrics()}
    assert {"courses.started", "courses.completed", "courses.in_progress"} <= set(found)
    assert found["courses.in_progress"].balance
    assert not found["courses.started"].balance
    assert all(
        found[code].section == "training" and found[code].people
        for code in found
        if code.startswith("courses.")
    )


def queries_per_metric(enrolments: int) -> dict[str, int]:
    ict = courses.curriculum("TIK")
    course_pages = [courses.course(parent=ict, modules=0, quiz=False) for _ in range(2)]
    libraries = [factories.library(), factories.library(kind=Library.Kind.REGENCY)]
    for i in range(enrolments):
        user = person(libraries[i % 2], gender="female", birth_year=1970 + i)
        enrol(
            user,
            course_pages[i % 2],
            at(2025, 1 + i % 12, 3),
            completed_at=at(2025, 12, 1) if i % 3 else None,
            status=WITHDRAWN if i % 3 == 0 else Enrollment.Status.ACTIVE,
            withdrawn_at=at(2025, 12, 2) if i % 3 == 0 else None,
        )
    costs = {}
    for m in figures.metrics():
        with CaptureQueriesContext(connection) as captured:
            counted = list(m.counts(None))
        assert counted
        costs[m.code] = len(captured)
    return costs


def test_each_metric_costs_the_same_few_queries_for_2_and_20_enrolments():
    two = queries_per_metric(2)
    twenty = queries_per_metric(20)
    assert (
        two
        == twenty
        == {
            "courses.started": 2,
            "courses.completed": 2,
            "courses.in_progress": 2,
        }
    )
