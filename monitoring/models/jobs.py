"""Background work of monitoring, with the progress its page shows: refreshing the
summary table and making the PDF reports."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import Province, Regency


class Job(models.Model):
    # A job waiting or running for longer than this is taken to be lost (its worker
    # stopped): a new request starts a new job instead of returning it.
    LOST_AFTER = timedelta(hours=1)

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def percent(self) -> int:
        if self.status == self.Status.FINISHED:
            return 100
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def lost(self) -> bool:
        return (self.started_at or self.created_at) <= timezone.now() - self.LOST_AFTER

    def fail(self, error: str, seconds: float | None = None) -> None:
        self.status = self.Status.FAILED
        self.error = error
        self.seconds = seconds
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "error", "seconds", "finished_at"])


class RefreshJob(Job):
    """Redoing the summary of every regency (or only the stale ones)."""

    only_stale = models.BooleanField(default=False)

    class Meta(Job.Meta):
        verbose_name = _("figure refresh")


class ReportJob(Job):
    """A monthly PDF report: of one kabupaten/kota, one province, or the programme."""

    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    regency = models.ForeignKey(
        Regency, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField()
    language = models.CharField(max_length=10, blank=True)
    file = models.FileField(upload_to="monitoring/reports/%Y/", blank=True)

    class Meta(Job.Meta):
        verbose_name = _("monthly report")
        indexes = [models.Index(fields=["regency", "province", "month", "-created_at"])]
