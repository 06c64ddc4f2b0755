"""The demo catalogue loaded by `manage.py seed_demo`: real content, idempotent, varied learners."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Revision, Site

from courses import demo
from courses.authoring import curricula_for_trainer
from courses.models import (
    CatalogPage,
    CoursePage,
    CurriculumPage,
    Enrollment,
    LessonPage,
    ModulePage,
    Progress,
    QuizPage,
)

pytestmark = pytest.mark.django_db

User = get_user_model()

CURRICULA = {
    "Teknologi Informasi & Kesadaran Informasi",
    "Marketing & Pelayanan Prima",
    "Advokasi & Mobilisasi Sosial",
    "Pelibatan Masyarakat",
    "Pelatihan Fasilitator (ToT)",
}
SPP = "Strategi Pengembangan Perpustakaan Berbasis TIK"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeds once for the module; every test runs in a savepoint that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(seeded, db) -> str:
    return seeded


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def lesson_words(lesson: LessonPage) -> int:
    total = 0
    for block in lesson.body:
        value = block.value
        if block.block_type == "heading":
            total += words(value)
        elif block.block_type == "paragraph":
            total += words(value.source)
        elif block.block_type == "callout":
            total += words(value["text"].source)
        elif block.block_type == "practice_task":
            total += words(value["title"]) + words(value["instructions"].source)
    return total


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("pk").values("pk", "path", "title", "live")),
        "revisions": Revision.objects.count(),
        "enrollments": list(Enrollment.objects.order_by("pk").values()),
        "progress": list(Progress.objects.order_by("pk").values_list("pk", flat=True)),
    }


def test_catalogue_and_curricula(output):
    catalog = CatalogPage.objects.get()
    assert (catalog.slug, catalog.title) == ("pelatihan", "Katalog Pelatihan")
    assert catalog.get_parent().pk == Site.objects.get(is_default_site=True).root_page_id
    curricula = CurriculumPage.objects.child_of(catalog).live()
    assert set(curricula.values_list("title", flat=True)) == CURRICULA
    for curriculum in curricula:
        assert CoursePage.objects.child_of(curriculum).live().exists(), curriculum.title
    tiers = set(CoursePage.objects.values_list("tier", flat=True))
    assert tiers == {CoursePage.Tier.REGENCY, CoursePage.Tier.VILLAGE}
    assert all(1 <= course.estimated_hours <= 40 for course in CoursePage.objects.all())


def test_pages_are_in_the_search_index(output):
    # Indexing is paused while pages are saved and done once per page at the end.
    found = CoursePage.objects.live().search("advokasi")
    assert "advokasi-kemitraan" in {course.slug for course in found}
    assert LessonPage.objects.live().search("hoaks")


def test_every_page_was_published_through_a_revision(output):
    pages = Page.objects.type(
        CatalogPage, CurriculumPage, CoursePage, ModulePage, LessonPage, QuizPage
    )
    assert pages.count() > 60
    assert not pages.filter(live=False).exists()
    assert not pages.filter(live_revision__isnull=True).exists()
    assert not pages.filter(has_unpublished_changes=True).exists()


def test_every_module_has_three_real_lessons_and_one_quiz(output):
    modules = ModulePage.objects.live()
    assert modules.count() >= 10
    for module in modules:
        lessons = LessonPage.objects.child_of(module).live()
        assert lessons.count() >= 3, module.title
        assert QuizPage.objects.child_of(module).live().count() == 1, module.title
        for lesson in lessons:
            text = " ".join(str(block.value) for block in lesson.body)
            assert 250 <= lesson_words(lesson) <= 500, lesson.title
            assert "lorem" not in text.lower() and "TODO" not in text
            kinds = {block.block_type for block in lesson.body}
            assert {"heading", "paragraph", "callout"} <= kinds, lesson.title
    tasks = [task for lesson in LessonPage.objects.live() for task in lesson.practice_tasks]
    assert len(tasks) >= 10
    assert all(20 <= task.value["min_words"] <= 40 for task in tasks)


def test_every_quiz_has_valid_questions_with_a_right_answer(output):
    for quiz in QuizPage.objects.live():
        assert quiz.pass_mark == 70
        assert 4 <= len(quiz.questions) <= 6, quiz.title
        quiz.questions.stream_block.clean(quiz.questions)  # raises if an answer is missing
        for question in quiz.questions:
            value = question.value
            if question.block_type == "single_choice":
                assert sum(option["correct"] for option in value["options"]) == 1
            elif question.block_type == "multiple_choice":
                assert any(option["correct"] for option in value["options"])
                assert all(option["feedback"] for option in value["options"])
            elif question.block_type == "true_false":
                assert value["answer"] in {"true", "false"}
            else:
                assert [answer for answer in value["accepted"] if answer.strip()]
    kinds = {question.block_type for quiz in QuizPage.objects.all() for question in quiz.questions}
    assert kinds == {"single_choice", "multiple_choice", "true_false", "short_answer"}


def test_tot_requires_spp(output):
    tot = CoursePage.objects.get(slug="penguatan-fasilitator")
    assert [course.title for course in tot.prerequisites.all()] == [SPP]
    spp = CoursePage.objects.get(title=SPP)
    assert spp.tier == CoursePage.Tier.VILLAGE
    assert {"pelibatan-masyarakat", "advokasi", "dokumentasi"} <= set(spp.tags.names())
    assert tot.get_parent().title == "Pelatihan Fasilitator (ToT)"


def test_block_ids_are_stable():
    first = demo.quiz_questions("kursus/modul/kuis", [_QUESTION])
    second = demo.quiz_questions("kursus/modul/kuis", [_QUESTION])
    assert first == second
    assert first[0]["id"] != demo.quiz_questions("lain/modul/kuis", [_QUESTION])[0]["id"]


_QUESTION = ("single_choice", "Pertanyaan?", [("Ya", True, ""), ("Tidak", False, "")], "")


def test_a_second_run_changes_nothing(output):
    before = snapshot()
    out = StringIO()
    with translation.override("en"):
        demo.load(stdout=out)
    assert snapshot() == before
    assert "(0 pages created, 0 updated); 0 enrolments and 0 progress records" in out.getvalue()


def test_a_changed_lesson_gets_one_new_revision(output):
    lesson = LessonPage.objects.live().order_by("path").first()
    lesson.title = "Judul yang diubah"
    lesson.save_revision().publish()
    revisions = Revision.objects.count()
    demo.load(stdout=StringIO())
    lesson.refresh_from_db()
    assert lesson.title != "Judul yang diubah"
    assert Revision.objects.count() == revisions + 1


def test_demo_learners_are_at_varied_stages(output):
    spp = CoursePage.objects.get(title=SPP)
    enrollments = Enrollment.objects.filter(course=spp).exclude(
        user__username__in=["peserta", "pendamping"]
    )
    assert 15 <= enrollments.count() <= 25
    assert enrollments.filter(completed_at__isnull=False, items_done=12).exists()
    assert enrollments.filter(completed_at__isnull=True, items_done__gt=0).exists()
    assert enrollments.filter(items_done=0).exists()
    for enrollment in enrollments:
        assert enrollment.items_total == 12
        assert (
            Progress.objects.filter(
                user=enrollment.user, course=spp, kind=Progress.Kind.COMPLETED
            ).count()
            <= enrollment.items_done
        )
    assert len(set(enrollments.values_list("items_done", flat=True))) >= 4
    # Every learner is a village library's staff member.
    assert not enrollments.exclude(
        user__staff_profile__library__kind__in=["village", "tbm"]
    ).exists()


def test_peserta_is_a_third_through_spp_and_has_completed_tik(output):
    enrollments = {
        enrollment.course.slug: enrollment
        for enrollment in Enrollment.objects.filter(user__username="peserta").select_related(
            "course", "last_page"
        )
    }
    assert set(enrollments) == {"spp-berbasis-tik", "tik-perpustakaan-desa"}
    spp, tik = enrollments["spp-berbasis-tik"], enrollments["tik-perpustakaan-desa"]
    assert tik.completed_at is not None and tik.percent == 100
    assert spp.completed_at is None and 25 <= spp.percent <= 40
    # Her next step is the first lesson of SPP's second module, which she has opened.
    assert spp.last_page.title == "Menentukan sasaran advokasi di desa"
    assert Progress.objects.filter(
        user__username="peserta", page=spp.last_page, kind=Progress.Kind.VIEWED
    ).exists()


def test_catalogue_is_served(output, client):
    response = client.get("/pelatihan/")
    assert response.status_code == 200
    for curriculum in CurriculumPage.objects.live():
        assert client.get(curriculum.url).status_code == 200


def test_peserta_can_open_her_demo_courses(output, client):
    """The demo content renders through the learner's pages, rich text, tasks and quizzes."""
    client.force_login(User.objects.get(username="peserta"))
    assert client.get(reverse("courses:dashboard")).status_code == 200
    spp = Enrollment.objects.select_related("course", "last_page").get(
        user__username="peserta", course__slug="spp-berbasis-tik"
    )
    for url in (spp.course.url, spp.last_page.url):
        assert client.get(url).status_code == 200, url
    tik = CoursePage.objects.get(slug="tik-perpustakaan-desa")
    for page in [*LessonPage.objects.descendant_of(tik), *QuizPage.objects.descendant_of(tik)]:
        assert client.get(page.url).status_code == 200, page.url


def test_the_demo_trainer_writes_the_it_curriculum(output):
    trainer = User.objects.get(username="pelatih")
    assert [c.slug for c in curricula_for_trainer(user=trainer)] == ["teknologi-informasi"]
