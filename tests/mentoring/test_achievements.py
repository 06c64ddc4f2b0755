"""What the mentoring app certifies: finished cohorts and steps up the trainer progression."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lms import signals
from lms.achievements import achievement_kinds
from lms.roles import Role
from mentoring.achievements import COHORT_FINISHED, TRAINER_PROMOTED, cohort_can_manage
from mentoring.models import Level, Progression
from mentoring.services.cohorts import cohort_finish
from mentoring.services.progression import promotion_grant
from tests.courses import factories as course_factories
from tests.lms import factories
from tests.mentoring import builders
from tests.mentoring import lineage_builders as build

pytestmark = pytest.mark.django_db

needs_certificates = pytest.mark.skipif(
    not apps.is_installed("certificates"), reason="the certificates app is not installed"
)


def rule_for(kind: str):
    """A certificate rule for `kind` with a template (certificates installed only)."""
    from certificates.models import CertificateTemplate, KindRule, Signatory

    template = CertificateTemplate(
        name=f"Sertifikat {kind}", title="Sertifikat", body="Diberikan kepada {name}."
    )
    template.signatories = [Signatory(name="Dra. Woro Titi Haryanti, M.A.", position="Deputi")]
    template.save()
    return KindRule.objects.create(kind=kind, template=template)


def certificates(kind: str):
    from certificates.models import Certificate

    return Certificate.objects.filter(kind=kind).order_by("pk")


def finished_cohort():
    """A cohort of three where two attended and completed the course."""
    setup = builders.cohort(participants=3, sessions=2)
    done_1, done_2, _absent = setup.participants
    setup.attend([done_1, done_2])
    builders.complete_course(done_1, setup.course)
    builders.complete_course(done_2, setup.course)
    return setup, [done_1, done_2]


def test_both_kinds_are_offered():
    kinds = achievement_kinds()
    assert {COHORT_FINISHED, TRAINER_PROMOTED} <= set(kinds)
    assert kinds[TRAINER_PROMOTED].is_facilitator
    assert not kinds[COHORT_FINISHED].is_facilitator


# Finishing a cohort


@needs_certificates
def test_finishing_a_cohort_issues_one_certificate_per_finished_participant(
    django_capture_on_commit_callbacks,
):
    rule_for(COHORT_FINISHED)
    setup, done = finished_cohort()

    with django_capture_on_commit_callbacks(execute=True):
        cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_finish(cohort=setup.cohort, finished_by=setup.lead)  # again: harmless

    issued = list(certificates(COHORT_FINISHED))
    assert sorted(c.recipient_id for c in issued) == sorted(u.pk for u in done)
    for certificate in issued:
        assert certificate.subject == setup.cohort
        assert certificate.achievement_title == f"{setup.course.title} — {setup.cohort.name}"
        assert certificate.hours == setup.course.estimated_hours
        assert certificate.achieved_on == timezone.localdate()


def test_the_cohort_kind_describes_and_lists_who_finished():
    setup, done = finished_cohort()
    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    kind = achievement_kinds()[COHORT_FINISHED]

    assert sorted(a.user.pk for a in kind.earned(setup.cohort)) == sorted(u.pk for u in done)
    assert kind.describe(done[0], setup.cohort).subject == setup.cohort
    absent = setup.participants[2]
    assert kind.describe(absent, setup.cohort) is None
    assert setup.cohort in kind.subjects()


def test_who_manages_a_cohorts_certificates():
    setup, _done = finished_cohort()
    regency_mentor = builders.person(role=Role.MENTOR, library=setup.regency_library)
    other_regency = factories.library(kind="regency")
    mentor_elsewhere = builders.person(role=Role.MENTOR, library=other_regency)
    admin = factories.user(role=Role.PROGRAMME_ADMIN)

    assert cohort_can_manage(setup.lead, setup.cohort)
    assert cohort_can_manage(setup.co, setup.cohort)
    assert cohort_can_manage(regency_mentor, setup.cohort)
    assert cohort_can_manage(admin, setup.cohort)
    assert not cohort_can_manage(setup.participants[0], setup.cohort)
    assert not cohort_can_manage(mentor_elsewhere, setup.cohort)


@needs_certificates
def test_the_cohort_page_offers_the_zip_once_someone_finished(client):
    setup, _done = finished_cohort()
    client.force_login(setup.lead)
    url = reverse("mentoring:cohort_detail", args=[setup.cohort.pk])
    assert b'id="certificates-zip"' not in client.get(url).content

    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)

    body = client.get(url).content.decode()
    assert 'id="certificates-zip"' in body
    assert f"/sertifikat/paket/{COHORT_FINISHED}/" in body


# Steps up the trainer progression


@pytest.fixture
def trained():
    """Sari, trained in a curriculum by two trainers, a graduate of it."""
    curriculum = course_factories.curriculum(title="Pelibatan Masyarakat")
    first = builders.facilitator(curriculum, first_name="Tari")
    second = builders.facilitator(curriculum, first_name="Budi")
    person = builders.person(curriculum=curriculum, level=Level.GRADUATE, first_name="Sari")
    today = timezone.localdate()
    build.edge(trainee=person, trainer=second, curriculum=curriculum, trained_on=today)
    build.edge(
        trainee=person, trainer=first, curriculum=curriculum, trained_on=today - timedelta(1)
    )
    return curriculum, person, [first, second]


def test_the_promotion_kind_names_the_trainers_earliest_first(trained):
    curriculum, person, trainers = trained
    kind = achievement_kinds()[TRAINER_PROMOTED]
    assert kind.trained_by(person, curriculum) == trainers
    assert kind.trained_by(trainers[0], curriculum) == []


def test_a_promotion_is_described_from_the_progression(trained):
    curriculum, person, trainers = trained
    kind = achievement_kinds()[TRAINER_PROMOTED]
    # A graduate holds no trainer certificate; a mentor does.
    assert kind.describe(person, curriculum) is None
    promotion_grant(
        user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=trainers[0]
    )
    achievement = kind.describe(person, curriculum)
    with translation.override(settings.LANGUAGE_CODE):
        assert achievement.title == f"{Level.MENTOR.label} — Pelibatan Masyarakat"
    assert achievement.subject == curriculum
    # Everyone at mentor level or above has earned it: Sari and her two trainers.
    assert {a.user for a in kind.earned(curriculum)} == {person, *trainers}


@needs_certificates
def test_a_promotion_issues_a_facilitator_certificate_and_a_higher_one_supersedes_it(
    trained, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate

    curriculum, person, trainers = trained
    rule_for(TRAINER_PROMOTED)

    with django_capture_on_commit_callbacks(execute=True):
        promotion_grant(
            user=person, curriculum=curriculum, to_level=Level.MENTOR, approved_by=trainers[0]
        )
    (mentor_certificate,) = certificates(TRAINER_PROMOTED)
    assert mentor_certificate.recipient == person
    assert mentor_certificate.subject == curriculum

    # Later she becomes a facilitator (the event the progression service sends).
    Progression.objects.filter(user=person, curriculum=curriculum).update(level=Level.FACILITATOR)
    with django_capture_on_commit_callbacks(execute=True):
        signals.trainer_promoted.send(
            sender=None,
            user=person,
            curriculum=curriculum,
            level=Level.FACILITATOR,
            approved_by=trainers[0],
            promoted_at=timezone.now() + timedelta(days=1),
        )

    old, new = certificates(TRAINER_PROMOTED)
    assert old.pk == mentor_certificate.pk
    assert old.status == Certificate.Status.SUPERSEDED
    assert old.superseded_by == new
    with translation.override(settings.LANGUAGE_CODE):
        assert new.achievement_title == f"{Level.FACILITATOR.label} — Pelibatan Masyarakat"


@needs_certificates
def test_becoming_a_graduate_gives_no_trainer_certificate(
    trained, django_capture_on_commit_callbacks
):
    curriculum, person, trainers = trained
    rule_for(TRAINER_PROMOTED)
    with django_capture_on_commit_callbacks(execute=True):
        signals.trainer_promoted.send(
            sender=None,
            user=person,
            curriculum=curriculum,
            level=Level.GRADUATE,
            approved_by=trainers[0],
            promoted_at=timezone.now(),
        )
    assert not certificates(TRAINER_PROMOTED).exists()
