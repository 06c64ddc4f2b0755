"""The mentor's review of stories: the queue, accepting, returning with a comment, and who
may not review."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from lms.models import Library
from lms.roles import Role
from peer_learning.models import Story
from peer_learning.services import stories as service
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db


def english_client(user=None) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    if user is not None:
        client.force_login(user)
    return client


def said(response, message) -> bool:
    return escape(str(message)) in response.content.decode()


def make_story(meeting, library, author, *, status=Story.Status.SUBMITTED, **fields) -> Story:
    fields = {
        "kind": Story.Kind.IMPACT,
        "theme": Story.Theme.COMMUNITY,
        "title": "Sablon kaos di Desa Tlogosih",
        "text": "Pemuda desa belajar sablon dari video di perpustakaan dan kini berjualan.",
        **fields,
    }
    return Story.objects.create(
        meeting=meeting, library=library, author=author, status=status, **fields
    )


@pytest.fixture
def mentor(regency_library):
    return factories.user(
        role=Role.MENTOR, library=regency_library, username="dewi", first_name="Dewi"
    )


@pytest.fixture
def far_library(db):
    return factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")


@pytest.fixture
def far_mentor(far_library):
    return factories.user(role=Role.MENTOR, library=far_library, username="rina")


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, title="PBS Kabupaten Lumajang")


@pytest.fixture
def submitted(meeting, village_library, learner):
    return make_story(meeting, village_library, learner)


def review_url(story) -> str:
    return reverse("peer_learning:story_review", args=[story.pk])


def test_the_mentor_accepts_a_submitted_story(mentor, submitted):
    client = english_client(mentor)
    response = client.get(review_url(submitted))
    assert response.status_code == 200
    assert b'id="review-form"' in response.content
    response = client.post(review_url(submitted), {"decision": "accept", "comment": "Bagus!"})
    assert response.status_code == 302
    assert response["Location"] == reverse("peer_learning:review_queue")
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.ACCEPTED
    assert submitted.reviewed_by == mentor
    assert submitted.reviewed_at is not None
    assert submitted.review_comment == "Bagus!"


def test_returning_a_story_needs_a_comment(mentor, submitted):
    with pytest.raises(ValidationError) as caught:
        service.story_review(story=submitted, by=mentor, accept=False, comment="  ")
    assert caught.value.message_dict == {"comment": [service.COMMENT_REQUIRED]}
    client = english_client(mentor)
    with translation.override("en"):
        response = client.post(review_url(submitted), {"decision": "return", "comment": ""})
        assert response.status_code == 200
        assert said(response, service.COMMENT_REQUIRED)
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.SUBMITTED


def test_a_returned_story_goes_back_to_its_library_with_the_comment(
    mentor, learner, submitted, meeting
):
    english_client(mentor).post(
        review_url(submitted), {"decision": "return", "comment": "Tambahkan foto kegiatan."}
    )
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.RETURNED
    client = english_client(learner)
    page = client.get(reverse("peer_learning:stories", args=[meeting.pk])).content.decode()
    assert "Tambahkan foto kegiatan." in page
    # She changes it and sends it again; the mentor can review it again.
    response = client.post(
        reverse("peer_learning:story_edit", args=[submitted.pk]),
        {
            "kind": submitted.kind,
            "theme": submitted.theme,
            "title": "Sablon kaos, dengan foto",
            "text": submitted.text,
            "beneficiaries_female": "5",
            "beneficiaries_male": "9",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.SUBMITTED
    service.story_review(story=submitted, by=mentor, accept=True, comment="")
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.ACCEPTED


def test_reviewing_a_reviewed_story_is_refused_with_a_message(mentor, submitted):
    service.story_review(story=submitted, by=mentor, accept=True, comment="")
    with pytest.raises(ValidationError) as caught:
        service.story_review(story=submitted, by=mentor, accept=False, comment="Ubah")
    assert caught.value.code == "reviewed"
    client = english_client(mentor)
    with translation.override("en"):
        response = client.post(
            review_url(submitted), {"decision": "return", "comment": "Ubah"}, follow=True
        )
        assert response.status_code == 200
        assert "already been reviewed" in response.content.decode()
        assert b'id="review-form"' not in response.content
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.ACCEPTED


def test_a_draft_cannot_be_reviewed(mentor, meeting, village_library, learner):
    draft = make_story(meeting, village_library, learner, status=Story.Status.DRAFT)
    with pytest.raises(ValidationError) as caught:
        service.story_review(story=draft, by=mentor, accept=True, comment="")
    assert caught.value.messages == [service.NOT_SUBMITTED]
    response = english_client(mentor).post(review_url(draft), {"decision": "accept"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Story.Status.DRAFT


def test_a_mentor_of_another_kabupaten_cannot_review(far_mentor, submitted):
    client = english_client(far_mentor)
    assert client.get(review_url(submitted)).status_code == 404
    assert client.post(review_url(submitted), {"decision": "accept"}).status_code == 404
    with pytest.raises(PermissionDenied):
        service.story_review(story=submitted, by=far_mentor, accept=True, comment="")
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.SUBMITTED


def test_staff_who_are_not_mentors_cannot_review(regency_library, learner, submitted):
    # A learner of the mentoring library, and the story's own author.
    clerk = factories.user(role=Role.LEARNER, library=regency_library, username="staf-kab")
    assert english_client(clerk).get(review_url(submitted)).status_code == 404
    assert english_client(learner).get(review_url(submitted)).status_code == 403
    for person in (clerk, learner):
        with pytest.raises(PermissionDenied):
            service.story_review(story=submitted, by=person, accept=True, comment="")


def test_a_programme_admin_may_review_any_story(programme_admin, submitted):
    response = english_client(programme_admin).post(
        review_url(submitted), {"decision": "accept", "comment": ""}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Story.Status.ACCEPTED


def test_the_queue_holds_the_submitted_stories_of_the_mentored_libraries(
    mentor, far_mentor, far_library, regency_library, village_library, learner, meeting
):
    waiting = make_story(meeting, village_library, learner, title="Menunggu tinjauan")
    make_story(meeting, village_library, learner, title="Masih draf", status=Story.Status.DRAFT)
    make_story(
        meeting, village_library, learner, title="Sudah diterima", status=Story.Status.ACCEPTED
    )
    far_village = factories.library(
        kind=Library.Kind.VILLAGE, regency=far_library.regency, mentor_library=far_library
    )
    far_author = factories.user(library=far_village, username="jauh")
    far = make_story(meeting, far_village, far_author, title="Cerita dari Batang")
    later = builders.meeting(organiser=regency_library, title="PBS Provinsi", days=1)
    make_story(later, village_library, learner, title="Untuk pertemuan berikutnya")

    page = english_client(mentor).get(reverse("peer_learning:review_queue")).content.decode()
    assert "Menunggu tinjauan" in page
    assert "Untuk pertemuan berikutnya" in page
    assert "Masih draf" not in page
    assert "Sudah diterima" not in page
    assert "Cerita dari Batang" not in page
    assert page.count("data-meeting=") == 2
    assert reverse("peer_learning:story_review", args=[waiting.pk]) in page

    far_page = english_client(far_mentor).get(reverse("peer_learning:review_queue"))
    assert "Cerita dari Batang" in far_page.content.decode()
    assert "Menunggu tinjauan" not in far_page.content.decode()
    assert far.pk


def test_programme_admins_see_every_submitted_story(programme_admin, submitted):
    page = english_client(programme_admin).get(reverse("peer_learning:review_queue"))
    assert submitted.title in page.content.decode()


def test_the_queue_is_for_mentors_and_admins_only(learner):
    assert english_client(learner).get(reverse("peer_learning:review_queue")).status_code == 403
    response = Client().get(reverse("peer_learning:review_queue"))
    assert response.status_code == 302


@pytest.mark.parametrize("count", [3, 40])
def test_queue_queries_do_not_grow(
    count, mentor, meeting, regency_library, village_library, learner, django_assert_num_queries
):
    other = builders.meeting(organiser=regency_library, days=1)
    Story.objects.bulk_create(
        Story(
            meeting=meeting if i % 2 else other,
            library=village_library,
            author=learner,
            kind=Story.Kind.OBSTACLE,
            theme=Story.Theme.ICT,
            title=f"Hambatan {i}",
            text="Isi",
            solution="Solusi",
            status=Story.Status.SUBMITTED,
        )
        for i in range(count)
    )
    client = english_client(mentor)
    url = reverse("peer_learning:review_queue")
    client.get(url)
    # session, user, roles, staff profile, the stories (with meetings and libraries).
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.content.decode().count("data-story=") == count
