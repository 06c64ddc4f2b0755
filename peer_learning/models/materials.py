"""A meeting's generated materials (PDFs and the ZIP package), each made by a background task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialJob(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        PARTICIPANTS = "participants", _("Participant list")
        ATTENDANCE = "attendance", _("Attendance sheets")
        BADGES = "badges", _("Name badges")
        STORY_BOOK = "story_book", _("Story book")
        CERTIFICATES = "certificates", _("Certificates of attendance")
        PACKAGE = "package", _("Materials package (ZIP)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey(
        "peer_learning.MeetingPage", on_delete=models.CASCADE, related_name="material_jobs"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="plm/materials/%Y/", blank=True)
    error = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["meeting", "kind", "-created_at"])]

    @property
    def percent(self) -> int:
        if self.status == self.Status.FINISHED:
            return 100
        return round(100 * self.done / self.total) if self.total else 0
