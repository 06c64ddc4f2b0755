"""Demo course content and learners' progress, loaded by `manage.py seed_demo`.

The content lives as plain data in `courses.demo_content`. Loading is idempotent: pages
are found by slug under their parent and get a new published revision only when their
content differs, and learners who are already enrolled are left as they are.
"""

import random
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index as search_index
from wagtail.search.signal_handlers import post_save_signal_handler as index_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from lms.demo_network import DEMO_ACCOUNTS
from lms.models import Library, StaffProfile
from lms.roles import GROUP_NAMES, Role

from . import selectors
from .authoring import curriculum_grant
from .demo_content import CATALOG, CURRICULA
from .models import (
    CatalogPage,
    CoursePage,
    CurriculumPage,
    Enrollment,
    LessonPage,
    ModulePage,
    Progress,
    QuizPage,
)
from .services.enrollment import enrollment_create
from .services.progress import enrollment_touch, progress_record

# Block ids derive from the page's place in the tree and the block's position, so a second
# run writes the same JSON, and quiz answers stay attached to their questions.
BLOCK_IDS = uuid.UUID("5b0b6f0e-4a52-4f0c-9a39-3c7a6b1f2d10")

SEED = "sebaya-demo:courses"
VILLAGE_LEARNERS = 20
REGENCY_LEARNERS = 6

# Stages a demo learner can be at in a course.
NOT_STARTED, STARTED, MODULE_DONE, COMPLETED = "not_started", "started", "module", "completed"
STAGE_CYCLE = (STARTED, MODULE_DONE, COMPLETED, NOT_STARTED)

PAGE_CLASSES = (CatalogPage, CurriculumPage, CoursePage, ModulePage, LessonPage, QuizPage)


def _squash(html: str) -> str:
    """Joins the data modules' wrapped lines into one line of HTML."""
    return " ".join(html.split())


def _block_id(*parts) -> str:
    return str(uuid.uuid5(BLOCK_IDS, "/".join(str(part) for part in parts)))


def _list_items(key: str, values: list) -> list[dict]:
    """A ListBlock's raw value, each item with a stable id."""
    return [
        {"type": "item", "value": value, "id": _block_id(key, index)}
        for index, value in enumerate(values)
    ]


def _lesson_block(item: tuple) -> tuple[str, object]:
    kind, *args = item
    if kind == "heading":
        return kind, args[0]
    if kind == "paragraph":
        return kind, _squash(args[0])
    if kind == "callout":
        callout_kind, text = args
        return kind, {"kind": callout_kind, "text": _squash(text)}
    if kind == "practice_task":
        title, instructions, min_words = args
        return kind, {"title": title, "instructions": _squash(instructions), "min_words": min_words}
    raise ValueError(f"Unknown lesson block {kind!r}")


def _question_block(item: tuple, key: str) -> tuple[str, object]:
    kind, *args = item
    if kind in ("single_choice", "multiple_choice"):
        question, options, explanation = args
        return kind, {
            "question": question,
            "options": _list_items(
                key,
                [
                    {"text": text, "correct": correct, "feedback": feedback}
                    for text, correct, feedback in options
                ],
            ),
            "explanation": explanation,
        }
    if kind == "true_false":
        statement, answer, feedback_correct, feedback_wrong = args
        return kind, {
            "question": statement,
            "answer": "true" if answer else "false",
            "feedback_correct": feedback_correct,
            "feedback_wrong": feedback_wrong,
        }
    if kind == "short_answer":
        question, match, accepted, feedback_correct, feedback_wrong = args
        return kind, {
            "question": question,
            "match": match,
            "accepted": _list_items(key, accepted),
            "feedback_correct": feedback_correct,
            "feedback_wrong": feedback_wrong,
        }
    raise ValueError(f"Unknown question type {kind!r}")


def lesson_body(key: str, items: list[tuple]) -> list[dict]:
    """A lesson's StreamField value in raw form, from the data modules' compact tuples."""
    blocks = []
    for index, item in enumerate(items):
        block_type, value = _lesson_block(item)
        blocks.append({"type": block_type, "value": value, "id": _block_id(key, index)})
    return blocks


def quiz_questions(key: str, items: list[tuple]) -> list[dict]:
    blocks = []
    for index, item in enumerate(items):
        block_id = _block_id(key, index)
        block_type, value = _question_block(item, block_id)
        blocks.append({"type": block_type, "value": value, "id": block_id})
    return blocks


def _same(page: Page, name: str, wanted) -> bool:
    field = page._meta.get_field(name)
    current = getattr(page, name)
    if isinstance(field, StreamField):
        return field.get_prep_value(current) == field.get_prep_value(field.to_python(wanted))
    if isinstance(current, Decimal):
        return current == Decimal(str(wanted))
    return current == wanted


@contextmanager
def _search_auto_update_paused(models):
    """Disconnects the search index's save handler from `models` for the duration."""
    paused = [model for model in models if post_save.disconnect(index_on_save, sender=model)]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(index_on_save, sender=model)


def _check_streams(page: Page) -> None:
    """Validates StreamFields as the admin form would (model full_clean does not)."""
    for field in page._meta.fields:
        if isinstance(field, StreamField):
            field.stream_block.clean(getattr(page, field.name))


class ContentLoader:
    """Brings the catalogue's page tree in line with `courses.demo_content`."""

    def __init__(self):
        self.created = 0
        self.updated = 0
        self.courses: dict[str, CoursePage] = {}
        self.published: list[Page] = []
        self.counts = {"curricula": 0, "courses": 0, "modules": 0, "lessons": 0, "quizzes": 0}

    def sync(self, parent: Page, page_class, *, slug: str, fields: dict, tags=None, requires=None):
        """Finds the page by slug under `parent`, creating or updating it only if it differs."""
        page = page_class.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = page_class(slug=slug, live=False, **fields)
            if tags is not None:
                page.tags.set(tags)
            if requires is not None:
                page.prerequisites = requires
            _check_streams(page)
            parent.add_child(instance=page)  # validates the page
            self.publish(page, clean=False)
            self.created += 1
            return page

        changed = [name for name, value in fields.items() if not _same(page, name, value)]
        tags_changed = tags is not None and sorted(page.tags.names()) != sorted(tags)
        requires_changed = requires is not None and {
            course.pk for course in page.prerequisites.all()
        } != {course.pk for course in requires}
        if not (changed or tags_changed or requires_changed or not page.live):
            return page
        for name in changed:
            setattr(page, name, fields[name])
        if tags_changed:
            page.tags.set(tags)
        if requires_changed:
            page.prerequisites = requires
        _check_streams(page)
        self.publish(page)
        self.updated += 1
        return page

    def publish(self, page: Page, *, clean: bool = True) -> None:
        page.save_revision(clean=clean).publish()
        page.refresh_from_db()  # publishing saved a copy made from the revision
        self.published.append(page)

    def load(self) -> CatalogPage:
        # Creating and publishing saves a page three times, and each save would update the
        # search and reference indexes; index each published page once instead.
        with _search_auto_update_paused(PAGE_CLASSES), disable_reference_index_auto_update():
            catalog = self.load_tree()
        for page in self.published:
            search_index.insert_or_update_object(page)
            ReferenceIndex.create_or_update_for_object(page)
        return catalog

    def load_tree(self) -> CatalogPage:
        root = Site.objects.get(is_default_site=True).root_page
        catalog = self.sync(
            root,
            CatalogPage,
            slug=CATALOG["slug"],
            fields={"title": CATALOG["title"], "intro": _squash(CATALOG["intro"])},
        )
        for curriculum in CURRICULA:
            self.load_curriculum(catalog, curriculum)
        return catalog

    def load_curriculum(self, catalog: CatalogPage, data: dict) -> None:
        curriculum = self.sync(
            catalog,
            CurriculumPage,
            slug=data["slug"],
            fields={
                "title": data["title"],
                "summary": data["summary"],
                "description": _squash(data["description"]),
            },
        )
        self.counts["curricula"] += 1
        for course_data in data["courses"]:
            self.load_course(curriculum, course_data)

    def load_course(self, curriculum: CurriculumPage, data: dict) -> None:
        course = self.sync(
            curriculum,
            CoursePage,
            slug=data["slug"],
            fields={
                "title": data["title"],
                "summary": data["summary"],
                "description": _squash(data["description"]),
                "tier": data["tier"],
                "estimated_hours": Decimal(data["estimated_hours"]),
            },
            tags=data["tags"],
            requires=[self.courses[slug] for slug in data.get("prerequisites", ())],
        )
        self.courses[data["slug"]] = course
        self.counts["courses"] += 1
        for module_data in data["modules"]:
            key = f"{data['slug']}/{module_data['slug']}"
            module = self.sync(
                course,
                ModulePage,
                slug=module_data["slug"],
                fields={"title": module_data["title"], "summary": module_data["summary"]},
            )
            self.counts["modules"] += 1
            for lesson in module_data["lessons"]:
                self.sync(
                    module,
                    LessonPage,
                    slug=lesson["slug"],
                    fields={
                        "title": lesson["title"],
                        "estimated_minutes": lesson["minutes"],
                        "body": lesson_body(f"{key}/{lesson['slug']}", lesson["body"]),
                    },
                )
                self.counts["lessons"] += 1
            quiz = module_data["quiz"]
            self.sync(
                module,
                QuizPage,
                slug=quiz["slug"],
                fields={
                    "title": quiz["title"],
                    "intro": quiz["intro"],
                    "pass_mark": 70,
                    "max_attempts": 3,
                    "shuffle_questions": False,
                    "shuffle_options": True,
                    "questions": quiz_questions(f"{key}/{quiz['slug']}", quiz["questions"]),
                },
            )
            self.counts["quizzes"] += 1


@dataclass(frozen=True)
class Plan:
    """Where one demo learner is in one course."""

    username: str
    course: str  # the course's slug in demo_content
    stage: str
    extra: int = 0  # lessons done beyond the stage's minimum
    days_ago: int = 30  # when she enrolled


class ProgressLoader:
    """Enrols demo learners at varied stages; learners already enrolled are left alone."""

    def __init__(self, courses: dict[str, CoursePage]):
        self.courses = courses
        self.rng = random.Random(SEED)
        self.enrollments = 0
        self.progress = 0
        self.now = timezone.now()

    def plans(self) -> list[Plan]:
        rng = self.rng
        demo_usernames = [account.username for account in DEMO_ACCOUNTS]
        learners = StaffProfile.objects.filter(
            user__is_active=True, user__groups__name=GROUP_NAMES[Role.LEARNER]
        ).exclude(user__username__in=demo_usernames)
        peserta = StaffProfile.objects.filter(user__username="peserta").first()
        home_mentor = peserta.library.mentor_library_id if peserta and peserta.library else None

        # Staff of the libraries the demo mentor looks after come first, so her
        # dashboard shows every stage; the rest are drawn at random, always the same.
        villages = list(
            learners.filter(library__kind__in=Library.MENTORED_KINDS)
            .order_by("user__username")
            .values_list("user__username", "library__mentor_library_id")
        )
        own = [username for username, mentor in villages if mentor == home_mentor]
        others = [username for username, mentor in villages if mentor != home_mentor]
        rng.shuffle(others)
        chosen = (own + others)[:VILLAGE_LEARNERS]

        plans = [
            Plan("peserta", "spp-berbasis-tik", MODULE_DONE, days_ago=40),
            Plan("peserta", "tik-perpustakaan-desa", COMPLETED, days_ago=75),
            Plan("pendamping", "spp-berbasis-tik", COMPLETED, days_ago=120),
            Plan("pendamping", "penguatan-fasilitator", STARTED, extra=1, days_ago=20),
        ]
        for index, username in enumerate(chosen):
            stage = STAGE_CYCLE[index % len(STAGE_CYCLE)]
            days_ago = rng.randint(10, 90)
            plans.append(Plan(username, "spp-berbasis-tik", stage, rng.randint(0, 1), days_ago))
            if stage == COMPLETED:
                plans.append(Plan(username, "tik-perpustakaan-desa", COMPLETED, 0, days_ago + 30))
            elif stage == MODULE_DONE:
                plans.append(Plan(username, "tik-perpustakaan-desa", STARTED, 1, days_ago))

        regency = list(
            learners.filter(library__kind=Library.Kind.REGENCY)
            .exclude(user__groups__name=GROUP_NAMES[Role.MENTOR])
            .order_by("user__username")
            .values_list("user__username", flat=True)
        )
        rng.shuffle(regency)
        for index, username in enumerate(regency[:REGENCY_LEARNERS]):
            stage = STAGE_CYCLE[index % len(STAGE_CYCLE)]
            course = ("pelayanan-prima", "advokasi-kemitraan")[index % 2]
            plans.append(Plan(username, course, stage, rng.randint(0, 1), rng.randint(10, 90)))
        return plans

    def load(self) -> None:
        plans = self.plans()
        users = get_user_model().objects.in_bulk(
            {plan.username for plan in plans}, field_name="username"
        )
        existing = set(
            Enrollment.objects.filter(user__in=users.values()).values_list("user_id", "course_id")
        )
        items = {slug: selectors.course_items(course) for slug, course in self.courses.items()}
        pages = Page.objects.in_bulk(
            [item.page_id for course_items in items.values() for item in course_items]
        )
        for plan in plans:
            user, course = users.get(plan.username), self.courses[plan.course]
            if user is None or (user.pk, course.pk) in existing:
                continue
            self.enrol(user, course, plan, items[plan.course], pages)

    def enrol(self, user, course: CoursePage, plan: Plan, items, pages) -> None:
        enrollment_create(user=user, course=course, check_prerequisites=False)
        self.enrollments += 1
        done = self.done_count(items, plan)
        for item in items[:done]:
            page = pages[item.page_id]
            if item.kind == "quizpage":
                self.record(user, page, Progress.Kind.QUIZ_PASSED)
            else:
                self.record(user, page, Progress.Kind.VIEWED)
                self.record(user, page, Progress.Kind.COMPLETED)
        current = items[done] if done < len(items) else None
        if current is not None and done and current.kind == "lessonpage":
            # She opened the next lesson but has not finished it.
            self.record(user, pages[current.page_id], Progress.Kind.VIEWED)
        if done:
            last = pages[(current or items[done - 1]).page_id]
            enrollment_touch(user=user, course=course, page=last)

        enrolled_at = self.now - timedelta(days=plan.days_ago, hours=self.rng.randint(0, 9))
        update = {"enrolled_at": enrolled_at}
        if not done:
            update["last_activity_at"] = enrolled_at
        elif done < len(items):
            # Unfinished learners last worked some days ago, so mentors see who has stalled.
            update["last_activity_at"] = min(
                self.now, enrolled_at + timedelta(days=self.rng.randint(1, plan.days_ago))
            )
        Enrollment.objects.filter(user=user, course=course).update(**update)

    @staticmethod
    def done_count(items, plan: Plan) -> int:
        if plan.stage == NOT_STARTED or not items:
            return 0
        if plan.stage == COMPLETED:
            return len(items)
        first_module = [item for item in items if item.module_id == items[0].module_id]
        if plan.stage == STARTED:
            # Some lessons of the first module, never its quiz.
            return min(1 + plan.extra, len(first_module) - 1)
        return min(len(first_module) + plan.extra, len(items) - 1)

    def record(self, user, page: Page, kind: str) -> None:
        if progress_record(user=user, page=page, kind=kind):
            self.progress += 1


# The curriculum the demo trainer account writes (her edits go to an admin for approval).
DEMO_TRAINER_CURRICULUM = "teknologi-informasi"


def _grant_demo_trainer() -> None:
    """The demo trainer `pelatih` writes the IT & information literacy curriculum."""
    accounts = get_user_model().objects.in_bulk(["pelatih", "admin"], field_name="username")
    curriculum = CurriculumPage.objects.get(slug=DEMO_TRAINER_CURRICULUM)
    curriculum_grant(
        curriculum=curriculum, trainer=accounts["pelatih"], granted_by=accounts["admin"]
    )


def load(*, stdout) -> None:
    with transaction.atomic():
        content = ContentLoader()
        content.load()
        learners = ProgressLoader(content.courses)
        learners.load()
        _grant_demo_trainer()
    stdout.write(
        _(
            "Demo courses: %(curricula)d curricula, %(courses)d courses, %(modules)d modules, "
            "%(lessons)d lessons, %(quizzes)d quizzes (%(created)d pages created, "
            "%(updated)d updated); %(enrollments)d enrolments and %(progress)d progress "
            "records created."
        )
        % {
            **content.counts,
            "created": content.created,
            "updated": content.updated,
            "enrollments": learners.enrollments,
            "progress": learners.progress,
        }
    )
