"""Issuing: automatically from an app's event, once per achievement, and many at once.

The test kind listens to `meeting_attended` with a library as its "meeting", so these
tests need no other app.
"""

import itertools
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone

from certificates.models import Batch, Certificate
from certificates.services.issuing import IssueError, certificate_issue, certificates_issue_many
from lms import signals
from tests.lms import factories as people

from . import factories


def attend(user, library, on=date(2026, 5, 14)):
    signals.meeting_attended.send(
        sender=None, user=user, meeting=library, role="participant", attended_on=on
    )


def certificates_of(user):
    return list(Certificate.objects.filter(recipient=user).order_by("pk"))


def test_the_event_issues_one_certificate_with_its_pdf(
    kind_rule, learner, village_library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library)

    (certificate,) = certificates_of(learner)
    assert certificate.kind == factories.TEST_KIND
    assert certificate.subject == village_library
    assert certificate.status == Certificate.Status.VALID
    assert certificate.template == kind_rule.template
    assert certificate.issued_by is None  # automatic
    assert certificate.is_rendered
    with certificate.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_the_same_event_twice_still_gives_one_certificate(
    kind_rule, learner, village_library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library)
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library)
    assert len(certificates_of(learner)) == 1


def test_a_later_achievement_supersedes_the_earlier_certificate(
    kind_rule, learner, village_library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library, on=date(2025, 5, 14))
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library, on=date(2026, 5, 14))

    old, new = certificates_of(learner)
    assert old.status == Certificate.Status.SUPERSEDED
    assert old.superseded_by == new
    assert new.status == Certificate.Status.VALID
    assert new.achieved_on == date(2026, 5, 14)
    assert new.code != old.code


def test_an_earlier_date_does_not_replace_a_newer_certificate(
    kind_rule, learner, village_library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attend(learner, village_library, on=date(2026, 5, 14))
        attend(learner, village_library, on=date(2025, 1, 1))
    (certificate,) = certificates_of(learner)
    assert certificate.achieved_on == date(2026, 5, 14)


def test_without_a_rule_nothing_is_issued(learner, village_library):
    attend(learner, village_library)
    assert certificates_of(learner) == []


def test_a_rule_that_is_not_automatic_issues_nothing_from_events(
    certificate_template, learner, village_library
):
    factories.rule(template_=certificate_template, automatic=False)
    attend(learner, village_library)
    assert certificates_of(learner) == []


def test_issuing_by_hand_without_a_rule_is_refused_clearly(test_kind, learner, village_library):
    achievement = test_kind.describe(learner, village_library)
    with pytest.raises(IssueError):
        certificate_issue(achievement=achievement, kind=factories.TEST_KIND)
    assert certificates_of(learner) == []


def test_the_certificate_keeps_a_copy_of_what_it_certifies(
    certificate_template, learner, village_library, regency_library
):
    factories.rule(template_=certificate_template, valid_for_months=24)
    learner.first_name, learner.last_name = "Sri", "Wahyuni"
    learner.save()

    attend(learner, village_library)

    (certificate,) = certificates_of(learner)
    today = timezone.localdate()
    assert certificate.recipient_name == "Sri Wahyuni"
    assert certificate.achievement_title == f"Pelatihan TIK di {village_library.name}"
    assert certificate.library_name == "Perpustakaan Desa Tunas Bangsa"
    assert certificate.regency_name == village_library.regency.name
    assert certificate.hours == Decimal(12)
    assert certificate.achieved_on == date(2026, 5, 14)
    assert certificate.issued_on == today
    assert certificate.expires_on == today.replace(year=today.year + 2)

    # Renaming the library later does not change the certificate.
    village_library.name = "Perpustakaan Desa Baru"
    village_library.save()
    certificate.refresh_from_db()
    assert certificate.library_name == "Perpustakaan Desa Tunas Bangsa"


def test_issuing_many_makes_one_batch_that_renders_every_pdf(
    kind_rule, test_kind, village_library, programme_admin, django_capture_on_commit_callbacks
):
    holders = [people.user(library=village_library) for _ in range(3)]
    achievements = [test_kind.describe(user, village_library) for user in holders]

    with django_capture_on_commit_callbacks(execute=True):
        batch = certificates_issue_many(
            achievements=achievements, kind=factories.TEST_KIND, issued_by=programme_admin
        )

    batch.refresh_from_db()
    assert batch.total == 3
    assert batch.status == Batch.Status.FINISHED
    assert batch.done == 3
    certificates = list(batch.certificates.all())
    assert {c.recipient_id for c in certificates} == {u.pk for u in holders}
    assert all(c.is_rendered and c.issued_by == programme_admin for c in certificates)

    # Issuing the same list again creates nothing new.
    again = certificates_issue_many(achievements=achievements, kind=factories.TEST_KIND)
    assert again.total == 0
    assert Certificate.objects.filter(kind=factories.TEST_KIND).count() == 3


def test_issuing_many_is_all_or_nothing(kind_rule, test_kind, village_library, monkeypatch):
    holders = [people.user(library=village_library) for _ in range(3)]
    achievements = [test_kind.describe(user, village_library) for user in holders]
    # The third certificate collides with the second: the whole list must roll back.
    new_codes = itertools.chain(["SBY-AAAA-AAAA-AAAA"], itertools.repeat("SBY-BBBB-BBBB-BBBB"))
    monkeypatch.setattr("certificates.codes.new_code", lambda: next(new_codes))

    with pytest.raises(IntegrityError):
        certificates_issue_many(achievements=achievements, kind=factories.TEST_KIND)

    assert Certificate.objects.count() == 0
    assert Batch.objects.count() == 0
