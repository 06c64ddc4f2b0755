"""Meetings as Wagtail pages under one index, each with its day-by-day agenda."""

from importlib import import_module

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..forms.meeting import MeetingPageForm


class ServedByView:
    """Serves a page (and its admin preview) through `peer_learning.views.<module>.<fn>`."""

    view = ""

    def serve(self, request, *args, **kwargs):
        module_name, function = self.view.split(".")
        module = import_module(f"peer_learning.views.{module_name}")
        return getattr(module, function)(self, request)

    def serve_preview(self, request, mode_name):
        return self.serve(request)


class MeetingIndexPage(ServedByView, Page):
    """Every Peer Learning Meeting: upcoming ones first, then past ones."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["peer_learning.MeetingPage"]
    max_count = 1
    template = "peer_learning/meeting_index_page.html"
    view = "meetings.serve_index"

    class Meta:
        verbose_name = _("Peer Learning Meeting index")


class MeetingPage(ServedByView, Page):
    """One Peer Learning Meeting (Pertemuan Belajar Sebaya)."""

    class Level(models.TextChoices):
        REGENCY = "regency", _("Kabupaten/kota")
        PROVINCIAL = "provincial", _("Provincial / regional")
        NATIONAL = "national", _("National")

    theme = models.CharField(_("theme"), max_length=250)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=250)
    organiser = models.ForeignKey(
        "lms.Library",
        verbose_name=_("organising library"),
        on_delete=models.PROTECT,
        related_name="organised_meetings",
    )
    description = RichTextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        help_text=_("Places for participants; later nominations join a waiting list."),
    )
    library_quota = models.PositiveSmallIntegerField(
        _("places per library"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit per library."),
    )
    registration_opens = models.DateField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateField(_("registration closes"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("organiser")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("venue"),
            ],
            heading=_("Meeting"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("library_quota")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("sessions", label=_("Agenda")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("theme"), index.SearchField("venue")]
    parent_page_types = ["peer_learning.MeetingIndexPage"]
    subpage_types: list[str] = []
    template = "peer_learning/meeting_page.html"
    view = "meetings.serve_meeting"
    base_form_class = MeetingPageForm

    class Meta:
        verbose_name = _("Peer Learning Meeting")
        verbose_name_plural = _("Peer Learning Meetings")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot be before the first day.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes < self.registration_opens
        ):
            errors["registration_closes"] = _("Registration cannot close before it opens.")
        if self.registration_closes and self.ends_on and self.registration_closes > self.ends_on:
            errors["registration_closes"] = _("Registration must close by the last day.")
        if errors:
            raise ValidationError(errors)

    @property
    def days(self) -> list:
        from datetime import timedelta

        if not (self.starts_on and self.ends_on):
            return []
        return [
            self.starts_on + timedelta(days=i)
            for i in range((self.ends_on - self.starts_on).days + 1)
        ]


class AgendaSession(Orderable):
    """A session of the agenda; two sessions may not share a room at the same time."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        PLENARY = "plenary", _("Plenary")
        ACHIEVEMENTS = "achievements", _("Achievement presentations")
        IMPACT = "impact", _("Impact stories")
        OBSTACLES = "obstacles", _("Obstacles and solutions discussion")
        SHARING_CLASS = "sharing_class", _("Sharing class (kelas berbagi)")
        STALLS = "stalls", _("Product stalls (lapak)")
        AWARDS = "awards", _("Awards")
        FOLLOW_UP = "follow_up", _("Follow-up planning")

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts"))
    ends_at = models.TimeField(_("ends"))
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    room = models.CharField(_("room"), max_length=120, blank=True)
    speakers = models.CharField(
        _("speakers (narasumber)"),
        max_length=500,
        blank=True,
        help_text=_("Names, comma-separated."),
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("room"), FieldPanel("speakers")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["day", "starts_at", "sort_order"]
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")

    def __str__(self):
        return f"{self.day:%d-%m} {self.starts_at:%H:%M} {self.title}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
