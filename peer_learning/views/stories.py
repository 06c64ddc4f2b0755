"""Stories (cerita): a library writes and submits them, its mentor reviews them, and the
organisers schedule the accepted ones into sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms import roles

from .. import permissions
from ..forms.stories import ReviewForm, StoryForm
from ..models import AgendaSession, MeetingPage, Story
from ..selectors import stories as selectors
from ..services import stories as services

NO_LIBRARY = gettext_lazy(
    "Your account does not belong to a library on Sebaya, so you have no stories to share. "
    "Ask your programme admin to add you to your library."
)
REVIEWERS_ONLY = gettext_lazy("This page is for mentors (pendamping) and programme admins.")
NO_SUCH_SESSION = gettext_lazy("That session does not exist any more; choose another.")


def _meeting(meeting_id: int) -> MeetingPage:
    return get_object_or_404(MeetingPage.objects.select_related("organiser"), pk=meeting_id)


def _visible_story(request, story_id: int) -> Story:
    """The story, or 404 for anyone who may not see it (another library's draft included:
    saying "forbidden" would tell them it exists)."""
    story = get_object_or_404(selectors.story_detail_queryset(), pk=story_id)
    if not permissions.can_view_story(request.user, story):
        raise Http404
    return story


def _own(user, story: Story) -> bool:
    library = permissions.own_library(user)
    return library is not None and library.pk == story.library_id


def _show_errors(form, error: ValidationError) -> None:
    """A service's errors on the form fields they belong to, the rest above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        for item in errors:
            form.add_error(target, item.messages)


def _flash_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _editable(user, story: Story) -> bool:
    return permissions.can_edit_story(user, story) and story.status in services.EDITABLE_STATUSES


def _not_editable_message(story: Story) -> str:
    if story.status == Story.Status.ACCEPTED:
        return services.NOT_EDITABLE_ACCEPTED
    return services.NOT_EDITABLE_SUBMITTED


def _save_from_form(request, form: StoryForm, story: Story):
    """Saves (and, for "save and submit", submits) the story; a redirect, or None after
    putting the service's errors on the form."""
    try:
        story = services.story_save(
            story=story,
            by=request.user,
            new_photos=form.cleaned_data.get("photos") or [],
            remove_photos=[photo.pk for photo in form.cleaned_data.get("remove_photos") or []],
        )
    except ValidationError as error:
        _show_errors(form, error)
        return None
    if "submit" in request.POST:
        try:
            services.story_submit(story=story, by=request.user)
        except ValidationError as error:
            _flash_errors(request, error)
            return redirect("peer_learning:story_edit", story.pk)
        messages.success(request, _("Your story was sent to your mentor for review."))
        return redirect("peer_learning:stories", story.meeting_id)
    messages.success(request, _("Your story was saved. Send it for review when it is ready."))
    return redirect("peer_learning:story_edit", story.pk)


@login_required
def library_stories(request, meeting_id: int):
    meeting = _meeting(meeting_id)
    library = permissions.own_library(request.user)
    stories = list(selectors.library_stories(meeting=meeting, library=library)) if library else []
    return render(
        request,
        "peer_learning/stories.html",
        {
            "meeting": meeting,
            "library": library,
            "no_library": NO_LIBRARY if library is None else "",
            "stories": stories,
            "may_review": roles.is_mentor(request.user) or roles.is_programme_admin(request.user),
            "may_schedule": permissions.is_organiser(request.user, meeting),
        },
    )


@login_required
def story_create(request, meeting_id: int):
    meeting = _meeting(meeting_id)
    library = permissions.own_library(request.user)
    if library is None:
        messages.error(request, NO_LIBRARY)
        return redirect("peer_learning:stories", meeting.pk)
    story = Story(meeting=meeting, library=library, author=request.user)
    if request.method == "POST":
        form = StoryForm(request.POST, request.FILES, instance=story)
        if form.is_valid():
            response = _save_from_form(request, form, form.instance)
            if response is not None:
                return response
    else:
        form = StoryForm(instance=story)
    return render(
        request,
        "peer_learning/story_form.html",
        {"meeting": meeting, "library": library, "form": form, "story": None},
    )


@login_required
def story_edit(request, story_id: int):
    """The story's own page: a form while its library may still change it, otherwise the
    story to read (for the library once it is submitted or accepted, and for its mentor)."""
    story = _visible_story(request, story_id)
    editable = _editable(request.user, story)
    if request.method == "POST":
        if not editable:
            if not _own(request.user, story):
                raise PermissionDenied
            # A second click, or an old tab: say why nothing changed.
            messages.error(request, _not_editable_message(story))
            return redirect("peer_learning:story_edit", story.pk)
        form = StoryForm(request.POST, request.FILES, instance=story)
        if form.is_valid():
            response = _save_from_form(request, form, form.instance)
            if response is not None:
                return response
    else:
        form = StoryForm(instance=story) if editable else None
    return render(
        request,
        "peer_learning/story_form.html",
        {
            "meeting": story.meeting,
            "library": story.library,
            "form": form,
            "story": story,
            "own": _own(request.user, story),
            "may_review": story.status == Story.Status.SUBMITTED
            and permissions.can_review_story(request.user, story),
            "photos": list(story.photos.all()),
        },
    )


@require_POST
@login_required
def story_submit(request, story_id: int):
    story = _visible_story(request, story_id)
    try:
        story = services.story_submit(story=story, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
        return redirect("peer_learning:story_edit", story.pk)
    if story.submitted_now:
        messages.success(request, _("Your story was sent to your mentor for review."))
    else:
        messages.info(request, _("This story was already sent for review."))
    return redirect("peer_learning:stories", story.meeting_id)


def _reviewer(request):
    if not (roles.is_mentor(request.user) or roles.is_programme_admin(request.user)):
        raise PermissionDenied(REVIEWERS_ONLY)


@login_required
def review_queue(request):
    _reviewer(request)
    return render(
        request,
        "peer_learning/review_queue.html",
        {"stories": list(selectors.review_queue(user=request.user))},
    )


@login_required
def story_review(request, story_id: int):
    story = _visible_story(request, story_id)
    if not permissions.can_review_story(request.user, story):
        raise PermissionDenied(services.NOT_A_REVIEWER)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_review(
                story=story,
                by=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "comment" in error.error_dict:
                _show_errors(form, error)
            else:
                _flash_errors(request, error)
                return redirect("peer_learning:story_review", story.pk)
        else:
            if story.status == Story.Status.ACCEPTED:
                messages.success(request, _("The story was accepted for the meeting."))
            else:
                messages.success(request, _("The story was returned to its library."))
            return redirect("peer_learning:review_queue")
    return render(
        request,
        "peer_learning/story_review.html",
        {
            "story": story,
            "meeting": story.meeting,
            "form": form,
            "reviewable": story.status == Story.Status.SUBMITTED,
            "photos": list(story.photos.all()),
        },
    )


@login_required
def story_schedule(request, meeting_id: int):
    meeting = _meeting(meeting_id)
    if not permissions.is_organiser(request.user, meeting):
        raise PermissionDenied(services.NOT_AN_ORGANISER)
    if request.method == "POST":
        story_id = request.POST.get("story", "")
        story = get_object_or_404(
            Story, pk=int(story_id) if story_id.isdigit() else 0, meeting=meeting
        )
        story.meeting = meeting
        session = None
        session_id = request.POST.get("session", "")
        if session_id:
            if session_id.isdigit():
                session = AgendaSession.objects.filter(pk=session_id).first()
            if session is None:
                messages.error(request, NO_SUCH_SESSION)
                return redirect("peer_learning:story_schedule", meeting.pk)
        try:
            services.story_schedule(story=story, session=session, by=request.user)
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            if session is None:
                messages.success(request, _("“%(title)s” is not scheduled.") % {"title": story})
            else:
                messages.success(
                    request,
                    _("“%(title)s” is scheduled in %(session)s.")
                    % {"title": story, "session": session.title},
                )
        return redirect("peer_learning:story_schedule", meeting.pk)
    sessions = list(selectors.schedule_sessions(meeting=meeting))
    return render(
        request,
        "peer_learning/story_schedule.html",
        {
            "meeting": meeting,
            "stories": list(selectors.schedulable_stories(meeting=meeting)),
            "story_sessions": [s for s in sessions if s.for_stories == 0],
            "other_sessions": [s for s in sessions if s.for_stories == 1],
        },
    )
