"""The public course catalogue (filters, search, pages) and the curriculum pages."""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ..models import CoursePage, CourseTag, CurriculumPage, Enrollment

COURSES_PER_PAGE = 20


@dataclass
class CourseCard:
    """What a course card shows, gathered for a whole page of courses at once."""

    course: CoursePage
    url: str
    curriculum: CurriculumPage | None = None
    tags: list[Tag] = field(default_factory=list)
    enrollment: Enrollment | None = None


class CatalogFilterForm(forms.Form):
    """The catalogue's GET form; its field names are the Indonesian query parameters."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kurikulum = forms.TypedChoiceField(label=_("Curriculum"), required=False, coerce=int)
    tingkat = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("Everyone")), *CoursePage.Tier.choices],
    )
    tag = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, data, *, curricula: list[CurriculumPage], tags: list[Tag]):
        super().__init__(data)
        self.fields["kurikulum"].choices = [
            ("", _("All curricula")),
            *((c.pk, c.title) for c in curricula),
        ]
        self.fields["kurikulum"].empty_value = None
        self.fields["tag"].choices = [("", _("All topics")), *((t.slug, t.name) for t in tags)]

    def value(self, name: str):
        """The field's cleaned value, or empty when it was left out or is not valid."""
        return self.cleaned_data.get(name) or None


def _curriculum_of(course: CoursePage, curricula: dict[str, CurriculumPage]):
    return curricula.get(course.path[: (course.depth - 1) * CoursePage.steplen])


def course_cards(request, courses: list[CoursePage], *, curricula=()) -> list[CourseCard]:
    """Cards for a page of courses: two queries (their tags; the learner's enrolments)."""
    if not courses:
        return []
    by_path = {curriculum.path: curriculum for curriculum in curricula}
    cards = {
        course.pk: CourseCard(
            course=course, url=course.get_url(request), curriculum=_curriculum_of(course, by_path)
        )
        for course in courses
    }
    for tagged in (
        CourseTag.objects.filter(content_object_id__in=cards)
        .select_related("tag")
        .order_by("tag__name")
    ):
        cards[tagged.content_object_id].tags.append(tagged.tag)
    if request.user.is_authenticated:
        for enrollment in Enrollment.objects.filter(user=request.user, course_id__in=cards):
            cards[enrollment.course_id].enrollment = enrollment
    return list(cards.values())


def serve_catalog(page, request):
    """Live courses under the catalogue, filtered and searched, 20 to a page.

    A fixed number of queries: curricula, topics, the count and the page of courses,
    their tags, and (signed in) the learner's enrolments in them.
    """
    curricula = list(CurriculumPage.objects.live().child_of(page).order_by("path"))
    tags = list(
        Tag.objects.filter(
            courses_coursetag_items__content_object__live=True,
            courses_coursetag_items__content_object__path__startswith=page.path,
        )
        .distinct()
        .order_by("name")
    )
    form = CatalogFilterForm(request.GET, curricula=curricula, tags=tags)
    form.is_valid()  # invalid filters are shown as errors and ignored; the others still apply

    courses = CoursePage.objects.live().descendant_of(page)
    curriculum = next((c for c in curricula if c.pk == form.value("kurikulum")), None)
    if curriculum is not None:
        courses = courses.child_of(curriculum)
    if tier := form.value("tingkat"):
        courses = courses.filter(tier=tier)
    if tag := form.value("tag"):
        courses = courses.filter(
            id__in=CourseTag.objects.filter(tag__slug=tag).values("content_object_id")
        )
    query = form.value("q")
    results = courses.search(query) if query else courses.order_by("path")

    page_obj = Paginator(results, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    cards = course_cards(request, list(page_obj.object_list), curricula=curricula)
    filtered = any(form.value(name) for name in ("q", "kurikulum", "tingkat", "tag"))
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "form": form,
            "page_obj": page_obj,
            "cards": cards,
            "filtered": filtered,
            "query": query,
        },
    )


def serve_curriculum(page, request):
    """A curriculum's description and its live courses as cards, in fixed queries."""
    courses = list(CoursePage.objects.live().child_of(page).order_by("path"))
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "cards": course_cards(request, courses, curricula=[page]),
            "catalog": page.get_parent(),
        },
    )
