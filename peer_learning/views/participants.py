"""The organisers' participant list: by province and kabupaten/kota, with totals, and as
CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.exports import FORMATS, Table, export_response, requested_format

from .. import permissions
from ..models import MeetingPage
from ..selectors import participants as selectors
from ..services.registrations import person_name


def _organised_meeting(request, meeting_id: int) -> MeetingPage:
    meeting = get_object_or_404(MeetingPage.objects.select_related("organiser"), pk=meeting_id)
    if not permissions.is_organiser(request.user, meeting):
        raise PermissionDenied
    return meeting


@login_required
def participant_list(request, meeting_id: int):
    meeting = _organised_meeting(request, meeting_id)
    rows = list(selectors.participant_rows(meeting))
    return render(
        request,
        "peer_learning/participant_list.html",
        {
            "meeting": meeting,
            "provinces": selectors.grouped_by_region(rows),
            "registered": len(rows),
            "totals": selectors.participant_totals(meeting),
            "waiting": list(selectors.waiting_list(meeting)),
            "formats": FORMATS,
        },
    )


def participants_table(meeting: MeetingPage) -> Table:
    """Everyone registered, by region, then the waiting list in its order."""
    registered = selectors.participant_rows(meeting)
    waiting = selectors.waiting_list(meeting).prefetch_related("checkins")
    rows = []
    for registration in [*registered, *waiting]:
        library = registration.library
        profile = getattr(registration.user, "staff_profile", None)
        rows.append(
            [
                str(library.regency.province),
                str(library.regency),
                library.name,
                str(library.get_kind_display()),
                person_name(registration.user),
                registration.user.get_username(),
                str(registration.get_role_display()),
                str(profile.get_gender_display()) if profile else "",
                str(registration.get_status_display()),
                ", ".join(
                    date_format(checkin.day, "SHORT_DATE_FORMAT")
                    for checkin in registration.checkins.all()
                ),
            ]
        )
    return Table(
        title=_("Participants"),
        columns=[
            _("Province"),
            _("Kabupaten/kota"),
            _("Library"),
            _("Library kind"),
            _("Name"),
            _("Username"),
            _("Role"),
            _("Gender"),
            _("Status"),
            _("Checked in"),
        ],
        rows=rows,
    )


@login_required
def participant_export(request, meeting_id: int):
    meeting = _organised_meeting(request, meeting_id)
    fmt = requested_format(request) or "csv"
    filename = slugify(f"{_('participants')} {meeting.title}")
    return export_response(participants_table(meeting), fmt, filename=filename)
