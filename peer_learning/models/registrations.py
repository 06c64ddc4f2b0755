"""Who comes to a meeting (nominated by their library or its mentor) and who came, per day."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "peserta", _("Participant")
        SPEAKER = "narasumber", _("Speaker (narasumber)")
        COMMITTEE = "panitia", _("Committee (panitia)")
        FACILITATOR = "fasilitator", _("Facilitator")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        "peer_learning.MeetingPage", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plm_registrations"
    )
    # The library the person came for, kept as at registration.
    library = models.ForeignKey(
        "lms.Library", on_delete=models.PROTECT, related_name="plm_registrations"
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REGISTERED
    )
    # The personal check-in code printed as a QR on the badge.
    code = models.CharField(_("check-in code"), max_length=16, unique=True, editable=False)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The waiting list moves up in this order.
    queued_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="plm_one_registration_each")
        ]
        indexes = [models.Index(fields=["meeting", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} @ {self.meeting_id}"


class CheckIn(models.Model):
    class Method(models.TextChoices):
        SCAN = "scan", _("QR scan")
        CODE = "code", _("Typed code")
        MANUAL = "manual", _("Manual (from the list)")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="checkins"
    )
    day = models.DateField(_("day"))
    method = models.CharField(max_length=8, choices=Method.choices)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="plm_one_checkin_per_day")
        ]
