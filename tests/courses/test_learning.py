"""Course, module and lesson pages: access, progress, reflections, completion, navigation."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses import selectors
from courses.models import Enrollment, Progress, Reflection
from courses.services import lessons as lesson_services
from courses.services.progress import enrollment_refresh, progress_record
from courses.views import learning
from lms import signals
from tests.courses import factories as courses
from tests.lms import factories

pytestmark = pytest.mark.django_db

ENOUGH_WORDS = "Saya mengajak ibu PKK belajar internet di perpustakaan desa."


def enrol(user, course, **fields) -> Enrollment:
    Enrollment.objects.create(user=user, course=course, enrolled_at=timezone.now(), **fields)
    return enrollment_refresh(user=user, course=course)


def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


def texts(response) -> str:
    return response.content.decode()


def page_ids_in_outline(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'data-page-id="(\d+)"', html)]


def done_ids_in_outline(html: str) -> set[int]:
    return {int(found) for found in re.findall(r'data-page-id="(\d+)" data-done="1"', html)}


def links_to(html: str, link_id: str, url: str) -> bool:
    return bool(re.search(rf'id="{link_id}"[^>]*href="{re.escape(url)}"', html))


def task_id(lesson) -> str:
    return lesson.practice_tasks[0].id


def reflect_url(lesson) -> str:
    return reverse(
        "courses:reflection_submit", kwargs={"lesson_id": lesson.id, "task_id": task_id(lesson)}
    )


def complete_url(lesson) -> str:
    return reverse("courses:lesson_complete", kwargs={"lesson_id": lesson.id})


@pytest.fixture
def course():
    """Two modules of two lessons and a quiz; each module's first lesson has a practice task."""
    return courses.course(modules=2, lessons_per_module=2, task=True)


@pytest.fixture
def lessons(course):
    return courses.lessons(course)


@pytest.fixture
def enrolled(learner, course):
    enrol(learner, course)
    return learner


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return english(client)


# The course page


def test_course_page_shows_outline_progress_and_where_to_continue(
    learner_client, enrolled, course, lessons
):
    progress_record(user=enrolled, page=lessons[1], kind=Progress.Kind.COMPLETED)
    response = learner_client.get(course.url)
    html = texts(response)
    assert response.status_code == 200
    items = selectors.course_items(course)
    assert page_ids_in_outline(html) == [item.page_id for item in items]
    assert done_ids_in_outline(html) == {lessons[1].id}
    assert 'id="course-progress" class="muted" data-done="1" data-total="6"' in html
    assert "Modul 1" in html and "Modul 2" in html and "Kuis modul 1" in html
    # Nothing opened yet: the continue link starts at the first item not done.
    assert links_to(html, "continue-link", lessons[0].url)
    assert "Start the course" in html


def test_continue_link_goes_to_the_last_page_opened(learner_client, course, lessons):
    learner_client.get(lessons[2].url)
    html = texts(learner_client.get(course.url))
    assert links_to(html, "continue-link", lessons[2].url)
    assert "Continue where you left off" in html


def test_course_page_is_public_with_a_sign_in_link(client, course, lessons):
    response = english(client).get(course.url)
    html = texts(response)
    assert response.status_code == 200
    assert course.title in html and lessons[0].title in html
    assert f"{reverse('lms:login')}?next=" in html
    # The outline names the lessons but links none of them for a visitor.
    assert f'href="{lessons[0].url}"' not in html
    assert 'id="continue-link"' not in html


# Access to modules and lessons


@pytest.mark.parametrize("which", ["module", "lesson"])
def test_signing_in_is_needed(client, course, lessons, which):
    page = lessons[0].get_parent() if which == "module" else lessons[0]
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:login") + "?next=")
    assert not Progress.objects.exists()


@pytest.mark.parametrize("which", ["module", "lesson"])
@pytest.mark.parametrize("status", [None, Enrollment.Status.WITHDRAWN])
def test_an_active_enrolment_is_needed(client, learner, course, lessons, which, status):
    if status:
        enrol(learner, course, status=status)
    client.force_login(learner)
    page = lessons[0].get_parent() if which == "module" else lessons[0]
    response = english(client).get(page.url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert str(lesson_services.ENROL_FIRST) in texts(response)
    assert not Progress.objects.exists()


def test_module_page_lists_its_items_with_done_marks(learner_client, enrolled, course, lessons):
    progress_record(user=enrolled, page=lessons[0], kind=Progress.Kind.COMPLETED)
    module = lessons[0].get_parent()
    response = learner_client.get(module.url)
    html = texts(response)
    assert response.status_code == 200
    first_module = [item.page_id for item in selectors.course_items(course)][:3]
    assert page_ids_in_outline(html) == first_module
    assert done_ids_in_outline(html) == {lessons[0].id}
    assert f'href="{course.url}"' in html


# Reading a lesson


def test_enrolled_learner_reads_the_lesson_and_it_is_remembered(
    learner_client, enrolled, course, lessons
):
    lesson = lessons[0]
    response = learner_client.get(lesson.url)
    html = texts(response)
    assert response.status_code == 200
    assert "Pengantar" in html and "Paragraf pelajaran 0." in html
    assert "Tugas praktik" in html and "Coba di perpustakaan Anda." in html
    assert f'action="{reflect_url(lesson)}"' in html
    assert re.search(r'id="complete-button"[^>]*disabled', html)  # the task is not done yet
    assert f'href="{course.url}"' in html and f'href="{lesson.get_parent().url}"' in html
    learner_client.get(lesson.url)
    assert Progress.objects.filter(user=enrolled, page=lesson).count() == 1
    viewed = Progress.objects.get(user=enrolled, page=lesson)
    assert viewed.kind == Progress.Kind.VIEWED and viewed.course_id == course.id
    assert Enrollment.objects.get(user=enrolled, course=course).last_page_id == lesson.id


def test_a_repeat_view_costs_two_queries_and_none_where_she_left_off(
    enrolled, course, lessons, django_assert_num_queries
):
    first, second = lessons[0], lessons[1]
    lesson_services.lesson_view(user=enrolled, lesson=first)
    lesson_services.lesson_view(user=enrolled, lesson=second)
    enrollment = Enrollment.objects.select_related("course").get(user=enrolled, course=course)
    assert enrollment.last_page_id == second.id
    with django_assert_num_queries(0):
        lesson_services.lesson_view(user=enrolled, lesson=second, enrollment=enrollment)
    with django_assert_num_queries(2):  # seen before: no new record, the last page moves back
        lesson_services.lesson_view(user=enrolled, lesson=first, enrollment=enrollment)
    enrollment.refresh_from_db()
    assert enrollment.last_page_id == first.id
    assert Progress.objects.filter(user=enrolled, kind=Progress.Kind.VIEWED).count() == 2


def test_previous_and_next_cross_module_boundaries(learner_client, course, lessons):
    items = selectors.course_items(course)
    quiz = courses.quizzes(course)[0]
    last_of_module_1, first_of_module_2 = lessons[1], lessons[2]
    html = texts(learner_client.get(last_of_module_1.url))
    assert links_to(html, "previous-link", lessons[0].url)
    assert links_to(html, "next-link", quiz.url)
    html = texts(learner_client.get(first_of_module_2.url))
    assert links_to(html, "previous-link", quiz.url)
    assert links_to(html, "next-link", lessons[3].url)
    html = texts(learner_client.get(lessons[0].url))
    assert 'id="previous-link"' not in html
    assert [item.page_id for item in items].index(lessons[0].id) == 0


def test_every_kind_of_block_renders_accessibly(learner_client, lessons):
    picture = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "white").save(picture, "PNG")
    image = Image.objects.create(title="Balai desa", file=ImageFile(picture, name="balai.png"))
    document = Document.objects.create(
        title="Panduan rencana kerja", file=ContentFile(b"x" * 2048, name="panduan.pdf")
    )
    video_url = "https://www.youtube.com/watch?v=perpuseru"
    # A cached embed, as Wagtail keeps one after the first fetch (the tests have no network).
    Embed.objects.create(
        url=video_url,
        hash=get_embed_hash(video_url, None, None),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/perpuseru" title="Video"></iframe>',
        width=640,
        height=360,
    )
    lesson = lessons[1]
    lesson.body = [
        ("heading", "Rencana kerja"),
        ("image", {"image": image, "caption": "Warga di balai desa", "alt_text": "Rapat"}),
        ("video", {"video": video_url, "caption": "Cerita dampak"}),
        ("download", {"document": document, "label": ""}),
        ("callout", {"kind": "warning", "text": "<p>Catat kehadiran.</p>"}),
    ]
    lesson.save_revision().publish()
    html = texts(learner_client.get(lesson.url))
    assert '<h2 class="learn-heading">Rencana kerja</h2>' in html
    img = re.search(r"<img [^>]*>", html).group(0)
    assert 'alt="Rapat"' in img and ".webp" in img and "srcset=" in img
    assert "<figcaption>Warga di balai desa</figcaption>" in html
    assert 'src="https://www.youtube.com/embed/perpuseru"' in html
    assert f'href="{video_url}"' in html
    assert f'href="{document.url}"' in html and "Panduan rencana kerja" in html
    assert "(PDF, 2.0\xa0KB)" in html
    assert "learn-callout-warning" in html and "Watch out" in html


# Reflections


def test_a_short_reflection_is_refused_with_its_text_kept(learner_client, enrolled, lessons):
    lesson = lessons[0]
    response = learner_client.post(reflect_url(lesson), {"text": "Baru dua"}, follow=True)
    html = texts(response)
    message = lesson_services.REFLECTION_TOO_SHORT % {"count": 5, "written": 2}
    assert "Write at least 5 words; you wrote 2." == message
    assert message in html
    assert ">Baru dua</textarea>" in html  # nothing the learner typed is lost
    assert 'aria-invalid="true"' in html
    assert not Reflection.objects.exists()
    assert not Progress.objects.filter(kind=Progress.Kind.TASK_SUBMITTED).exists()
    # The kept text is shown once only.
    assert ">Baru dua</textarea>" not in texts(learner_client.get(lesson.url))


def test_the_service_refuses_unknown_tasks_and_empty_text(enrolled, lessons):
    with pytest.raises(lesson_services.LessonError) as refused:
        lesson_services.reflection_submit(
            user=enrolled, lesson=lessons[1], task_id=task_id(lessons[0]), text=ENOUGH_WORDS
        )
    assert refused.value.message == lesson_services.TASK_NOT_FOUND
    with pytest.raises(lesson_services.LessonError) as refused:
        lesson_services.reflection_submit(
            user=enrolled, lesson=lessons[0], task_id=task_id(lessons[0]), text="   "
        )
    assert refused.value.message == lesson_services.REFLECTION_EMPTY
    assert not Reflection.objects.exists()


def test_a_reflection_is_saved_and_can_be_changed(learner_client, enrolled, lessons):
    lesson = lessons[0]
    response = learner_client.post(reflect_url(lesson), {"text": ENOUGH_WORDS})
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#task-{task_id(lesson)}"
    reflection = Reflection.objects.get()
    assert (reflection.user, reflection.lesson_id, reflection.task_id) == (
        enrolled,
        lesson.id,
        task_id(lesson),
    )
    html = texts(learner_client.get(lesson.url))
    assert f">{ENOUGH_WORDS}</textarea>" in html
    assert "Update my reflection" in html

    learner_client.post(reflect_url(lesson), {"text": ENOUGH_WORDS + " Lalu kami praktik."})
    reflection = Reflection.objects.get()
    assert reflection.text.endswith("Lalu kami praktik.")
    assert Progress.objects.filter(user=enrolled, kind=Progress.Kind.TASK_SUBMITTED).count() == 1


def test_a_learner_never_sees_another_learners_reflection(
    learner_client, enrolled, course, lessons, client
):
    lesson = lessons[0]
    learner_client.post(reflect_url(lesson), {"text": "Rahasia Sari: " + ENOUGH_WORDS})
    other = factories.user()
    enrol(other, course)
    other_client = Client()
    other_client.force_login(other)
    html = texts(english(other_client).get(lesson.url))
    assert "Rahasia Sari" not in html
    assert re.search(r"<textarea[^>]*></textarea>", html)
    assert "Send my reflection" in html


# Completing a lesson


def test_completing_before_the_tasks_is_refused(learner_client, enrolled, lessons):
    lesson = lessons[0]
    response = learner_client.post(complete_url(lesson), follow=True)
    assert response.redirect_chain[0][0] == lesson.url
    message = lesson_services.TASKS_MISSING % {"count": 1}
    assert message in texts(response)
    assert not Progress.objects.filter(kind=Progress.Kind.COMPLETED).exists()


def test_completing_after_the_task_and_twice_leaves_one_progress(
    learner_client, enrolled, course, lessons
):
    lesson = lessons[0]
    learner_client.post(reflect_url(lesson), {"text": ENOUGH_WORDS})
    html = texts(learner_client.get(lesson.url))
    assert not re.search(r'id="complete-button"[^>]*disabled', html)
    response = learner_client.post(complete_url(lesson))
    assert response["Location"] == lessons[1].url  # on to the next item
    learner_client.post(complete_url(lesson))
    completed = Progress.objects.filter(user=enrolled, page=lesson, kind=Progress.Kind.COMPLETED)
    assert completed.count() == 1
    enrollment = Enrollment.objects.get(user=enrolled, course=course)
    assert (enrollment.items_done, enrollment.items_total) == (1, 6)
    assert 'id="lesson-completed"' in texts(learner_client.get(lesson.url))


def test_completing_the_last_item_completes_the_course_once(
    client, learner, django_capture_on_commit_callbacks
):
    small = courses.course(modules=2, lessons_per_module=1, quiz=False)
    first, last = courses.lessons(small)
    enrol(learner, small)
    client.force_login(learner)
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signals.course_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(complete_url(first))
        assert received == []
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(complete_url(last))
            client.post(complete_url(last))
            client.post(complete_url(first))
    finally:
        signals.course_completed.disconnect(receiver)
    assert response["Location"] == small.url
    assert len(received) == 1
    assert received[0]["user"] == learner and received[0]["course"] == small
    enrollment = Enrollment.objects.get(user=learner, course=small)
    assert enrollment.completed_at is not None and enrollment.percent == 100


def test_the_service_refuses_learners_who_are_not_enrolled(learner, lessons):
    with pytest.raises(lesson_services.NotEnrolled):
        lesson_services.lesson_complete(user=learner, lesson=lessons[1])
    with pytest.raises(lesson_services.NotEnrolled):
        lesson_services.reflection_submit(
            user=learner, lesson=lessons[0], task_id=task_id(lessons[0]), text=ENOUGH_WORDS
        )
    assert not Progress.objects.exists() and not Reflection.objects.exists()


# The actions: POST only, CSRF, signed in, enrolled


@pytest.mark.parametrize("action", ["complete", "reflect"])
def test_actions_refuse_get(learner_client, lessons, action):
    url = complete_url(lessons[0]) if action == "complete" else reflect_url(lessons[0])
    assert learner_client.get(url).status_code == 405
    assert not Progress.objects.filter(kind=Progress.Kind.COMPLETED).exists()


@pytest.mark.parametrize("action", ["complete", "reflect"])
def test_actions_need_the_csrf_token(enrolled, lessons, action):
    lesson = lessons[1] if action == "complete" else lessons[0]
    url = complete_url(lesson) if action == "complete" else reflect_url(lesson)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(enrolled)
    assert strict.post(url, {"text": ENOUGH_WORDS}).status_code == 403
    assert not Reflection.objects.exists()
    assert not Progress.objects.filter(kind=Progress.Kind.COMPLETED).exists()
    # With the token the page gives, the same request is accepted.
    html = texts(strict.get(lesson.url))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = strict.post(url, {"text": ENOUGH_WORDS, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


@pytest.mark.parametrize("action", ["complete", "reflect"])
def test_actions_need_sign_in_and_enrolment(client, learner, lessons, course, action):
    url = complete_url(lessons[1]) if action == "complete" else reflect_url(lessons[0])
    response = client.post(url, {"text": ENOUGH_WORDS})
    assert response["Location"].startswith(reverse("lms:login"))
    client.force_login(learner)
    response = client.post(url, {"text": ENOUGH_WORDS})
    assert response["Location"] == course.url
    assert not Reflection.objects.exists() and not Progress.objects.exists()


def test_actions_on_an_unpublished_lesson_are_not_found(learner_client, lessons):
    lessons[1].unpublish()
    assert learner_client.post(complete_url(lessons[1])).status_code == 404


def test_pages_below_the_catalogue_are_found_by_their_address_and_unpublished_ones_are_not(
    learner_client, course, lessons
):
    url = lessons[1].url
    response = learner_client.get(url)
    assert response.status_code == 200
    assert lessons[1].title in texts(response)
    assert learner_client.get(course.url).status_code == 200
    assert learner_client.get(f"{course.url}tidak-ada/").status_code == 404
    lessons[1].unpublish()
    assert learner_client.get(url).status_code == 404


def test_a_password_on_the_curriculum_guards_its_lessons(learner_client, course, lessons):
    PageViewRestriction.objects.create(
        page=course.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    response = learner_client.get(lessons[0].url)
    assert lessons[0].title not in texts(response)
    assert 'name="password"' in response.content.decode()


# Trainers preview a lesson from the admin


def test_admin_preview_shows_the_practice_task_and_records_nothing(
    client, programme_admin, lessons
):
    lesson = lessons[0]
    client.force_login(programme_admin)
    english(client)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.id]))
    assert edit.status_code == 200
    data = querydict_from_html(texts(edit), form_id="page-edit-form")
    # The body editor is drawn by JavaScript, so its fields are not in the HTML: the
    # trainer's unsaved draft is typed here, with a rewritten practice task.
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("heading", "Pengantar"),
                        (
                            "practice_task",
                            {
                                "title": "Tugas praktik baru",
                                "instructions": rich_text("<p>Diskusikan dengan kepala desa.</p>"),
                                "min_words": "10",
                            },
                        ),
                    ]
                )
            }
        )
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.id])
    posted = client.post(preview_url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)
    html = texts(response)
    assert response.status_code == 200
    assert 'id="preview-note"' in html
    assert "Tugas praktik baru" in html and "Diskusikan dengan kepala desa." in html
    assert "Write at least 10 words" in html
    assert re.search(r"<textarea[^>]*disabled", html)
    assert re.search(r'id="complete-button"[^>]*disabled', html)
    assert "action=" not in re.search(r'<form class="learn-reflection"[^>]*>', html).group(0)
    assert not Progress.objects.exists() and not Enrollment.objects.exists()


def test_preview_request_renders_without_a_learner(lessons):
    response = lessons[0].make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tugas praktik" in html and re.search(r"<textarea[^>]*disabled", html)
    assert not Progress.objects.exists()


def test_lesson_view_in_preview_mode_renders_for_a_non_learner(rf, programme_admin, lessons):
    """What Wagtail's preview shows once LessonPage.serve_preview hands over to serve()."""
    request = rf.get(lessons[0].url)
    request.user = programme_admin
    request.is_preview = True
    response = learning.serve_lesson(lessons[0], request)
    html = response.render().content.decode()
    assert response.status_code == 200
    assert 'id="preview-note"' in html and "Tugas praktik" in html
    assert re.search(r"<textarea[^>]*disabled", html)
    assert links_to(html, "next-link", lessons[1].url)
    assert not Progress.objects.exists()


# Pages cost the same whatever the size of the course


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _course_with_progress(learner, *, lessons_per_module, modules):
    course_page = courses.course(modules=modules, lessons_per_module=lessons_per_module, task=True)
    enrol(learner, course_page)
    lesson_list = courses.lessons(course_page)
    lesson_services.reflection_submit(
        user=learner, lesson=lesson_list[0], task_id=task_id(lesson_list[0]), text=ENOUGH_WORDS
    )
    for lesson in lesson_list[:2]:
        lesson_services.lesson_complete(user=learner, lesson=lesson)
    return course_page, lesson_list


def test_lesson_and_course_pages_run_the_same_queries_for_3_or_60_lessons(client, learner):
    small, small_lessons = _course_with_progress(learner, modules=1, lessons_per_module=3)
    large, large_lessons = _course_with_progress(learner, modules=3, lessons_per_module=20)
    assert len(small_lessons) == 3 and len(large_lessons) == 60
    client.force_login(learner)
    client.get(small.url)  # warm the per-process caches (content types, site root paths)

    counts = {}
    for name, course_page, lesson_list in (
        ("small", small, small_lessons),
        ("large", large, large_lessons),
    ):
        counts[name] = {
            "lesson first view": _queries(client, lesson_list[1].url),
            "lesson repeat view": _queries(client, lesson_list[1].url),
            "lesson with a task": _queries(client, lesson_list[0].url),
            "course": _queries(client, course_page.url),
            "module": _queries(client, lesson_list[-1].get_parent().url),
        }
    assert counts["small"] == counts["large"], counts
    assert counts["small"]["lesson repeat view"] == LESSON_QUERIES, counts


# A lesson seen again, where the learner left off: the site, Wagtail's root and catalogue
# (2), the lesson by its address, view restrictions, session, user, enrolment with its
# course, outline, progress, roles. Another lesson adds the "viewed" check and the "last
# page" update.
LESSON_QUERIES = 11
