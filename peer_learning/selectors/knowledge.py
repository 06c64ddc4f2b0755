"""Reads of the knowledge base: accepted obstacles and their solutions across all meetings."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from ..models import Story
from .stories import photos_with_images


@dataclass(frozen=True)
class KnowledgeFilters:
    q: str = ""
    theme: str = ""
    province: int | None = None
    curriculum: int | None = None
    # False: obstacles and solutions only; True: every accepted story.
    all_kinds: bool = False


def _published(*, all_kinds: bool) -> QuerySet[Story]:
    stories = Story.objects.filter(status=Story.Status.ACCEPTED)
    if not all_kinds:
        stories = stories.filter(kind=Story.Kind.OBSTACLE)
    return stories


def knowledge_stories(filters: KnowledgeFilters) -> QuerySet[Story]:
    """Accepted stories matching the filters, with everything a result row shows."""
    stories = _published(all_kinds=filters.all_kinds)
    if filters.q:
        # icontains is fine for thousands of stories; at national scale (tens of thousands,
        # several languages) this should become a search index (Wagtail search or PostgreSQL
        # full-text search on title, text and solution).
        stories = stories.filter(
            Q(title__icontains=filters.q)
            | Q(text__icontains=filters.q)
            | Q(solution__icontains=filters.q)
        )
    if filters.theme:
        stories = stories.filter(theme=filters.theme)
    if filters.province:
        stories = stories.filter(library__regency__province_id=filters.province)
    if filters.curriculum:
        stories = stories.filter(curriculum_id=filters.curriculum)
    return stories.select_related("library__regency__province", "meeting", "curriculum").order_by(
        "-meeting__starts_on", "title", "pk"
    )


def knowledge_choices(*, all_kinds: bool = False) -> dict[str, list[tuple]]:
    """What the filters offer, each with its number of stories: three aggregate queries
    whatever the number of stories."""
    stories = _published(all_kinds=all_kinds)
    theme_labels = dict(Story.Theme.choices)
    themes = [
        (row["theme"], theme_labels.get(row["theme"], row["theme"]), row["n"])
        for row in stories.values("theme").annotate(n=Count("pk")).order_by("theme")
    ]
    provinces = [
        (row["library__regency__province"], row["library__regency__province__name"], row["n"])
        for row in stories.values("library__regency__province", "library__regency__province__name")
        .annotate(n=Count("pk"))
        .order_by("library__regency__province__name")
    ]
    curricula = [
        (row["curriculum"], row["curriculum__title"], row["n"])
        for row in stories.filter(curriculum__isnull=False, curriculum__live=True)
        .values("curriculum", "curriculum__title")
        .annotate(n=Count("pk"))
        .order_by("curriculum__title")
    ]
    return {"themes": themes, "provinces": provinces, "curricula": curricula}


def knowledge_story(*, story_id: int) -> Story | None:
    """One accepted story, any kind, with its photos (and their renditions)."""
    return (
        Story.objects.filter(pk=story_id, status=Story.Status.ACCEPTED)
        .select_related("library__regency__province", "meeting", "curriculum", "session", "author")
        .prefetch_related(photos_with_images())
        .first()
    )
