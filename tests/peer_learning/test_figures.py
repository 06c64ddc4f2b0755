"""The peer_learning app's figures: meetings held and the people checked in at them."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from lms import figures as lms_figures
from lms.models import Library, StaffProfile
from peer_learning import figures
from peer_learning.models import CheckIn, Registration
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db

JAN, FEB, MAR = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
PESERTA, NARASUMBER = Registration.Role.PARTICIPANT, Registration.Role.SPEAKER


def metric(code: str) -> lms_figures.Metric:
    return next(m for m in figures.metrics() if m.code == code)


def cells(counts) -> dict:
    result: dict = {}
    for c in counts:
        cell = (c.regency_id, c.month, c.key, c.library_kind, c.gender, c.birth_year)
        result[cell] = result.get(cell, 0) + c.value
    return result


def person(library, *, gender="female", birth_year=None):
    user = factories.user(library=library, gender=gender)
    StaffProfile.objects.filter(user=user).update(birth_year=birth_year)
    return user


def check_in(registration, *days):
    for day in days:
        CheckIn.objects.create(registration=registration, day=day, method=CheckIn.Method.SCAN)


@pytest.fixture
def world():
    village = factories.library(kind=Library.Kind.VILLAGE)
    regency_library = factories.library(kind=Library.Kind.REGENCY)
    january = builders.meeting(organiser=village, starts_on=date(2025, 1, 20), days=2)
    # From the last days of February into March: held in February.
    february = builders.meeting(organiser=regency_library, starts_on=date(2025, 2, 27), days=3)
    builders.meeting(organiser=village, starts_on=date(2099, 1, 6))  # not held yet
    draft = builders.meeting(organiser=village, starts_on=date(2025, 1, 8))
    draft.unpublish()

    sari = person(village, gender="female", birth_year=1990)
    ani = person(village, gender="female", birth_year=1990)
    budi = person(regency_library, gender="male", birth_year=1980)
    # Two days at one meeting: once, in the month of the first day.
    check_in(builders.registration(january, sari), date(2025, 1, 20), date(2025, 1, 21))
    check_in(builders.registration(january, ani), date(2025, 1, 21))
    # The same person at another meeting counts again.
    check_in(builders.registration(february, sari), date(2025, 2, 28), date(2025, 3, 1))
    check_in(builders.registration(february, budi, role=NARASUMBER), date(2025, 3, 1))
    # Counted at the library she registered for, not the one she works at now.
    moved = person(village, gender="male", birth_year=2000)
    check_in(builders.registration(january, moved, library=regency_library), date(2025, 1, 20))
    # Registered but never came; came to an unpublished meeting: neither counts.
    builders.registration(january, person(village))
    check_in(builders.registration(draft, person(village)), date(2025, 1, 8))
    return village.regency_id, regency_library.regency_id


def test_participants_count_a_person_once_per_meeting_at_her_first_check_in(world):
    r1, r2 = world
    participants = metric("peer_learning.participants")
    assert participants.people and not participants.balance
    assert cells(participants.counts(None)) == {
        (r1, JAN, PESERTA, "village", "female", 1990): 2,
        (r1, FEB, PESERTA, "village", "female", 1990): 1,
        (r2, JAN, PESERTA, "regency", "male", 2000): 1,
        (r2, MAR, NARASUMBER, "regency", "male", 1980): 1,
    }
    assert cells(participants.counts([r2])) == {
        (r2, JAN, PESERTA, "regency", "male", 2000): 1,
        (r2, MAR, NARASUMBER, "regency", "male", 1980): 1,
    }
    with translation.override("en"):
        labels = {key: str(label) for key, label in participants.keys().items()}
    assert labels[PESERTA] == "Participant"
    assert set(labels) == set(Registration.Role.values)


def test_meetings_count_published_meetings_held_at_the_organising_library(world):
    r1, r2 = world
    meetings = metric("peer_learning.meetings")
    assert not meetings.people and not meetings.balance
    assert cells(meetings.counts(None)) == {
        (r1, JAN, "", "village", "", None): 1,
        (r2, FEB, "", "regency", "", None): 1,
    }
    assert cells(meetings.counts([r1])) == {(r1, JAN, "", "village", "", None): 1}


def test_the_sites_figures_include_the_peer_learning_metrics():
    found = {m.code: m for m in lms_figures.metrics()}
    assert {"peer_learning.participants", "peer_learning.meetings"} <= set(found)
    assert {found[code].section for code in found if code.startswith("peer_learning.")} == {
        "meetings"
    }


def queries_per_metric(people: int) -> dict[str, int]:
    """`people` checked in at two meetings a month apart, in two regencies."""
    libraries = [factories.library(), factories.library(kind=Library.Kind.REGENCY)]
    for month in (1, 2):
        meeting = builders.meeting(organiser=libraries[month - 1], starts_on=date(2025, month, 10))
        for registration in builders.participants(meeting, people // 2, libraries=libraries):
            check_in(registration, date(2025, month, 10), date(2025, month, 11))
    costs = {}
    for m in figures.metrics():
        with CaptureQueriesContext(connection) as captured:
            counted = list(m.counts(None))
        assert counted, m.code
        costs[m.code] = len(captured)
    return costs


def test_each_metric_costs_the_same_few_queries_for_2_and_20_people():
    two = queries_per_metric(2)
    twenty = queries_per_metric(20)
    assert two == twenty == {"peer_learning.participants": 1, "peer_learning.meetings": 1}
