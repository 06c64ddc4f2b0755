"""The story book (buku cerita): a cover, a table of contents with page numbers, then
the accepted stories by province and theme, each with its library, kind, text, solution,
beneficiaries by gender and photos (Wagtail renditions, embedded)."""

import base64
import logging
from itertools import groupby

from django.utils.translation import gettext as _

from .. import dates
from ..models import Story
from ..selectors import materials as selectors
from . import common

logger = logging.getLogger(__name__)

PHOTO_SPEC = "max-1000x700|format-jpeg|jpegquality-70"
PHOTOS_PER_STORY = 4


def photo_uri(image) -> str | None:
    """The rendition of a photo as a data URI (works with any file storage)."""
    try:
        rendition = image.get_rendition(PHOTO_SPEC)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except Exception:  # noqa: BLE001 - a missing or broken photo is left out, not fatal
        logger.warning("Photo %s of a story could not be read", image.pk, exc_info=True)
        return None
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def story_item(story: Story) -> dict:
    photos = []
    for photo in list(story.photos.all())[:PHOTOS_PER_STORY]:
        uri = photo_uri(photo.image)
        if uri:
            photos.append({"uri": uri, "caption": photo.caption or photo.image.title})
    return {
        "anchor": f"story-{story.pk}",
        "story": story,
        "regency": str(story.library.regency),
        "photos": photos,
    }


def render(meeting, progress: common.Progress) -> bytes:
    stories = selectors.accepted_stories(meeting)
    total = len(stories) + 2
    progress(0, total)
    themes = dict(Story.Theme.choices)
    provinces = []
    done = 0
    for province, in_province in groupby(stories, key=lambda s: s.library.regency.province):
        groups = []
        for theme, rows in groupby(in_province, key=lambda s: s.theme):
            items = []
            for story in rows:
                items.append(story_item(story))
                done += 1
                progress(done, total)
            groups.append({"theme": themes.get(theme, theme), "items": items})
        provinces.append({"name": province.name, "themes": groups})
    context = {
        "meeting": meeting,
        "dates": dates.meeting_dates(meeting),
        "provinces": provinces,
        "count": len(stories),
        "book_title": _("Story book"),
    }
    return common.render_pdf(
        "peer_learning/pdf/story_book.html",
        context,
        ["story_book.css"],
        progress=progress,
        done=done,
        total=total,
    )
