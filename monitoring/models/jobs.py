"""Background work of monitoring, with the progress its page shows: refreshing the
summary table and making the PDF reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import Province, Regency


class Job(models.Model):
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
