"""After issuing: revoking, reissuing, expiring and reminding holders to renew."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from lms.roles import GROUP_NAMES, Role

from .. import codes
from ..models import Certificate

REASON_REQUIRED = _("Write the reason for revoking: it is shown on the verification page.")
NOT_VALID = _("Only a valid certificate can be revoked or reissued.")
RENEWAL_WINDOW_DAYS = 60


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, revoked_by, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        return certificate  # revoking twice is harmless: the first reason stands
    if certificate.status != Certificate.Status.VALID:
        raise ValidationError(NOT_VALID)
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = revoked_by
    certificate.revoke_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, issued_by) -> Certificate:
    """A new certificate dated today for the same achievement (a renewal, or corrected
    details); the old one is marked superseded and points to the new code."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.superseded_by_id:
        return old.superseded_by
    if old.current_status not in (Certificate.Status.VALID, Certificate.Status.EXPIRED):
        raise ValidationError(NOT_VALID)
    old.status = Certificate.Status.SUPERSEDED
    old.save(update_fields=["status"])
    today = timezone.localdate()
    new = Certificate.objects.get(pk=old.pk)
    new.pk = None
    new.code = codes.new_code()
    new.issued_on = today
    if old.expires_on:
        new.expires_on = today + (old.expires_on - old.issued_on)
    new.issued_by = issued_by
    new.status = Certificate.Status.VALID
    new.pdf = ""
    new.sha256 = ""
    new.rendered_at = None
    new.render_attempts = 0
    new.render_error = ""
    new.reminded_at = None
    new.save()
    old.superseded_by = new
    old.save(update_fields=["superseded_by"])

    from ..tasks import render_certificate

    transaction.on_commit(lambda: render_certificate.enqueue(new.pk))
    return new


def certificates_expire(*, today=None) -> int:
    """Marks valid certificates past their expiry date as expired; returns how many."""
    today = today or timezone.localdate()
    return Certificate.objects.filter(status=Certificate.Status.VALID, expires_on__lt=today).update(
        status=Certificate.Status.EXPIRED
    )


def _mentors_of(recipient_ids: set[int]) -> dict[int, list]:
    """Each holder's mentors: the Pendamping staff of the library that mentors theirs."""
    User = get_user_model()
    mentors = (
        User.objects.filter(
            groups__name=GROUP_NAMES[Role.MENTOR],
            staff_profile__library__mentored_libraries__staff__user_id__in=recipient_ids,
        )
        .exclude(email="")
        .values_list("staff_profile__library__mentored_libraries__staff__user_id", "email")
        .distinct()
    )
    by_holder: dict[int, list] = {}
    for holder_id, email in mentors:
        by_holder.setdefault(holder_id, []).append(email)
    return by_holder


def certificates_send_reminders(*, certificates, base_url: str | None = None) -> int:
    """E-mails each holder (and their mentors) that a certificate expires soon. A holder
    already reminded is not reminded again, so pressing the button twice is harmless."""
    due = list(
        Certificate.objects.filter(
            pk__in=[c.pk for c in certificates],
            status=Certificate.Status.VALID,
            reminded_at__isnull=True,
        ).select_related("recipient")
    )
    if not due:
        return 0
    base_url = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    mentors = _mentors_of({c.recipient_id for c in due})
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for c in due:
            to = [c.recipient.email] if c.recipient.email else []
            to += mentors.get(c.recipient_id, [])
            if not to:
                continue
            subject = _t("Certificate %(code)s expires on %(date)s") % {
                "code": c.code,
                "date": c.expires_on.strftime("%d-%m-%Y"),
            }
            body = _t(
                "The certificate “%(title)s” of %(name)s expires on %(date)s.\n"
                "Complete the training again or ask a programme admin to renew it.\n\n"
                "Check the certificate: %(url)s"
            ) % {
                "title": c.achievement_title,
                "name": c.recipient_name,
                "date": c.expires_on.strftime("%d-%m-%Y"),
                "url": base_url + reverse("certificates:verify", args=[c.code]),
            }
            messages.append((subject, body, None, to))
    send_mass_mail(messages, fail_silently=False)
    Certificate.objects.filter(pk__in=[c.pk for c in due]).update(reminded_at=timezone.now())
    return len(messages)


def renewal_window_end(today=None):
    return (today or timezone.localdate()) + timedelta(days=RENEWAL_WINDOW_DAYS)
