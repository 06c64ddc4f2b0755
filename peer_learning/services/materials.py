"""Making a meeting's materials: an organiser requests one, a background task runs it.

A request while the same material is already waiting or running returns that job (a
double click starts nothing twice); asking again after a failure is the retry. A job that
fails keeps its error, and the last finished file of that kind stays downloadable.
"""

from __future__ import annotations

import logging
import time
from contextlib import nullcontext
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .. import dates, materials
from ..materials import common
from ..models import MaterialJob, MeetingPage
from ..permissions import is_organiser
from ..selectors import materials as selectors

logger = logging.getLogger(__name__)

Kind = MaterialJob.Kind
Status = MaterialJob.Status

NOT_ORGANISER = _("Only the organisers of this meeting can generate its materials.")
NOT_OFFERED = _("This material cannot be generated on this site.")
ABANDONED = _("The job stopped without finishing (was the worker restarted?). Generate it again.")
PART_FAILED = _("%(material)s could not be made: %(error)s")
PACKAGE_LEFT_OUT = _("Left out: %(material)s (%(error)s)")
PACKAGE_README = _(
    "Materials of %(meeting)s\n%(venue)s, %(dates)s\n\nFiles in this package:\n%(files)s\n"
)

# A job waiting or running for longer than this is taken to be lost (its worker stopped):
# a new request starts a new job instead of returning it.
STALE_AFTER = timedelta(hours=1)
# Progress is written at most this often (seconds), and always at the start and the end.
PROGRESS_EVERY = 0.5


def filename(meeting: MeetingPage, kind: str) -> str:
    return f"{meeting.slug}-{kind}.{materials.extension(kind)}"


@transaction.atomic
def material_request(*, meeting: MeetingPage, kind: str, requested_by) -> MaterialJob:
    """Queues the making of `kind` for `meeting`, or returns the job already doing it."""
    if not is_organiser(requested_by, meeting):
        raise PermissionDenied(NOT_ORGANISER)
    if kind not in materials.available_kinds():
        raise ValidationError(NOT_OFFERED, code="not_offered")
    # Two requests at once (a double click) queue one job: they take turns here.
    MeetingPage.objects.select_for_update(of=("self",)).filter(pk=meeting.pk).first()
    active = (
        MaterialJob.objects.filter(
            meeting=meeting, kind=kind, status__in=[Status.QUEUED, Status.RUNNING]
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if active is not None:
        if (active.started_at or active.created_at) > timezone.now() - STALE_AFTER:
            return active
        _fail(active, str(ABANDONED))
    job = MaterialJob.objects.create(
        meeting=meeting, kind=kind, requested_by=requested_by, status=Status.QUEUED
    )
    language = translation.get_language() or ""
    transaction.on_commit(lambda: _enqueue(job.pk, language))
    return job


def _enqueue(job_id: int, language: str) -> None:
    from ..tasks import make_material

    make_material.enqueue(job_id, language)


class _Progress:
    """Writes a job's progress, at most every PROGRESS_EVERY seconds, and forwards it."""

    def __init__(self, job: MaterialJob, forward=None):
        self.job = job
        self.forward = forward
        self.written = 0.0

    def __call__(self, done: int, total: int) -> None:
        done = max(0, min(done, total))
        now = time.monotonic()
        if done in (0, total) or now - self.written >= PROGRESS_EVERY:
            MaterialJob.objects.filter(pk=self.job.pk).update(done=done, total=total)
            self.written = now
        self.job.done, self.job.total = done, total
        if self.forward:
            self.forward(done, total)


def _fail(job: MaterialJob, error: str, seconds: float | None = None) -> None:
    job.status = Status.FAILED
    job.error = error
    job.seconds = seconds
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "seconds", "finished_at"])


# Not atomic on purpose: the task runs for seconds to minutes and its progress must be
# visible to the page that polls it while it runs.
def material_run(*, job: MaterialJob, language: str = "", on_progress=None) -> MaterialJob:
    """Makes the job's file: running -> finished (file stored, seconds and progress
    recorded) or failed (with the error; earlier finished files are kept)."""
    claimed = MaterialJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), done=0, total=0, error=""
    )
    if not claimed:  # delivered twice, or already given up on
        job.refresh_from_db()
        return job
    job.refresh_from_db()
    meeting = job.meeting
    progress = _Progress(job, on_progress)
    started = time.perf_counter()
    with translation.override(language) if language else nullcontext():
        try:
            if job.kind == Kind.PACKAGE:
                data = _package(job, progress)
            else:
                data = materials.render(job.kind, meeting, progress, requested_by=job.requested_by)
        except Exception as error:  # noqa: BLE001 - recorded on the job, shown to organisers
            logger.exception("Material %s of meeting %s failed", job.kind, meeting.pk)
            _fail(job, str(error) or error.__class__.__name__, time.perf_counter() - started)
            return job
    job.file.save(filename(meeting, job.kind), ContentFile(data), save=False)
    job.status = Status.FINISHED
    job.total = job.total or 1
    job.done = job.total
    job.seconds = time.perf_counter() - started
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "total", "done", "seconds", "finished_at"])
    _drop_older_files(job)
    return job


def _drop_older_files(job: MaterialJob) -> None:
    """Only the newest finished file of a kind is kept: generating again replaces it."""
    older = MaterialJob.objects.filter(
        meeting_id=job.meeting_id, kind=job.kind, status=Status.FINISHED, pk__lt=job.pk
    ).exclude(file="")
    for old in older:
        try:
            old.file.delete(save=False)
        except OSError:
            logger.warning("Could not delete %s", old.file.name, exc_info=True)
        MaterialJob.objects.filter(pk=old.pk).update(file="")


def _package(job: MaterialJob, progress: _Progress) -> bytes:
    """A ZIP of the newest finished file of every other kind, making the missing ones
    first. Certificates that cannot be made are left out (and the README says so); any
    other material failing fails the package."""
    meeting = job.meeting
    kinds = [kind for kind in materials.available_kinds() if kind != Kind.PACKAGE]
    finished = {
        kind: found
        for kind, found in selectors.latest_jobs(meeting, status=Status.FINISHED).items()
        if found.file
    }
    missing = [kind for kind in kinds if kind not in finished]
    # Each material to make is 100 steps, putting the ZIP together is 100 more.
    total = 100 * (len(missing) + 1)
    progress(0, total)
    left_out = []
    for index, kind in enumerate(missing):

        def forward(done, of, offset=100 * index):
            progress(offset + (100 * done // of if of else 0), total)

        part = MaterialJob.objects.create(
            meeting=meeting, kind=kind, requested_by=job.requested_by, status=Status.QUEUED
        )
        part = material_run(job=part, on_progress=forward)
        label = Kind(kind).label
        if part.status != Status.FINISHED:
            if kind == Kind.CERTIFICATES:
                left_out.append(str(PACKAGE_LEFT_OUT % {"material": label, "error": part.error}))
                continue
            raise RuntimeError(str(PART_FAILED % {"material": label, "error": part.error}))
        finished[kind] = part
        progress(100 * (index + 1), total)
    files = []
    for kind in kinds:
        if kind in finished:
            with finished[kind].file.open("rb") as handle:
                files.append((filename(meeting, kind), handle.read()))
    listing = [f"- {name}" for name, _data in files] + [f"- {line}" for line in left_out]
    readme = PACKAGE_README % {
        "meeting": meeting.title,
        "venue": meeting.venue,
        "dates": dates.meeting_dates(meeting),
        "files": "\n".join(listing),
    }
    progress(total - 50, total)
    return common.package_zip([("README.txt", readme.encode()), *files])
