"""Name badges (tanda pengenal): A4 sheets of 8 (2 x 4) with cut lines; each badge has
the meeting's title, the person's name (long names print smaller), library, role, and the
personal check-in QR code as a vector drawing.

The QR code encodes the check-in page of the meeting with the person's code, so a
committee member's phone camera opens the page ready to confirm; the code is printed under
it for typing. Sheets are laid out as a few documents (progress is reported after each)
whose pages are written as one PDF.
"""

import re

from django.template.loader import render_to_string

from ..selectors import participants as selectors
from ..services.checkins import checkin_url
from ..services.registrations import person_name
from . import common

PER_SHEET = 8
SHEETS_PER_DOCUMENT = 8  # progress steps; bigger documents lay out a little faster

# Longer names print smaller (classes name-1 ... name-5 of badges.css), so that a name of
# up to 200 characters stays inside its box.
NAME_SIZES = ((20, 1), (32, 2), (48, 3), (80, 4))

_SVG_SIZE = re.compile(r"<svg ")


def name_size(name: str) -> int:
    for limit, size in NAME_SIZES:
        if len(name) <= limit:
            return size
    return len(NAME_SIZES) + 1


def qr_svg(url: str) -> str:
    """segno's QR code as inline SVG: one path, scaled to its box by the stylesheet."""
    import segno

    svg = segno.make(url, error="m", micro=False).svg_inline(border=1, omitsize=True)
    return _SVG_SIZE.sub('<svg class="qr-svg" ', svg, count=1)


def badge(meeting, registration) -> dict:
    name = person_name(registration.user)
    return {
        "name": name,
        "size": name_size(name),
        "library": registration.library.name,
        "regency": str(registration.library.regency),
        "role": registration.get_role_display(),
        "role_key": registration.role,
        "code": registration.code,
        "qr": qr_svg(checkin_url(meeting_id=meeting.pk, code=registration.code)),
    }


def render(meeting, progress: common.Progress) -> bytes:
    registrations = list(selectors.participant_rows(meeting))
    sheets = max(1, -(-len(registrations) // PER_SHEET))
    documents = -(-sheets // SHEETS_PER_DOCUMENT)
    # One step per badge drawn, one per document laid out, one for writing the PDF.
    total = len(registrations) + documents + 1
    done = 0
    progress(done, total)
    badges = []
    for registration in registrations:
        badges.append(badge(meeting, registration))
        done += 1
        if done % PER_SHEET == 0:
            progress(done, total)
    pages = []
    first = None
    for start in range(0, max(1, len(badges)), PER_SHEET * SHEETS_PER_DOCUMENT):
        chunk = badges[start : start + PER_SHEET * SHEETS_PER_DOCUMENT]
        html = render_to_string(
            "peer_learning/pdf/badges.html",
            {
                "meeting": meeting,
                "sheets": [chunk[i : i + PER_SHEET] for i in range(0, len(chunk), PER_SHEET)]
                or [[]],
            },
        )
        document = common.layout(html, ["badges.css"])
        first = first or document
        pages += document.pages
        done += 1
        progress(done, total)
    pdf = first.copy(pages).write_pdf()
    progress(total, total)
    return pdf
