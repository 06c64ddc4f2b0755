"""The curriculum tree as Wagtail pages: catalogue > curriculum > course > module > lesson/quiz.

Each page hands its requests to a view function in `courses.views` (see ServedByView),
where the learner-facing logic (permissions, progress, forms) lives.
"""

from importlib import import_module

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..blocks import LessonStreamBlock, QuestionStreamBlock


class ServedByView:
    """Serves a page, and its admin preview, through `courses.views.<module>.<function>`.

    Wagtail's preview renders only the template; going through the view gives trainers
    the page as learners see it (the view disables forms and records nothing in preview).
    """

    view = ""

    def serve(self, request, *args, **kwargs):
        module_name, function = self.view.split(".")
        return getattr(import_module(f"courses.views.{module_name}"), function)(self, request)

    def serve_preview(self, request, mode_name):
        return self.serve(request)

    def get_view_restrictions(self):
        """Wagtail's privacy check in one query instead of two: restrictions on this page or
        an ancestor, or on a page one of them is an alias of."""
        ancestors = Page.objects.ancestor_of(self, inclusive=True)
        aliased = ancestors.filter(alias_of__isnull=False).values("alias_of_id")
        return PageViewRestriction.objects.filter(
            Q(page__in=ancestors.values("pk")) | Q(page_id__in=aliased)
        )


class CatalogPage(ServedByView, Page):
    """The course catalogue, filterable and searchable; one per site."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.CurriculumPage"]
    max_count = 1
    template = "courses/catalog_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    view = "catalog.serve_catalog"

    def route(self, request, path_components):
        """Finds a page below the catalogue by its URL path, in one query for the page
        types its depth allows (lessons first, the pages learners open most). Wagtail's
        own routing takes two queries per level, eight for a lesson four levels down."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            below = {"url_path": url_path, "path__startswith": self.path}
            for model in _PAGE_TYPES_AT_LEVEL.get(len(path_components), ()):
                page = model.objects.filter(**below).first()
                if page is not None:
                    return page.route(request, [])
            page = Page.objects.filter(**below).first()  # a page of another type
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)


class CurriculumPage(ServedByView, Page):
    """A training programme such as IT & information literacy; trainers get one to author."""

    summary = models.TextField(_("summary"), max_length=500)
    description = RichTextField(_("description"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.CoursePage"]
    template = "courses/curriculum_page.html"

    class Meta:
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")

    view = "catalog.serve_curriculum"


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CoursePage(ServedByView, Page):
    class Tier(models.TextChoices):
        REGENCY = "regency", _("Kabupaten/kota library staff")
        VILLAGE = "village", _("Village library and TBM staff")

    summary = models.TextField(_("summary"), max_length=500)
    description = RichTextField(_("description"), blank=True)
    tier = models.CharField(_("audience"), max_length=10, choices=Tier.choices)
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        default=1,
    )
    tags = ClusterTaggableManager(
        through=CourseTag,
        blank=True,
        verbose_name=_("topics and competencies"),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses a learner must complete before she can enrol in this one."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tier"), FieldPanel("estimated_hours")]),
                FieldPanel("tags"),
                FieldPanel("prerequisites"),
            ],
            heading=_("For whom"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("tier"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["courses.CurriculumPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    view = "learning.serve_course"


class ModulePage(ServedByView, Page):
    """An ordered part of a course (the page tree keeps the order trainers give it)."""

    summary = models.TextField(_("summary"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")

    view = "learning.serve_module"


class LessonPage(ServedByView, Page):
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("minutes to read"), default=15)

    content_panels = [*Page.content_panels, FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    @property
    def practice_tasks(self):
        return [block for block in self.body if block.block_type == "practice_task"]

    view = "learning.serve_lesson"


class QuizPage(ServedByView, Page):
    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means no limit.")
    )
    shuffle_questions = models.BooleanField(_("shuffle the questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle the options"), default=False)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/quiz_page.html"
    # Trainers preview the quiz as a learner sees it, and with its answer key.
    preview_modes = [("", _("As a learner sees it")), ("answers", _("With the answer key"))]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    view = "quiz.serve_quiz"

    def serve_preview(self, request, mode_name):
        from ..views import quiz

        # "answers" shows the answer key to the trainer; a learner never gets this view.
        return quiz.serve_quiz_preview(self, request, mode_name)


# What each level below the catalogue holds (see parent_page_types), for its routing.
_PAGE_TYPES_AT_LEVEL = {
    1: (CurriculumPage,),
    2: (CoursePage,),
    3: (ModulePage,),
    4: (LessonPage, QuizPage),
}
