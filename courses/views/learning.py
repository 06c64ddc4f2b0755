"""The course, module and lesson pages, and the lesson's two actions (reflect, complete).

Each page runs a fixed number of queries whatever the size of the course: the course's
lessons and quizzes come from one query (`selectors.course_items`), the learner's done
items from another, and every link is built from those rows without loading pages.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .. import selectors
from ..models import Enrollment, LessonPage, Reflection
from ..services import lessons as lesson_services
from ..services.enrollment import may_enrol_others, missing_prerequisites

LESSON_COMPLETED = _("Lesson completed. Well done!")
COURSE_COMPLETED = _("You have completed every lesson and quiz of this course. Congratulations!")
REFLECTION_SAVED = _("Your reflection is saved. You can still change it later.")

# The text of a refused reflection, kept for one page view so the learner loses nothing.
DRAFT_SESSION_KEY = "courses_reflection_draft"


@dataclass
class Entry:
    """A lesson or quiz as a link in an outline or the lesson navigation."""

    item: selectors.Item
    url: str
    done: bool = False
    current: bool = False

    @property
    def is_quiz(self) -> bool:
        return self.item.kind == "quizpage"


@dataclass
class OutlineModule:
    id: int
    title: str
    url: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def done_count(self) -> int:
        return sum(1 for entry in self.entries if entry.done)


@dataclass
class LessonBlock:
    """A block of the lesson body; practice tasks carry the learner's own reflection."""

    block: object
    text: str = ""
    saved_at: object = None
    error: str = ""

    @property
    def is_task(self) -> bool:
        return self.block.block_type == "practice_task"


def _parent_url(url_path: str, page_id: int, request) -> str:
    """The URL of the page above a page whose url_path we know, without loading it."""
    parent_path = url_path.rstrip("/").rsplit("/", 1)[0] + "/"
    return Page(id=page_id, url_path=parent_path).get_url(request)


def _entries(items, done: set[int], request, current_id: int | None = None) -> list[Entry]:
    return [
        Entry(
            item=item,
            url=item.url(request),
            done=item.page_id in done,
            current=item.page_id == current_id,
        )
        for item in items
    ]


def _outline(entries: list[Entry], request) -> list[OutlineModule]:
    modules: list[OutlineModule] = []
    for entry in entries:
        if not modules or modules[-1].id != entry.item.module_id:
            url = _parent_url(entry.item.url_path, entry.item.module_id, request)
            modules.append(OutlineModule(entry.item.module_id, entry.item.module_title, url))
        modules[-1].entries.append(entry)
    return modules


def _is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


def _render(page, request, **context):
    return TemplateResponse(
        request, page.get_template(request), {**page.get_context(request), **context}
    )


def _active(enrollment: Enrollment | None) -> bool:
    return enrollment is not None and enrollment.status == Enrollment.Status.ACTIVE


def _refuse(request, course):
    """Sends a visitor who may not open a module or lesson where she can get access."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    messages.info(request, lesson_services.ENROL_FIRST)
    return HttpResponseRedirect(course.get_url(request) if course else "/")


# Pages


def serve_course(page, request):
    """The course's description and outline; public, with the learner's progress if any."""
    user = request.user
    preview = _is_preview(request)
    enrollment = None if preview else selectors.enrollment_for(user=user, course=page)
    items = selectors.course_items(page)
    done = selectors.done_page_ids(user=user, course=page) if enrollment is not None else set()
    entries = _entries(items, done, request)
    resume = None
    if _active(enrollment):
        by_id = {entry.item.page_id: entry for entry in entries}
        resume = by_id.get(enrollment.last_page_id) or next(
            (entry for entry in entries if not entry.done), None
        )
    # The enrolment's counts, kept by the progress services; computed only for a visitor.
    if enrollment is not None and enrollment.items_total:
        items_done, items_total = enrollment.items_done, enrollment.items_total
    else:
        items_done, items_total = sum(1 for entry in entries if entry.done), len(entries)
    return _render(
        page,
        request,
        preview=preview,
        enrollment=enrollment,
        is_enrolled=_active(enrollment),
        missing_prerequisites=([] if preview else missing_prerequisites(user=user, course=page)),
        can_enrol_others=not preview and may_enrol_others(user),
        outline=_outline(entries, request),
        item_count=len(entries),
        resume=resume,
        items_done=items_done,
        items_total=items_total,
        tags=list(page.tags.all()),
        # .all() also works on a previewed revision, whose relations live in memory.
        prerequisites=[course for course in page.prerequisites.all() if course.live],
    )


def serve_module(page, request):
    """A module's lessons and quizzes with the learner's done marks."""
    preview = _is_preview(request)
    course = selectors.course_of(page)
    enrollment = None
    if not preview:
        if not request.user.is_authenticated:
            return _refuse(request, course)
        enrollment = selectors.enrollment_for(user=request.user, course=course)
        if not _active(enrollment):
            return _refuse(request, course)
    items = [item for item in selectors.course_items(course) if item.module_id == page.id]
    done = set() if preview else selectors.done_page_ids(user=request.user, course=course)
    entries = _entries(items, done, request)
    return _render(
        page,
        request,
        preview=preview,
        course=course,
        course_url=course.get_url(request),
        enrollment=enrollment,
        entries=entries,
        done_count=sum(1 for entry in entries if entry.done),
    )


def serve_lesson(page, request):
    """The lesson with the learner's own reflections, completion and course navigation."""
    preview = _is_preview(request)
    user = request.user
    # A learner's enrolment brings its course in the same query.
    enrollment = None if preview else selectors.enrollment_within(user=user, page=page)
    course = enrollment.course if enrollment else selectors.course_of(page)
    if course is None:  # only a lesson previewed outside a course
        return _render(page, request, preview=True, lesson_blocks=_lesson_blocks(page))
    if not preview and not _active(enrollment):
        return _refuse(request, course)

    items = selectors.course_items(course)
    done = set() if preview else selectors.done_page_ids(user=user, course=course)
    index = next((i for i, item in enumerate(items) if item.page_id == page.id), None)
    previous_entry = next_entry = None
    if index is not None:
        if index > 0:
            previous_entry = _entries([items[index - 1]], done, request)[0]
        if index + 1 < len(items):
            next_entry = _entries([items[index + 1]], done, request)[0]
        module_id, module_title = items[index].module_id, items[index].module_title
    else:  # a draft lesson in preview: not in the published outline
        parent = page.get_parent()
        module_id, module_title = parent.id, parent.title

    reflections = {}
    draft = None
    if not preview:
        if page.practice_tasks:
            reflections = {
                reflection.task_id: reflection
                for reflection in Reflection.objects.filter(user=user, lesson=page)
            }
        if DRAFT_SESSION_KEY in request.session:
            draft = request.session.pop(DRAFT_SESSION_KEY)
            if draft.get("lesson") != page.id:
                draft = None
        lesson_services.lesson_view(user=user, lesson=page, enrollment=enrollment)

    blocks = _lesson_blocks(page, reflections=reflections, draft=draft)
    tasks_missing = sum(1 for block in blocks if block.is_task and block.saved_at is None)
    return _render(
        page,
        request,
        preview=preview,
        can_submit=not preview,
        course=course,
        course_url=course.get_url(request),
        module_title=module_title,
        module_url=_parent_url(page.url_path, module_id, request),
        lesson_blocks=blocks,
        tasks_total=sum(1 for block in blocks if block.is_task),
        tasks_missing=tasks_missing,
        completed=page.id in done,
        previous_entry=previous_entry,
        next_entry=next_entry,
        position=(index + 1) if index is not None else None,
        items_total=len(items),
    )


def _lesson_blocks(page, *, reflections=None, draft=None) -> list[LessonBlock]:
    reflections = reflections or {}
    blocks = []
    for block in page.body:
        entry = LessonBlock(block=block)
        if entry.is_task:
            reflection = reflections.get(block.id)
            if reflection is not None:
                entry.text, entry.saved_at = reflection.text, reflection.updated_at
            if draft and draft.get("task") == block.id:
                entry.text, entry.error = draft.get("text", ""), draft.get("error", "")
        blocks.append(entry)
    return blocks


# Actions (POST only, CSRF-protected by the middleware)


def _lesson_or_404(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), id=lesson_id)


@require_POST
@login_required
def lesson_complete_view(request, lesson_id: int):
    lesson = _lesson_or_404(lesson_id)
    try:
        enrollment = lesson_services.lesson_complete(user=request.user, lesson=lesson)
    except lesson_services.NotEnrolled:
        return _refuse(request, selectors.course_of(lesson))
    except lesson_services.LessonError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(lesson.get_url(request))
    if enrollment.completed_at is not None and enrollment.items_done >= enrollment.items_total:
        messages.success(request, COURSE_COMPLETED)
        return HttpResponseRedirect(enrollment.course.get_url(request))
    messages.success(request, LESSON_COMPLETED)
    items = selectors.course_items(enrollment.course)
    index = next((i for i, item in enumerate(items) if item.page_id == lesson.id), None)
    if index is not None and index + 1 < len(items):
        return HttpResponseRedirect(items[index + 1].url(request))
    return HttpResponseRedirect(enrollment.course.get_url(request))


@require_POST
@login_required
def reflection_submit_view(request, lesson_id: int, task_id: str):
    lesson = _lesson_or_404(lesson_id)
    text = request.POST.get("text", "")
    try:
        lesson_services.reflection_submit(
            user=request.user, lesson=lesson, task_id=task_id, text=text
        )
    except lesson_services.NotEnrolled:
        return _refuse(request, selectors.course_of(lesson))
    except lesson_services.LessonError as error:
        messages.error(request, error.message)
        request.session[DRAFT_SESSION_KEY] = {
            "lesson": lesson.id,
            "task": task_id,
            "text": text[: lesson_services.REFLECTION_MAX_CHARS],
            "error": str(error.message),
        }
    else:
        messages.success(request, REFLECTION_SAVED)
    return HttpResponseRedirect(f"{lesson.get_url(request)}#task-{task_id}")


urlpatterns = [
    path(
        "pelatihan/pelajaran/<int:lesson_id>/selesai/",
        lesson_complete_view,
        name="lesson_complete",
    ),
    path(
        "pelatihan/pelajaran/<int:lesson_id>/refleksi/<str:task_id>/",
        reflection_submit_view,
        name="reflection_submit",
    ),
]
