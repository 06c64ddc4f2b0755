"""The summary table the dashboards read: every app's counts per regency and month."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import Province, Regency


class Figure(models.Model):
    """One cell of the summary: how many events of `metric` (see lms.figures) fell in a
    regency and month for one key, library kind, gender and age group. Written only by
    monitoring.services.summary, which redoes a regency's cells from the apps' counts."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    regency = models.ForeignKey(Regency, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    metric = models.CharField(max_length=40)
    key = models.CharField(max_length=40, blank=True)
    library_kind = models.CharField(max_length=12, blank=True)
    gender = models.CharField(max_length=6, blank=True)
    age_group = models.CharField(max_length=5, blank=True)
    value = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["month", "metric"], name="figure_month_metric"),
            models.Index(fields=["province", "month"], name="figure_province_month"),
            models.Index(fields=["regency", "month"], name="figure_regency_month"),
        ]


class RegencyFreshness(models.Model):
    """When a regency's cells were last redone, and whether something changed since."""

    regency = models.OneToOneField(Regency, on_delete=models.CASCADE, related_name="+")
    refreshed_at = models.DateTimeField(null=True, blank=True)
    stale = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("figure freshness")
