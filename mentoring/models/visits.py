"""Mentoring (pendampingan): who mentors whom, visits, and their follow-up actions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase

ASSIGNMENT_NEEDS_ONE_TARGET = _("Assign either a library or a person, not both and not neither.")
ASSIGNMENT_ENDS_BEFORE_START = _("An assignment cannot end before it starts.")


class MentorAssignment(models.Model):
    """A mentor is responsible for a village library (all its staff) or one person."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_assignments"
    )
    library = models.ForeignKey(
        "lms.Library",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentor_assignments",
        verbose_name=_("library"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentored_by_assignments",
        verbose_name=_("person"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring assignment")
        constraints = [
            models.CheckConstraint(
                condition=(Q(library__isnull=False) & Q(mentee__isnull=True))
                | (Q(library__isnull=True) & Q(mentee__isnull=False)),
                name="assignment_has_one_target",
            )
        ]
        indexes = [models.Index(fields=["mentor", "ends_on"], name="assignment_mentor")]

    def clean(self):
        super().clean()
        if (self.library_id is None) == (self.mentee_id is None):
            raise ValidationError(ASSIGNMENT_NEEDS_ONE_TARGET)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": ASSIGNMENT_ENDS_BEFORE_START})


class VisitTopic(TaggedItemBase):
    content_object = ParentalKey("mentoring.Visit", on_delete=models.CASCADE, related_name="tagged")


class Visit(ClusterableModel):
    class Mode(models.TextChoices):
        VISIT = "visit", _("Visit")
        ONLINE = "online", _("Online")
        PHONE = "phone", _("Phone")

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_visits"
    )
    library = models.ForeignKey(
        "lms.Library",
        on_delete=models.PROTECT,
        related_name="mentoring_visits",
        verbose_name=_("library"),
    )
    visited_on = models.DateField(_("date"))
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.VISIT)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="mentoring_visits_attended",
        verbose_name=_("attendees"),
    )
    topics = ClusterTaggableManager(through=VisitTopic, blank=True, verbose_name=_("topics"))
    notes = models.TextField(_("notes"), blank=True)
    next_visit_on = models.DateField(_("next visit due"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring visit")
        ordering = ["-visited_on", "-pk"]
        indexes = [
            models.Index(fields=["mentor", "visited_on"], name="visit_mentor_date"),
            models.Index(fields=["library", "visited_on"], name="visit_library_date"),
        ]

    def __str__(self):
        return f"{self.library} · {self.visited_on}"


class FollowUp(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up action")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="followup_status_due")]

    def __str__(self):
        return self.action
