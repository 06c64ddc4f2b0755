"""What libraries bring to share: achievements, impact stories, obstacles and solutions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class Story(ClusterableModel):
    """A submission (cerita): draft -> submitted -> accepted or returned, reviewed by the
    library's district mentor; accepted ones can be scheduled into a session."""

    class Kind(models.TextChoices):
        ACHIEVEMENT = "achievement", _("Achievement (capaian)")
        IMPACT = "impact", _("Impact story (cerita dampak)")
        OBSTACLE = "obstacle", _("Obstacle and solution (hambatan & solusi)")

    class Theme(models.TextChoices):
        COMMUNITY = "community", _("Community engagement")
        ICT = "ict", _("Computer and internet services")
        ADVOCACY = "advocacy", _("Advocacy")
        SERVICE = "service", _("Service excellence")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted for presentation")

    meeting = models.ForeignKey(
        "peer_learning.MeetingPage",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="stories",
    )
    library = models.ForeignKey(
        "lms.Library",
        verbose_name=_("library"),
        on_delete=models.PROTECT,
        related_name="plm_stories",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plm_stories"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    theme = models.CharField(_("theme"), max_length=12, choices=Theme.choices)
    # A curriculum page when the courses app is installed (peer_learning never imports it).
    curriculum = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("curriculum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("story"))
    solution = models.TextField(
        _("solution"), blank=True, help_text=_("For an obstacle: how it was solved, step by step.")
    )
    beneficiaries_female = models.PositiveIntegerField(_("beneficiaries (women)"), default=0)
    beneficiaries_male = models.PositiveIntegerField(_("beneficiaries (men)"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    session = models.ForeignKey(
        "peer_learning.AgendaSession",
        verbose_name=_("presented in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            models.Index(fields=["meeting", "status"]),
            models.Index(fields=["kind", "status", "theme"]),
        ]

    def __str__(self):
        return self.title

    @property
    def beneficiaries(self) -> int:
        return self.beneficiaries_female + self.beneficiaries_male


class StoryPhoto(Orderable):
    story = ParentalKey(Story, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)
