"""The summary tables the dashboards read: every app's counts per regency and month, and
the same rolled up per province and for the whole programme."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import Province, Regency


class Cell(models.Model):
    """How many events of `metric` (see lms.figures) fell in a month for one key, library
    kind, gender and age group. Written only by monitoring.services.summary."""

    month = models.DateField()
    metric = models.CharField(max_length=40)
    key = models.CharField(max_length=40, blank=True)
    library_kind = models.CharField(max_length=12, blank=True)
    gender = models.CharField(max_length=6, blank=True)
    age_group = models.CharField(max_length=5, blank=True)
    value = models.IntegerField()

    class Meta:
        abstract = True


class Figure(Cell):
    """A cell of one regency, redone whole from the apps' counts by each refresh."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    regency = models.ForeignKey(Regency, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["month", "metric"], name="figure_month_metric"),
            models.Index(fields=["province", "month"], name="figure_province_month"),
            models.Index(fields=["regency", "month"], name="figure_regency_month"),
        ]


class ProvinceFigure(Cell):
    """Figure summed over each province's regencies, for the programme's table of
    provinces (at national scale a quarter of the rows of Figure)."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["month", "metric"], name="province_figure_month_metric"),
        ]


class ProgrammeFigure(Cell):
    """Figure summed over the whole programme, for its totals, trend and tables by kind,
    gender and age (at national scale one seventieth of the rows of Figure)."""

    class Meta:
        indexes = [
            models.Index(fields=["month", "metric"], name="programme_figure_month_metric"),
        ]


class RegencyFreshness(models.Model):
    """When a regency's cells were last redone, and whether something changed since."""

    regency = models.OneToOneField(Regency, on_delete=models.CASCADE, related_name="+")
    refreshed_at = models.DateTimeField(null=True, blank=True)
    stale = models.BooleanField(default=True)
    # When it was last marked stale: a refresh that began later leaves it fresh.
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("figure freshness")
