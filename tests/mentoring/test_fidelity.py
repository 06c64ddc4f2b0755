"""The fidelity view: first-attempt quiz averages by tier and by trainer, flags, access."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services.quiz import quiz_attempt_start
from lms.exports import XLSX
from lms.roles import Role
from mentoring import reports
from mentoring.models import Tier
from tests.courses import factories as course_factories
from tests.lms import factories

from . import report_builders as build

pytestmark = pytest.mark.django_db


def url(curriculum, query: str = "") -> str:
    base = reverse("mentoring:fidelity", kwargs={"curriculum_id": curriculum.pk})
    return f"{base}?{query}" if query else base


def learners_of(trainer, curriculum, course, count: int, *, tier=Tier.VILLAGE) -> list:
    people = []
    for _ in range(count):
        person = factories.user()
        build.enrol(person, course)
        build.edge(trainee=person, trainer=trainer, curriculum=curriculum, tier=tier)
        people.append(person)
    return people


@pytest.fixture
def scene(db):
    """Village tier: trainer A's five learners score 100 (one after a first try at 75),
    trainer B's five score 50; regency tier: trainer C's two learners score 25; one learner
    without an edge scores 75."""
    curriculum = course_factories.curriculum("SPP Berbasis TIK")
    course, quiz = build.quiz_course(curriculum)
    a = factories.user(role=Role.TRAINER, first_name="Ayu")
    b = factories.user(role=Role.TRAINER, first_name="Budi")
    c = factories.user(role=Role.TRAINER, first_name="Citra")
    a_people = learners_of(a, curriculum, course, 5)
    b_people = learners_of(b, curriculum, course, 5)
    c_people = learners_of(c, curriculum, course, 2, tier=Tier.REGENCY)
    build.take_quiz(a_people[0], quiz, right=3)  # first attempt 75 ...
    build.take_quiz(a_people[0], quiz, right=4)  # ... the retake (100) does not count
    for person in a_people[1:]:
        build.take_quiz(person, quiz, right=4)
    for person in b_people:
        build.take_quiz(person, quiz, right=2)
    for person in c_people:
        build.take_quiz(person, quiz, right=1)
    untracked = factories.user()
    build.enrol(untracked, course)
    build.take_quiz(untracked, quiz, right=3)
    # An open (unsubmitted) attempt counts for nothing.
    idle = factories.user()
    build.enrol(idle, course)
    quiz_attempt_start(user=idle, quiz=quiz)
    return {"curriculum": curriculum, "quiz": quiz, "a": a, "b": b, "c": c}


def test_take_quiz_scores_as_asked(db):
    curriculum = course_factories.curriculum()
    course, quiz = build.quiz_course(curriculum)
    person = factories.user()
    build.enrol(person, course)
    assert [build.take_quiz(person, quiz, right=r).score_percent for r in (4, 0, 2)] == [100, 0, 50]


def test_averages_by_tier_and_trainer(scene):
    [entry] = reports.fidelity_report(curriculum=scene["curriculum"])

    assert entry.quiz.pk == scene["quiz"].pk
    assert entry.learners == 13
    assert entry.average == pytest.approx((475 + 250 + 50 + 75) / 13)
    tiers = {t.tier: (t.learners, t.average) for t in entry.tiers}
    assert tiers == {
        "village": (10, pytest.approx(72.5)),
        "regency": (2, pytest.approx(25.0)),
        "untracked": (1, pytest.approx(75.0)),
    }
    assert [t.tier for t in entry.tiers] == ["regency", "village", "untracked"]
    branches = {br.trainer_id: br for br in entry.branches}
    assert set(branches) == {scene["a"].pk, scene["b"].pk, scene["c"].pk}
    a, b, c = (branches[scene[k].pk] for k in "abc")
    assert (a.tier, a.learners, a.average, a.tier_average) == ("village", 5, 95.0, 72.5)
    assert (b.tier, b.learners, b.average) == ("village", 5, 50.0)
    assert (c.tier, c.learners, c.average, c.tier_average) == ("regency", 2, 25.0, 25.0)
    assert b.trainer_name == "Budi"


def test_weak_branch_is_flagged(scene):
    [entry] = reports.fidelity_report(curriculum=scene["curriculum"])
    flagged = {br.trainer_id for br in entry.flagged}
    # B is 22.5 points below the village tier with five learners; A is above it.
    assert flagged == {scene["b"].pk}


def test_small_branch_is_not_flagged(db):
    curriculum = course_factories.curriculum()
    course, quiz = build.quiz_course(curriculum)
    strong = factories.user(role=Role.TRAINER)
    weak = factories.user(role=Role.TRAINER)
    for person in learners_of(strong, curriculum, course, 6):
        build.take_quiz(person, quiz, right=4)
    for person in learners_of(weak, curriculum, course, reports.FIDELITY_MIN_LEARNERS - 1):
        build.take_quiz(person, quiz, right=0)
    [entry] = reports.fidelity_report(curriculum=curriculum)
    weak_branch = next(br for br in entry.branches if br.trainer_id == weak.pk)
    assert weak_branch.gap > reports.FIDELITY_GAP_POINTS
    assert not weak_branch.flagged


def test_page_shows_tiers_and_flag(client, scene, programme_admin):
    client.cookies["django_language"] = "en"
    client.force_login(programme_admin)
    html = client.get(url(scene["curriculum"])).content.decode()
    assert '<tr data-tier="village">' in html
    assert 'data-average="72.5"' in html
    assert f'<tr data-trainer="{scene["b"].pk}" data-tier="village" data-flagged' in html
    assert f'<tr data-trainer="{scene["a"].pk}" data-tier="village">' in html
    assert "Untracked" in html


# Access


def test_learner_gets_403(client, scene, learner):
    client.force_login(learner)
    assert client.get(url(scene["curriculum"])).status_code == 403
    assert client.get(url(scene["curriculum"], "format=csv&table=trainers")).status_code == 403
    assert client.get(reverse("mentoring:fidelity_index")).status_code == 403


@pytest.mark.parametrize("role", [Role.TRAINER, Role.MENTOR, Role.PROGRAMME_ADMIN])
def test_trainers_mentors_and_admins_may_read(client, scene, role):
    client.force_login(factories.user(role=role))
    assert client.get(url(scene["curriculum"])).status_code == 200


def test_index_redirects_to_first_curriculum(client, scene, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("mentoring:fidelity_index"))
    assert response.status_code == 302 and response["Location"] == url(scene["curriculum"])


def test_unknown_curriculum_is_404(client, programme_admin):
    client.force_login(programme_admin)
    response = client.get(reverse("mentoring:fidelity", kwargs={"curriculum_id": 999999}))
    assert response.status_code == 404


# Exports


def test_exports(client, scene, programme_admin):
    client.cookies["django_language"] = "en"
    client.force_login(programme_admin)
    response = client.get(url(scene["curriculum"], "format=csv&table=trainers"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Quiz", "Tier", "Trainer"]
    budi = next(row for row in rows if row[2] == "Budi")
    assert budi[3:] == ["5", "50.0", "72.5", "yes"]
    response = client.get(url(scene["curriculum"], "format=csv&table=tiers"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Kuis modul 1", "Untracked", "1", "75.0"] in rows
    for table in ("tiers", "trainers"):
        response = client.get(url(scene["curriculum"], f"format=xlsx&table={table}"))
        assert response.status_code == 200 and response["Content-Type"] == XLSX


# Fixed number of queries


def populate(curriculum, trainers: int, per_trainer: int, quizzes: int = 1):
    course = course_factories.course(parent=curriculum, modules=quizzes, lessons_per_module=1)
    quiz_pages = course_factories.quizzes(course)
    for t in range(trainers):
        trainer = factories.user(role=Role.TRAINER)
        people = [factories.user() for _ in range(per_trainer)]
        for person in people:
            build.edge(trainee=person, trainer=trainer, curriculum=curriculum)
        for quiz in quiz_pages:
            build.bulk_attempts(people, quiz, score=50 + 10 * (t % 5))


# Session, user, roles, curricula, quizzes, grouped averages, trainers' names.
FIDELITY_QUERIES = 7


def test_query_count_is_fixed_for_small_and_large_data(client, programme_admin):
    small = course_factories.curriculum("Kecil")
    large = course_factories.curriculum("Besar")
    populate(small, trainers=1, per_trainer=2)
    populate(large, trainers=30, per_trainer=10, quizzes=3)
    client.force_login(programme_admin)
    counts = []
    for curriculum in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(curriculum))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts == [FIDELITY_QUERIES, FIDELITY_QUERIES]
