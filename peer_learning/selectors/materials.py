"""Reads for a meeting's generated materials: what each PDF prints, and the jobs that made them.

Every function runs a fixed number of queries whatever the size of the meeting.
"""

from django.db.models import Max, Prefetch

from ..models import AgendaSession, MaterialJob, MeetingPage, Story
from ..models.stories import StoryPhoto


def agenda_sessions(meeting: MeetingPage) -> list[AgendaSession]:
    """The sessions in time order, each with the accepted stories scheduled into it."""
    stories = Story.objects.filter(status=Story.Status.ACCEPTED).select_related("library")
    return list(
        AgendaSession.objects.filter(meeting=meeting)
        .order_by("day", "starts_at", "ends_at", "sort_order", "pk")
        .prefetch_related(Prefetch("stories", queryset=stories.order_by("title", "pk")))
    )


def accepted_stories(meeting: MeetingPage) -> list[Story]:
    """The accepted stories, by province, theme and title, with their photos' images."""
    photos = StoryPhoto.objects.select_related("image").order_by("sort_order", "pk")
    return list(
        Story.objects.filter(meeting=meeting, status=Story.Status.ACCEPTED)
        .select_related("library__regency__province")
        .prefetch_related(Prefetch("photos", queryset=photos))
        .order_by("library__regency__province__name", "theme", "title", "pk")
    )


def latest_jobs(meeting: MeetingPage, *, status: str | None = None) -> dict[str, MaterialJob]:
    """The newest job of each kind for the meeting (with `status`, the newest with it)."""
    jobs = MaterialJob.objects.filter(meeting=meeting)
    if status:
        jobs = jobs.filter(status=status)
    newest = jobs.order_by().values("kind").annotate(newest=Max("pk")).values("newest")
    return {
        job.kind: job
        for job in MaterialJob.objects.filter(pk__in=newest).select_related("requested_by")
    }


def job_for_download(job_id: int) -> MaterialJob | None:
    return MaterialJob.objects.select_related("meeting").filter(pk=job_id).first()
