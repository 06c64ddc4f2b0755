"""Builders for course trees (catalogue > curriculum > course > module > lesson/quiz)."""

import itertools

from wagtail.models import Page, Site

from courses.models import (
    CatalogPage,
    CoursePage,
    CurriculumPage,
    LessonPage,
    ModulePage,
    QuizPage,
)

_seq = itertools.count(1)


def catalog() -> CatalogPage:
    existing = CatalogPage.objects.first()
    if existing:
        return existing
    home = Site.objects.get(is_default_site=True).root_page
    page = CatalogPage(title="Katalog Pelatihan", slug="pelatihan")
    home.add_child(instance=page)
    return page


def curriculum(title: str = "Teknologi Informasi & Kesadaran Informasi") -> CurriculumPage:
    n = next(_seq)
    page = CurriculumPage(title=title, slug=f"kurikulum-{n}", summary="Ringkasan kurikulum.")
    catalog().add_child(instance=page)
    return page


def lesson_body(paragraphs: int = 2, *, task: bool = False) -> list:
    body = [("heading", "Pengantar")]
    body += [("paragraph", f"<p>Paragraf pelajaran {i}.</p>") for i in range(paragraphs)]
    if task:
        body.append(
            (
                "practice_task",
                {
                    "title": "Tugas praktik",
                    "instructions": "<p>Coba di perpustakaan Anda.</p>",
                    "min_words": 5,
                },
            )
        )
    return body


def quiz_questions() -> list:
    """One question of each kind; the right answers are the first option, True, and 'TIK'."""
    return [
        (
            "single_choice",
            {
                "question": "Apa kepanjangan TIK?",
                "options": [
                    {
                        "text": "Teknologi Informasi dan Komunikasi",
                        "correct": True,
                        "feedback": "Benar.",
                    },
                    {"text": "Tata Informasi Kota", "correct": False, "feedback": "Bukan."},
                ],
                "explanation": "",
            },
        ),
        (
            "multiple_choice",
            {
                "question": "Mana yang termasuk layanan berbasis TIK?",
                "options": [
                    {"text": "Pelatihan internet", "correct": True, "feedback": ""},
                    {"text": "Komputer untuk umum", "correct": True, "feedback": ""},
                    {"text": "Rak buku kayu", "correct": False, "feedback": "Bukan TIK."},
                ],
                "explanation": "",
            },
        ),
        (
            "true_false",
            {
                "question": "Perpustakaan desa bisa menjadi pusat belajar masyarakat.",
                "answer": "true",
                "feedback_correct": "",
                "feedback_wrong": "",
            },
        ),
        (
            "short_answer",
            {
                "question": "Singkatan untuk teknologi informasi dan komunikasi?",
                "match": "exact",
                "accepted": ["TIK", "ICT"],
                "feedback_correct": "",
                "feedback_wrong": "",
            },
        ),
    ]


def course(
    *,
    parent: CurriculumPage | None = None,
    modules: int = 1,
    lessons_per_module: int = 3,
    quiz: bool = True,
    tier: str = CoursePage.Tier.VILLAGE,
    title: str | None = None,
    task: bool = False,
) -> CoursePage:
    """A live course whose modules each hold `lessons_per_module` lessons and a quiz."""
    n = next(_seq)
    page = CoursePage(
        title=title or f"Pelatihan {n}",
        slug=f"pelatihan-{n}",
        summary="Ringkasan pelatihan.",
        tier=tier,
        estimated_hours=2,
    )
    (parent or curriculum()).add_child(instance=page)
    for m in range(modules):
        module = ModulePage(title=f"Modul {m + 1}", slug=f"modul-{m + 1}")
        page.add_child(instance=module)
        for lesson_number in range(lessons_per_module):
            module.add_child(
                instance=LessonPage(
                    title=f"Pelajaran {m + 1}.{lesson_number + 1}",
                    slug=f"pelajaran-{lesson_number + 1}",
                    body=lesson_body(task=task and lesson_number == 0),
                )
            )
        if quiz:
            module.add_child(
                instance=QuizPage(
                    title=f"Kuis modul {m + 1}",
                    slug="kuis",
                    pass_mark=75,
                    max_attempts=3,
                    questions=quiz_questions(),
                )
            )
    return page


def lessons(course_page: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course_page).live().order_by("path"))


def quizzes(course_page: CoursePage) -> list[QuizPage]:
    return list(QuizPage.objects.descendant_of(course_page).live().order_by("path"))


__all__ = ["Page", "catalog", "course", "curriculum", "lessons", "quizzes"]
