"""Stories (cerita): writing them, the mentor's review, and scheduling them into sessions."""

import datetime
import os
from collections.abc import Iterable, Sequence

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from .. import permissions
from ..models import AgendaSession, Story, StoryPhoto
from .registrations import person_name

NOT_YOUR_LIBRARY = _("Only the staff of the story's own library may write or submit it.")
NOT_EDITABLE_ACCEPTED = _("This story has been accepted and can no longer be changed.")
NOT_EDITABLE_SUBMITTED = _(
    "This story is waiting for the mentor's review; it can be changed again if it is returned."
)
TITLE_REQUIRED = _("Give the story a title.")
TEXT_REQUIRED = _("Write the story itself.")
SOLUTION_REQUIRED = _("For an obstacle, write down how it was solved (the solution).")
BENEFICIARIES_NEGATIVE = _("The number of beneficiaries cannot be negative.")
CURRICULUM_UNAVAILABLE = _("Choose a published curriculum, or leave the curriculum empty.")

TOO_MANY_PHOTOS = _("A story can have at most %(max)s photos; remove one before adding more.")
PHOTO_BAD_TYPE = _('"%(name)s" is not a photo we can use: upload a JPEG, PNG or WebP image.')
PHOTO_TOO_BIG = _('"%(name)s" is too big (%(size)s); a photo may be at most %(max)s.')
PHOTO_UNREADABLE = _('"%(name)s" could not be read as an image: it may be damaged.')

NOT_A_REVIEWER = _("Only the mentor of the story's library may review it.")
NOT_SUBMITTED = _("Only a story submitted for review can be reviewed.")
ALREADY_REVIEWED = _("This story has already been reviewed (%(status)s by %(name)s).")
COMMENT_REQUIRED = _("Say what should change when you return a story.")

NOT_AN_ORGANISER = _("Only the meeting's organisers may schedule stories.")
NOT_ACCEPTED = _("Only an accepted story can be scheduled into a session.")
WRONG_MEETING = _("A story can only be scheduled into a session of its own meeting.")

MAX_PHOTOS = 4
PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp")
PHOTO_MAX_BYTES = getattr(settings, "PLM_STORY_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
# Where a session of these kinds is on the agenda, stories are what it presents.
STORY_SESSION_KINDS = (
    AgendaSession.Kind.ACHIEVEMENTS,
    AgendaSession.Kind.IMPACT,
    AgendaSession.Kind.OBSTACLES,
    AgendaSession.Kind.SHARING_CLASS,
)
EDITABLE_STATUSES = (Story.Status.DRAFT, Story.Status.RETURNED)
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=2)


def _is_own_library(user, story: Story) -> bool:
    library = permissions.own_library(user)
    return library is not None and library.pk == story.library_id


def _stored_status(story: Story) -> str | None:
    """The status in the database (locked for the transaction), not what a form sent."""
    if story.pk is None:
        return None
    return (
        Story.objects.select_for_update().filter(pk=story.pk).values_list("status", flat=True).get()
    )


def _just_created_twin(story: Story, by) -> Story | None:
    """The same new story saved by the same person a moment ago (a double click, or the
    form sent again): saving it again returns that one instead of a copy."""
    return (
        Story.objects.filter(
            meeting_id=story.meeting_id,
            library_id=story.library_id,
            author=by,
            kind=story.kind,
            title=story.title,
            text=story.text,
            created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
        )
        .order_by("-pk")
        .first()
    )


def curriculum_pages():
    """Live curriculum pages as plain Pages (the story's foreign key), or None when the
    courses app is not installed. peer_learning never imports courses."""
    if not apps.is_installed("courses"):
        return None
    from wagtail.models import Page

    return Page.objects.live().type(apps.get_model("courses", "CurriculumPage"))


def _content_errors(story: Story) -> dict:
    errors: dict[str, list] = {}
    if not (story.title or "").strip():
        errors.setdefault("title", []).append(TITLE_REQUIRED)
    if not (story.text or "").strip():
        errors.setdefault("text", []).append(TEXT_REQUIRED)
    if story.kind == Story.Kind.OBSTACLE and not (story.solution or "").strip():
        errors.setdefault("solution", []).append(SOLUTION_REQUIRED)
    for name in ("beneficiaries_female", "beneficiaries_male"):
        value = getattr(story, name)
        if value is not None and value < 0:
            errors.setdefault(name, []).append(BENEFICIARIES_NEGATIVE)
    if story.curriculum_id is not None:
        pages = curriculum_pages()
        if pages is None or not pages.filter(pk=story.curriculum_id).exists():
            errors.setdefault("curriculum", []).append(CURRICULUM_UNAVAILABLE)
    return errors


def _validate(story: Story, errors: dict | None = None) -> None:
    """Raises every problem at once: ours (with clear messages) and the model's own."""
    errors = {**_content_errors(story), **(errors or {})}
    try:
        story.full_clean(exclude=[*errors, "author", "meeting", "library", "curriculum"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _check_photo(upload):
    """The upload checked for type and size with our messages, then opened by Wagtail's own
    image field to make sure it really is an image of that format."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in PHOTO_EXTENSIONS:
        raise ValidationError(PHOTO_BAD_TYPE % {"name": name}, code="photo_type")
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            PHOTO_TOO_BIG
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(PHOTO_MAX_BYTES),
            },
            code="photo_size",
        )
    try:
        checked = WagtailImageField(required=True).clean(upload)
    except ValidationError:
        raise ValidationError(PHOTO_UNREADABLE % {"name": name}, code="photo_unreadable") from None
    if hasattr(upload, "seek"):
        upload.seek(0)
    return checked


def _add_photos(story: Story, uploads: Sequence, by) -> None:
    Image = get_image_model()
    photos = StoryPhoto.objects.filter(story=story)
    next_order = photos.aggregate(last=Max("sort_order"))["last"] or 0
    for upload in uploads:
        next_order += 1
        image = Image(title=f"{story.title[:200]} ({next_order})", file=upload, uploaded_by_user=by)
        image._set_image_file_metadata()  # what Wagtail's own upload views do
        image.save()
        StoryPhoto.objects.create(story=story, image=image, sort_order=next_order)


@transaction.atomic
def story_save(
    *,
    story: Story,
    by,
    new_photos: Sequence = (),
    remove_photos: Iterable[int] = (),
) -> Story:
    """Creates or updates a draft or returned story (its meeting, library and author set by
    the caller), adding uploaded photos (Wagtail images) and removing the photos whose ids
    are in `remove_photos`. Everything is checked before anything is written."""
    if not _is_own_library(by, story):
        raise PermissionDenied(NOT_YOUR_LIBRARY)
    status = _stored_status(story)
    if status == Story.Status.ACCEPTED:
        raise ValidationError(NOT_EDITABLE_ACCEPTED, code="accepted")
    if status == Story.Status.SUBMITTED:
        raise ValidationError(NOT_EDITABLE_SUBMITTED, code="submitted")
    if status is None:
        twin = _just_created_twin(story, by)
        if twin is not None:
            return twin
        story.status = Story.Status.DRAFT
    else:
        story.status = status
    if story.author_id is None:
        story.author = by

    remove_ids = {int(pk) for pk in remove_photos}
    kept = 0
    if story.pk is not None:
        kept = StoryPhoto.objects.filter(story=story).exclude(pk__in=remove_ids).count()
    new_photos = list(new_photos)
    photo_errors = []
    if kept + len(new_photos) > MAX_PHOTOS:
        photo_errors.append(ValidationError(TOO_MANY_PHOTOS % {"max": MAX_PHOTOS}))
    for upload in new_photos:
        try:
            _check_photo(upload)
        except ValidationError as error:
            photo_errors.append(error)
    _validate(story, {"photos": photo_errors} if photo_errors else None)

    story.save()
    if remove_ids:
        image_ids = list(
            StoryPhoto.objects.filter(story=story, pk__in=remove_ids).values_list(
                "image_id", flat=True
            )
        )
        # Each photo's image belongs to its story alone; deleting it deletes the photo too.
        get_image_model().objects.filter(pk__in=image_ids).delete()
    if new_photos:
        _add_photos(story, new_photos, by)
    return story


@transaction.atomic
def story_submit(*, story: Story, by) -> Story:
    """Sends a draft or returned story to the library's mentor. Submitting a story that is
    already submitted (or accepted) changes nothing."""
    if not _is_own_library(by, story):
        raise PermissionDenied(NOT_YOUR_LIBRARY)
    story.status = _stored_status(story)
    if story.status in (Story.Status.SUBMITTED, Story.Status.ACCEPTED):
        story.submitted_now = False
        return story
    if not permissions.can_edit_story(by, story):
        raise PermissionDenied(NOT_YOUR_LIBRARY)
    _validate(story)
    story.status = Story.Status.SUBMITTED
    story.submitted_at = timezone.now()
    story.save(update_fields=["status", "submitted_at", "updated_at"])
    story.submitted_now = True
    return story


@transaction.atomic
def story_review(*, story: Story, by, accept: bool, comment: str = "") -> Story:
    """The mentor accepts a submitted story or returns it with a comment saying what to
    change. A story reviewed already is refused with a message, not reviewed twice."""
    if not permissions.can_review_story(by, story):
        raise PermissionDenied(NOT_A_REVIEWER)
    current = (
        Story.objects.select_for_update()
        .filter(pk=story.pk)
        .values_list("status", "reviewed_by_id")
        .get()
    )
    status, reviewer_id = current
    if status in (Story.Status.ACCEPTED, Story.Status.RETURNED):
        reviewer = get_user_model().objects.filter(pk=reviewer_id).first()
        name = person_name(reviewer) if reviewer else "-"
        raise ValidationError(
            ALREADY_REVIEWED % {"status": str(Story.Status(status).label).lower(), "name": name},
            code="reviewed",
        )
    if status != Story.Status.SUBMITTED:
        raise ValidationError(NOT_SUBMITTED, code="not_submitted")
    comment = (comment or "").strip()
    if not accept and not comment:
        raise ValidationError({"comment": COMMENT_REQUIRED}, code="comment")
    story.status = Story.Status.ACCEPTED if accept else Story.Status.RETURNED
    story.reviewed_by = by
    story.reviewed_at = timezone.now()
    story.review_comment = comment
    story.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"]
    )
    return story


@transaction.atomic
def story_schedule(*, story: Story, session: AgendaSession | None, by) -> Story:
    """Schedules an accepted story into a session of its own meeting (None unschedules)."""
    if not permissions.is_organiser(by, story.meeting):
        raise PermissionDenied(NOT_AN_ORGANISER)
    story.status = _stored_status(story)
    if story.status != Story.Status.ACCEPTED:
        raise ValidationError(NOT_ACCEPTED, code="not_accepted")
    if session is not None and session.meeting_id != story.meeting_id:
        raise ValidationError(WRONG_MEETING, code="wrong_meeting")
    story.session = session
    story.save(update_fields=["session", "updated_at"])
    return story
