"""The organisers' materials page: generate each PDF (or all of them as one ZIP) in the
background, follow its progress, download the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from lms import achievements

from .. import materials, permissions
from ..models import MaterialJob, MeetingPage
from ..selectors import materials as selectors
from ..services import materials as service

Kind = MaterialJob.Kind
Status = MaterialJob.Status
ACTIVE = (Status.QUEUED, Status.RUNNING)
REFRESH_SECONDS = 2


def _organised_meeting(request, meeting_id: int) -> MeetingPage:
    meeting = get_object_or_404(MeetingPage.objects.select_related("organiser"), pk=meeting_id)
    if not permissions.is_organiser(request.user, meeting):
        raise PermissionDenied
    return meeting


def _organised_job(request, job_id: int) -> MaterialJob:
    job = selectors.job_for_download(job_id)
    if job is None:
        raise Http404
    if not permissions.is_organiser(request.user, job.meeting):
        raise PermissionDenied
    return job


def _size(job: MaterialJob | None) -> int | None:
    if job is None or not job.file:
        return None
    try:
        return job.file.size
    except OSError:  # the file went missing from storage
        return None


@login_required
def material_list(request, meeting_id: int):
    meeting = _organised_meeting(request, meeting_id)
    latest = selectors.latest_jobs(meeting)
    finished = selectors.latest_jobs(meeting, status=Status.FINISHED)
    kinds = materials.available_kinds()
    rows = []
    for kind in kinds:
        job = latest.get(kind)
        ready = finished.get(kind)
        if ready is not None and not ready.file:
            ready = None
        rows.append(
            {
                "kind": kind,
                "label": Kind(kind).label,
                "job": job,
                "active": job is not None and job.status in ACTIVE,
                "ready": ready,
                "size": _size(ready),
            }
        )
    return render(
        request,
        "peer_learning/materials.html",
        {
            "meeting": meeting,
            "rows": [row for row in rows if row["kind"] != Kind.PACKAGE],
            "package": rows[-1],
            "certificates_offered": Kind.CERTIFICATES in kinds,
            "certificates_installed": achievements.certificates_available(),
        },
    )


@login_required
@require_POST
def material_generate(request, meeting_id: int, kind: str):
    meeting = _organised_meeting(request, meeting_id)
    if kind not in materials.available_kinds():
        raise Http404
    try:
        job = service.material_request(meeting=meeting, kind=kind, requested_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("peer_learning:materials", meeting.pk)
    return redirect("peer_learning:material_job", job.pk)


@login_required
def material_job(request, job_id: int):
    job = _organised_job(request, job_id)
    ready = job if job.status == Status.FINISHED and job.file else None
    previous = None
    if ready is None:
        previous = selectors.latest_jobs(job.meeting, status=Status.FINISHED).get(job.kind)
        if previous is not None and not previous.file:
            previous = None
    return render(
        request,
        "peer_learning/material_job.html",
        {
            "meeting": job.meeting,
            "job": job,
            "label": Kind(job.kind).label,
            "active": job.status in ACTIVE,
            "refresh": REFRESH_SECONDS,
            "ready": ready,
            "size": _size(ready),
            "previous": previous,
        },
    )


@login_required
def material_download(request, job_id: int):
    job = _organised_job(request, job_id)
    if job.status != Status.FINISHED or not job.file:
        raise Http404
    try:
        handle = job.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=service.filename(job.meeting, job.kind),
        content_type=materials.content_type(job.kind),
    )
