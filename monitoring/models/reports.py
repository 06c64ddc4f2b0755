"""What a library reports each month: visits, computer and internet use, activities held,
ICT inventory changes and impact records, and the targets they are scored against."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import Library, StaffProfile


class LibraryReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="monitoring_reports",
        verbose_name=_("library"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month reported on."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    computer_users = models.PositiveIntegerField(_("computer users"), default=0)
    internet_users = models.PositiveIntegerField(_("internet users"), default=0)
    computers_added = models.PositiveSmallIntegerField(_("computers added"), default=0)
    computers_removed = models.PositiveSmallIntegerField(_("computers out of use"), default=0)
    inventory_note = models.CharField(_("ICT inventory changes"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-month", "library__name"]
        verbose_name = _("library report")
        verbose_name_plural = _("library reports")
        constraints = [
            models.UniqueConstraint(fields=["library", "month"], name="library_report_month")
        ]
        indexes = [models.Index(fields=["month", "status"], name="library_report_status")]

    def __str__(self):
        return f"{self.library} · {self.month:%Y-%m}"


class ReportActivity(models.Model):
    """An activity the library held in the month (a training, a socialisation, a class)."""

    report = models.ForeignKey(LibraryReport, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=200)
    held_on = models.DateField(_("date"))
    participants_female = models.PositiveIntegerField(_("women taking part"), default=0)
    participants_male = models.PositiveIntegerField(_("men taking part"), default=0)

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    @property
    def participants(self) -> int:
        return self.participants_female + self.participants_male


class ImpactRecord(models.Model):
    """Something that changed in a person's life through the library, with their story."""

    class Kind(models.TextChoices):
        JOB = "job", _("Got a job")
        INCOME = "income", _("Raised their income")
        BUSINESS_STARTED = "business_started", _("Started a business")
        BUSINESS_GROWN = "business_grown", _("Grew a business")
        EDUCATION = "education", _("Education achievement")
        OTHER = "other", _("Other")

    report = models.ForeignKey(LibraryReport, on_delete=models.CASCADE, related_name="impacts")
    kind = models.CharField(_("kind of impact"), max_length=16, choices=Kind.choices)
    person_name = models.CharField(_("name (or initials)"), max_length=120, blank=True)
    gender = models.CharField(
        _("gender"), max_length=6, choices=StaffProfile.Gender.choices, blank=True
    )
    story = models.TextField(_("short story"), max_length=1500)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("impact record")
        verbose_name_plural = _("impact records")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.person_name}"


class ReportTarget(models.Model):
    """A monthly target for one measure and kind of library, set by the programme admin.
    A report meeting the target is green, one at `yellow_from` percent of it or more is
    yellow, one below is red."""

    class Measure(models.TextChoices):
        VISITORS = "visitors", _("Visitors")
        COMPUTER_USERS = "computer_users", _("Computer users")
        INTERNET_USERS = "internet_users", _("Internet users")
        ACTIVITIES = "activities", _("Activities held")
        PARTICIPANTS = "participants", _("Activity participants")
        IMPACTS = "impacts", _("Impact records")

    library_kind = models.CharField(
        _("kind of library"), max_length=12, choices=Library.Kind.choices
    )
    measure = models.CharField(_("measure"), max_length=16, choices=Measure.choices)
    target = models.PositiveIntegerField(_("monthly target"), validators=[MinValueValidator(1)])
    yellow_from = models.PositiveSmallIntegerField(
        _("yellow from (% of target)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Below the target but at least this share of it scores yellow."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["library_kind", "measure"]
        verbose_name = _("report target")
        verbose_name_plural = _("report targets")
        constraints = [
            models.UniqueConstraint(fields=["library_kind", "measure"], name="report_target_unique")
        ]

    def __str__(self):
        return f"{self.get_library_kind_display()} · {self.get_measure_display()}: {self.target}"
