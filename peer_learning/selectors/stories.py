"""Reads of stories (cerita): a library's own, the mentor's review queue, the schedule."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from lms import roles

from .. import permissions
from ..models import AgendaSession, MeetingPage, Story, StoryPhoto

STORY_SESSION_KINDS = (
    AgendaSession.Kind.ACHIEVEMENTS,
    AgendaSession.Kind.IMPACT,
    AgendaSession.Kind.OBSTACLES,
    AgendaSession.Kind.SHARING_CLASS,
)


def photos_with_images() -> Prefetch:
    """A story's photos with their images and renditions: one query each, however many."""
    return Prefetch(
        "photos",
        queryset=StoryPhoto.objects.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("sort_order", "pk"),
    )


def story_detail_queryset() -> QuerySet[Story]:
    """Stories with everything a story page shows (permission checks included)."""
    return Story.objects.select_related(
        "meeting",
        "library__regency__province",
        "library__mentor_library",
        "author",
        "reviewed_by",
        "curriculum",
        "session",
    ).prefetch_related(photos_with_images())


def library_stories(*, meeting: MeetingPage, library) -> QuerySet[Story]:
    """A library's stories for a meeting, newest first."""
    return (
        Story.objects.filter(meeting=meeting, library=library)
        .select_related("author", "reviewed_by", "session")
        .order_by("-updated_at", "-pk")
    )


def review_queue(*, user) -> QuerySet[Story]:
    """Stories waiting for `user`'s review: those of the libraries her library mentors
    (all of them for a programme admin), by meeting and in the order they came."""
    stories = Story.objects.filter(status=Story.Status.SUBMITTED)
    if not roles.is_programme_admin(user):
        library = permissions.own_library(user)
        if library is None or not roles.is_mentor(user):
            return Story.objects.none()
        stories = stories.filter(library__mentor_library=library)
    return stories.select_related("meeting", "library__regency", "author").order_by(
        "meeting__starts_on", "meeting_id", "submitted_at", "pk"
    )


def schedulable_stories(*, meeting: MeetingPage) -> QuerySet[Story]:
    """The meeting's accepted stories with their session, by kind then title."""
    return (
        Story.objects.filter(meeting=meeting, status=Story.Status.ACCEPTED)
        .select_related("library__regency", "session")
        .order_by("kind", "library__name", "title", "pk")
    )


def schedule_sessions(*, meeting: MeetingPage) -> QuerySet[AgendaSession]:
    """The meeting's sessions, the ones where stories are presented first."""
    return (
        AgendaSession.objects.filter(meeting=meeting)
        .annotate(
            for_stories=Case(
                When(kind__in=STORY_SESSION_KINDS, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("for_stories", "day", "starts_at", "sort_order", "pk")
    )
