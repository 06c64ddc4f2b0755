"""Issuing certificates: automatically from the apps' events, or by an admin, one or many."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.achievements import Achievement, AchievementKind, achievement_kinds
from lms.models import StaffProfile

from .. import codes
from ..models import Batch, Certificate, KindRule

logger = logging.getLogger(__name__)

NO_RULE = _("No certificate template is set for “%(kind)s”. Add a certificate rule first.")
UNKNOWN_KIND = _("This kind of achievement is not offered by any installed app.")


class IssueError(Exception):
    pass


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    # False when the person already held a valid certificate for this achievement.
    created: bool


def kind_for(key: str) -> AchievementKind:
    kind = achievement_kinds().get(key)
    if kind is None:
        raise IssueError(UNKNOWN_KIND)
    return kind


def rule_for(kind: str) -> KindRule:
    rule = KindRule.objects.select_related("template").filter(kind=kind).first()
    if rule is None:
        label = achievement_kinds().get(kind)
        raise IssueError(NO_RULE % {"kind": label.label if label else kind})
    return rule


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _new_certificate(
    *, achievement: Achievement, kind: str, rule: KindRule, profile, issued_by, today: date
) -> Certificate:
    user = achievement.user
    library = profile.library if profile else None
    return Certificate(
        code=codes.new_code(),
        recipient=user,
        kind=kind,
        subject_type=ContentType.objects.get_for_model(
            achievement.subject, for_concrete_model=False
        ),
        subject_id=achievement.subject.pk,
        recipient_name=(user.get_full_name() or user.get_username()).strip(),
        achievement_title=achievement.title,
        library_name=library.name if library else "",
        regency_name=library.regency.name if library else "",
        hours=achievement.hours,
        achieved_on=achievement.achieved_on,
        template=rule.template,
        issued_on=today,
        expires_on=_add_months(today, rule.valid_for_months) if rule.valid_for_months else None,
        issued_by=issued_by,
    )


def _profiles(user_ids: Iterable[int]) -> dict[int, StaffProfile]:
    return {
        p.user_id: p
        for p in StaffProfile.objects.select_related("library__regency").filter(
            user_id__in=user_ids
        )
    }


def _existing_valid(achievements: list[Achievement], kind: str) -> dict[tuple, Certificate]:
    if not achievements:
        return {}
    subject = achievements[0].subject
    subject_type = ContentType.objects.get_for_model(subject, for_concrete_model=False)
    rows = Certificate.objects.select_for_update(of=("self",)).filter(
        kind=kind,
        status=Certificate.Status.VALID,
        subject_type=subject_type,
        subject_id__in={a.subject.pk for a in achievements},
        recipient_id__in={a.user.pk for a in achievements},
    )
    return {(c.recipient_id, c.subject_id): c for c in rows}


def _issue_locked(
    achievements: list[Achievement], *, kind: str, rule: KindRule, issued_by
) -> list[Issued]:
    """Creates what is missing; a later achievement supersedes an earlier certificate."""
    today = timezone.localdate()
    existing = _existing_valid(achievements, kind)
    profiles = _profiles(a.user.pk for a in achievements)
    results = []
    for achievement in achievements:
        old = existing.get((achievement.user.pk, achievement.subject.pk))
        if old is not None and old.achieved_on >= achievement.achieved_on:
            results.append(Issued(old, created=False))
            continue
        if old is not None:
            old.status = Certificate.Status.SUPERSEDED
            old.save(update_fields=["status"])
        certificate = _new_certificate(
            achievement=achievement,
            kind=kind,
            rule=rule,
            profile=profiles.get(achievement.user.pk),
            issued_by=issued_by,
            today=today,
        )
        certificate.save()
        if old is not None:
            old.superseded_by = certificate
            old.save(update_fields=["superseded_by"])
        existing[(achievement.user.pk, achievement.subject.pk)] = certificate
        results.append(Issued(certificate, created=True))
    return results


def certificate_issue(*, achievement: Achievement, kind: str, issued_by=None) -> Issued:
    """Issues one certificate and renders it after commit. Issuing the same achievement
    twice returns the certificate already issued; a later achievement (completed again)
    supersedes the earlier certificate with a new one."""
    rule = rule_for(kind)
    try:
        with transaction.atomic():
            (issued,) = _issue_locked([achievement], kind=kind, rule=rule, issued_by=issued_by)
    except IntegrityError:
        # A simultaneous request issued it first: the unique constraint kept one.
        existing = Certificate.objects.get(
            recipient=achievement.user,
            kind=kind,
            subject_id=achievement.subject.pk,
            subject_type=ContentType.objects.get_for_model(
                achievement.subject, for_concrete_model=False
            ),
            status=Certificate.Status.VALID,
        )
        return Issued(existing, created=False)
    if issued.created:
        from ..tasks import render_certificate

        pk = issued.certificate.pk
        transaction.on_commit(lambda: render_certificate.enqueue(pk))
    return issued


@transaction.atomic
def certificates_issue_many(
    *, achievements: list[Achievement], kind: str, issued_by=None, title: str = ""
) -> Batch:
    """Issues a whole list at once (all or nothing) and renders the PDFs in one
    background batch whose progress the admin can follow."""
    rule = rule_for(kind)
    results = _issue_locked(achievements, kind=kind, rule=rule, issued_by=issued_by)
    created = [r.certificate for r in results if r.created]
    batch = Batch.objects.create(
        title=title or str(_("Issue: %(kind)s") % {"kind": kind_for(kind).label}),
        requested_by=issued_by,
        total=len(created),
        status=Batch.Status.QUEUED if created else Batch.Status.FINISHED,
        finished_at=None if created else timezone.now(),
    )
    batch.certificates.set(created)
    if created:
        from ..tasks import render_batch

        transaction.on_commit(lambda: render_batch.enqueue(batch.pk))
    return batch


def issue_from_event(signal, **kwargs) -> list[Issued]:
    """Receiver body for every cross-app event: issues what the event earned, for each
    kind registered on that signal whose rule says "automatically"."""
    issued = []
    for kind in achievement_kinds().values():
        if kind.signal is not signal:
            continue
        rule = KindRule.objects.filter(kind=kind.key, automatic=True).first()
        if rule is None:
            continue
        achievement = kind.from_signal(**kwargs)
        if achievement is None:
            continue
        issued.append(certificate_issue(achievement=achievement, kind=kind.key))
    return issued
