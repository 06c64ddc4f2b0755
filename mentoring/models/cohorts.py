"""Training cohorts (angkatan): a run of a course with facilitators, sessions and attendance."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .lineage import Tier

COHORT_ENDS_BEFORE_START = _("A cohort cannot end before it starts.")


class Cohort(models.Model):
    class Mode(models.TextChoices):
        FACE_TO_FACE = "face_to_face", _("Face to face")
        BLENDED = "blended", _("Blended")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Angkatan 3 Lumajang"))
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("course"),
    )
    host_library = models.ForeignKey(
        "lms.Library",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("host library"),
    )
    tier = models.CharField(
        _("participants' tier"), max_length=10, choices=Tier.choices, default=Tier.VILLAGE
    )
    mode = models.CharField(
        _("mode"), max_length=12, choices=Mode.choices, default=Mode.FACE_TO_FACE
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        ordering = ["-starts_on", "name"]
        indexes = [models.Index(fields=["host_library", "starts_on"], name="cohort_library")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": COHORT_ENDS_BEFORE_START})


class CohortFacilitator(models.Model):
    """A facilitator of a cohort; a co-facilitator's run counts towards her promotion once
    her own mentor or trainer signs it off."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead facilitator")
        CO = "co", _("Co-facilitator")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cohorts_facilitated"
    )
    role = models.CharField(max_length=4, choices=Role.choices, default=Role.LEAD)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("cohort facilitator")
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="facilitates_once")]


class CohortSession(models.Model):
    """One day of a cohort; attendance is taken per session."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("session")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "date"], name="one_session_per_day")
        ]

    def __str__(self):
        return f"{self.cohort} · {self.date}"


class CohortParticipant(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    # Set once when attendance and the course are both complete.
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="participates_once")]


class Attendance(models.Model):
    """Presence of a participant at a session; absence is the lack of a row."""

    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_attendance"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attends_once")]
