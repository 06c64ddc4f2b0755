"""Stories (cerita): writing, photos, who may see and change a draft, submitting, scheduling."""

import io

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.images import get_image_model

from lms.models import Library
from lms.roles import Role
from peer_learning.models import AgendaSession, Story, StoryPhoto
from peer_learning.permissions import own_library
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
    """Whether the page shows `message` (as HTML escapes it)."""
    return escape(str(message)) in response.content.decode()


def png(name: str = "foto.png", size=(3, 2)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_story(meeting, library, author, *, status=Story.Status.DRAFT, **fields) -> Story:
    fields = {
        "kind": Story.Kind.ACHIEVEMENT,
        "theme": Story.Theme.COMMUNITY,
        "title": "Kelas menjahit untuk ibu-ibu PKK",
        "text": "Dua puluh ibu belajar menjahit di perpustakaan desa.",
        **fields,
    }
    return Story.objects.create(
        meeting=meeting, library=library, author=author, status=status, **fields
    )


@pytest.fixture
def mentor(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="dewi")


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library)


@pytest.fixture
def neighbour(regency_library):
    """The staff of another village library mentored by the same kabupaten library."""
    library = factories.library(
        kind=Library.Kind.VILLAGE,
        name="Perpustakaan Desa Senduro",
        regency=regency_library.regency,
        mentor_library=regency_library,
    )
    return factories.user(role=Role.LEARNER, library=library, username="budi")


@pytest.fixture
def far_mentor(db):
    far = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")
    return factories.user(role=Role.MENTOR, library=far, username="rina")


@pytest.fixture
def draft(meeting, village_library, learner):
    return make_story(meeting, village_library, learner)


def story_post(**overrides) -> dict:
    return {
        "kind": Story.Kind.OBSTACLE,
        "theme": Story.Theme.ICT,
        "title": "Internet desa sering putus",
        "text": "Sinyal hilang setiap sore, pelatihan komputer terhenti.",
        "solution": "Kami pindahkan modem ke balai desa dan menjadwalkan pelatihan pagi.",
        "beneficiaries_female": "12",
        "beneficiaries_male": "8",
        **overrides,
    }


# Writing a story.


def test_staff_writes_a_draft_for_her_library(learner, village_library, meeting):
    client = english_client(learner)
    response = client.post(reverse("peer_learning:story_create", args=[meeting.pk]), story_post())
    story = Story.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("peer_learning:story_edit", args=[story.pk])
    assert story.status == Story.Status.DRAFT
    assert story.library == village_library
    assert story.author == learner
    assert story.beneficiaries == 20


def test_save_and_submit_in_one_step(learner, meeting):
    client = english_client(learner)
    data = story_post(submit="1")
    response = client.post(reverse("peer_learning:story_create", args=[meeting.pk]), data)
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.status == Story.Status.SUBMITTED
    assert story.submitted_at is not None


def test_sending_the_new_story_twice_makes_one_story(learner, meeting):
    client = english_client(learner)
    url = reverse("peer_learning:story_create", args=[meeting.pk])
    first = client.post(url, story_post(submit="1"))
    second = client.post(url, story_post(submit="1"))
    assert first.status_code == second.status_code == 302
    assert Story.objects.count() == 1
    assert Story.objects.get().status == Story.Status.SUBMITTED


def test_obstacle_without_a_solution_is_rejected(learner, meeting):
    client = english_client(learner)
    with translation.override("en"):
        response = client.post(
            reverse("peer_learning:story_create", args=[meeting.pk]), story_post(solution=" ")
        )
        assert response.status_code == 200
        assert said(response, service.SOLUTION_REQUIRED)
    assert not Story.objects.exists()


def test_title_and_text_are_required(learner, village_library, meeting):
    story = Story(meeting=meeting, library=village_library, kind="achievement", theme="ict")
    with pytest.raises(ValidationError) as caught:
        service.story_save(story=story, by=learner)
    assert caught.value.message_dict["title"] == [service.TITLE_REQUIRED]
    assert caught.value.message_dict["text"] == [service.TEXT_REQUIRED]


def test_negative_beneficiaries_are_rejected(learner, village_library, meeting):
    story = Story(
        meeting=meeting,
        library=village_library,
        kind="achievement",
        theme="ict",
        title="Judul",
        text="Cerita",
        beneficiaries_male=-3,
    )
    with pytest.raises(ValidationError) as caught:
        service.story_save(story=story, by=learner)
    assert service.BENEFICIARIES_NEGATIVE in caught.value.message_dict["beneficiaries_male"]


def test_curriculum_must_be_a_live_curriculum_page(learner, village_library, meeting):
    story = make_story(meeting, village_library, learner)
    story.curriculum_id = meeting.pk  # a page, but not a curriculum
    with pytest.raises(ValidationError) as caught:
        service.story_save(story=story, by=learner)
    assert caught.value.message_dict["curriculum"] == [service.CURRICULUM_UNAVAILABLE]


@pytest.mark.skipif(not apps.is_installed("courses"), reason="courses is not installed")
def test_a_live_curriculum_is_accepted(learner, village_library, meeting):
    from tests.courses import factories as course_factories

    curriculum = course_factories.curriculum()
    client = english_client(learner)
    data = story_post(curriculum=str(curriculum.pk))
    client.post(reverse("peer_learning:story_create", args=[meeting.pk]), data)
    assert Story.objects.get().curriculum_id == curriculum.pk
    curriculum.unpublish()
    story = Story.objects.get()
    with pytest.raises(ValidationError):
        service.story_save(story=story, by=learner)


def test_a_person_without_a_library_gets_a_clear_message(meeting):
    loner = factories.user(role=Role.LEARNER, library=None, username="tanpa-perpus")
    client = english_client(loner)
    with translation.override("en"):
        response = client.get(reverse("peer_learning:stories", args=[meeting.pk]))
        assert response.status_code == 200
        assert "does not belong to a library" in response.content.decode()
    response = client.post(reverse("peer_learning:story_create", args=[meeting.pk]), story_post())
    assert response.status_code == 302
    assert not Story.objects.exists()


def test_library_page_lists_own_stories_with_the_reviewers_comment(
    learner, mentor, neighbour, village_library, meeting
):
    make_story(
        meeting,
        village_library,
        learner,
        title="Cerita kami",
        status=Story.Status.RETURNED,
        reviewed_by=mentor,
        review_comment="Tambahkan jumlah peserta per bulan.",
    )
    make_story(meeting, own_library(neighbour), neighbour, title="Cerita tetangga")
    response = english_client(learner).get(reverse("peer_learning:stories", args=[meeting.pk]))
    page = response.content.decode()
    assert "Cerita kami" in page
    assert "Tambahkan jumlah peserta per bulan." in page
    assert "Cerita tetangga" not in page
    assert reverse("peer_learning:story_create", args=[meeting.pk]) in page


# Who may see and change a draft.


@pytest.mark.parametrize("name", ["story_edit", "story_submit"])
def test_another_librarys_staff_cannot_see_or_change_a_draft(neighbour, draft, name):
    client = english_client(neighbour)
    url = reverse(f"peer_learning:{name}", args=[draft.pk])
    assert client.get(url).status_code in (404, 405)
    assert client.post(url, story_post(title="Diubah")).status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Kelas menjahit untuk ibu-ibu PKK"
    assert draft.status == Story.Status.DRAFT


def test_another_librarys_staff_cannot_save_or_submit_through_the_services(neighbour, draft):
    draft.title = "Diubah"
    with pytest.raises(PermissionDenied):
        service.story_save(story=draft, by=neighbour)
    with pytest.raises(PermissionDenied):
        service.story_submit(story=draft, by=neighbour)


def test_the_reviewing_mentor_reads_a_draft_but_cannot_edit_it(mentor, far_mentor, draft):
    url = reverse("peer_learning:story_edit", args=[draft.pk])
    response = english_client(mentor).get(url)
    assert response.status_code == 200
    assert b'id="story-form"' not in response.content
    assert english_client(mentor).post(url, story_post()).status_code == 403
    assert english_client(far_mentor).get(url).status_code == 404


def test_the_author_edits_her_draft(learner, draft):
    client = english_client(learner)
    url = reverse("peer_learning:story_edit", args=[draft.pk])
    assert b'id="story-form"' in client.get(url).content
    response = client.post(url, story_post(kind="achievement", title="Judul baru"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Judul baru"
    assert draft.status == Story.Status.DRAFT


def test_a_colleague_of_the_same_library_may_edit(village_library, draft):
    colleague = factories.user(role=Role.LEARNER, library=village_library, username="wati")
    response = english_client(colleague).post(
        reverse("peer_learning:story_edit", args=[draft.pk]), story_post(title="Bersama")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Bersama"
    assert draft.author.username == "sari"


# Submitting.


def test_submit_sends_the_story_for_review_and_twice_is_harmless(learner, draft):
    client = english_client(learner)
    url = reverse("peer_learning:story_submit", args=[draft.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Story.Status.SUBMITTED
    first = draft.submitted_at
    assert first is not None
    with translation.override("en"):
        response = client.post(url, follow=True)
        assert "already sent for review" in response.content.decode()
    draft.refresh_from_db()
    assert draft.submitted_at == first


def test_submitting_an_incomplete_obstacle_says_what_is_missing(learner, village_library, meeting):
    story = make_story(meeting, village_library, learner, kind=Story.Kind.OBSTACLE)
    client = english_client(learner)
    with translation.override("en"):
        response = client.post(reverse("peer_learning:story_submit", args=[story.pk]), follow=True)
        assert said(response, service.SOLUTION_REQUIRED)
    story.refresh_from_db()
    assert story.status == Story.Status.DRAFT


def test_a_submitted_story_waits_for_review_and_is_not_changed(learner, draft):
    service.story_submit(story=draft, by=learner)
    client = english_client(learner)
    url = reverse("peer_learning:story_edit", args=[draft.pk])
    assert b'id="story-form"' not in client.get(url).content
    with translation.override("en"):
        response = client.post(url, story_post(title="Diubah"), follow=True)
        assert said(response, service.NOT_EDITABLE_SUBMITTED)
    draft.refresh_from_db()
    assert draft.title != "Diubah"


def test_an_accepted_story_is_read_only_for_its_author(learner, mentor, draft):
    service.story_submit(story=draft, by=learner)
    service.story_review(story=draft, by=mentor, accept=True, comment="")
    client = english_client(learner)
    url = reverse("peer_learning:story_edit", args=[draft.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b'id="story-form"' not in response.content
    with translation.override("en"):
        response = client.post(url, story_post(title="Diubah"), follow=True)
        assert said(response, service.NOT_EDITABLE_ACCEPTED)
    draft.refresh_from_db()
    assert draft.title != "Diubah"
    assert draft.status == Story.Status.ACCEPTED
    draft.title = "Diubah"
    with pytest.raises(ValidationError):
        service.story_save(story=draft, by=learner)
    # Submitting it again changes nothing.
    assert service.story_submit(story=draft, by=learner).status == Story.Status.ACCEPTED


# Photos.


def test_photos_are_stored_as_wagtail_images(learner, meeting):
    client = english_client(learner)
    data = {**story_post(), "photos": [png("a.png"), png("b.png", size=(4, 4))]}
    response = client.post(reverse("peer_learning:story_create", args=[meeting.pk]), data)
    assert response.status_code == 302
    story = Story.objects.get()
    photos = list(story.photos.select_related("image").order_by("sort_order"))
    assert [(p.image.width, p.image.height) for p in photos] == [(3, 2), (4, 4)]
    assert photos[0].image.uploaded_by_user == learner
    assert photos[0].image.file_size > 0
    # The edit page shows them as renditions.
    page = client.get(reverse("peer_learning:story_edit", args=[story.pk])).content.decode()
    assert page.count('name="remove_photos"') == 2


def test_a_file_that_is_not_an_image_is_rejected_with_a_message(learner, meeting):
    client = english_client(learner)
    fake = SimpleUploadedFile("foto.png", b"bukan gambar", content_type="image/png")
    with translation.override("en"):
        response = client.post(
            reverse("peer_learning:story_create", args=[meeting.pk]),
            {**story_post(), "photos": [fake]},
        )
        assert response.status_code == 200
        assert "could not be read as an image" in response.content.decode()
    assert not Story.objects.exists()
    assert not get_image_model().objects.exists()


def test_a_file_of_another_type_is_rejected_with_a_message(learner, meeting):
    client = english_client(learner)
    document = SimpleUploadedFile("laporan.pdf", b"%PDF-1.4", content_type="application/pdf")
    with translation.override("en"):
        response = client.post(
            reverse("peer_learning:story_create", args=[meeting.pk]),
            {**story_post(), "photos": [document]},
        )
        assert "is not a photo we can use" in response.content.decode()
    assert not Story.objects.exists()


def test_a_photo_too_big_is_rejected(learner, draft, monkeypatch):
    monkeypatch.setattr(service, "PHOTO_MAX_BYTES", 10)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        service.story_save(story=draft, by=learner, new_photos=[png()])
    assert "is too big" in str(caught.value.message_dict["photos"])


def test_at_most_four_photos_and_removing_one_makes_room(learner, draft):
    service.story_save(story=draft, by=learner, new_photos=[png() for _ in range(4)])
    assert draft.photos.count() == 4
    with pytest.raises(ValidationError) as caught:
        service.story_save(story=draft, by=learner, new_photos=[png()])
    assert caught.value.message_dict["photos"] == [
        service.TOO_MANY_PHOTOS % {"max": service.MAX_PHOTOS}
    ]
    first = draft.photos.order_by("sort_order").first()
    service.story_save(story=draft, by=learner, new_photos=[png()], remove_photos=[first.pk])
    assert StoryPhoto.objects.filter(story=draft).count() == 4
    assert not get_image_model().objects.filter(pk=first.image_id).exists()


# Scheduling accepted stories.


@pytest.fixture
def accepted(draft, learner, mentor):
    service.story_submit(story=draft, by=learner)
    return service.story_review(story=draft, by=mentor, accept=True, comment="")


def test_an_organiser_schedules_an_accepted_story_into_a_session_of_its_meeting(
    mentor, meeting, accepted
):
    builders.session(meeting, kind=AgendaSession.Kind.PLENARY, title="Pembukaan")
    obstacles = builders.session(
        meeting, start="10:00", end="12:00", kind=AgendaSession.Kind.OBSTACLES, title="Diskusi"
    )
    client = english_client(mentor)
    url = reverse("peer_learning:story_schedule", args=[meeting.pk])
    page = client.get(url).content.decode()
    # Story sessions come first.
    assert page.index("Diskusi") < page.index("Pembukaan")
    response = client.post(url, {"story": accepted.pk, "session": obstacles.pk})
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.session == obstacles
    client.post(url, {"story": accepted.pk, "session": ""})
    accepted.refresh_from_db()
    assert accepted.session is None


def test_a_session_of_another_meeting_is_refused(mentor, regency_library, meeting, accepted):
    other = builders.meeting(organiser=regency_library)
    elsewhere = builders.session(other, kind=AgendaSession.Kind.OBSTACLES)
    with pytest.raises(ValidationError) as caught:
        service.story_schedule(story=accepted, session=elsewhere, by=mentor)
    assert caught.value.messages == [service.WRONG_MEETING]
    client = english_client(mentor)
    with translation.override("en"):
        response = client.post(
            reverse("peer_learning:story_schedule", args=[meeting.pk]),
            {"story": accepted.pk, "session": elsewhere.pk},
            follow=True,
        )
        assert said(response, service.WRONG_MEETING)
    accepted.refresh_from_db()
    assert accepted.session is None


def test_only_organisers_schedule(learner, far_mentor, meeting, accepted):
    session = builders.session(meeting, kind=AgendaSession.Kind.ACHIEVEMENTS)
    url = reverse("peer_learning:story_schedule", args=[meeting.pk])
    for person in (learner, far_mentor):
        assert english_client(person).get(url).status_code == 403
        response = english_client(person).post(url, {"story": accepted.pk, "session": session.pk})
        assert response.status_code == 403
        with pytest.raises(PermissionDenied):
            service.story_schedule(story=accepted, session=session, by=person)
    accepted.refresh_from_db()
    assert accepted.session is None


def test_only_accepted_stories_are_scheduled(mentor, meeting, draft):
    session = builders.session(meeting, kind=AgendaSession.Kind.ACHIEVEMENTS)
    with pytest.raises(ValidationError) as caught:
        service.story_schedule(story=draft, session=session, by=mentor)
    assert caught.value.messages == [service.NOT_ACCEPTED]
    response = english_client(mentor).post(
        reverse("peer_learning:story_schedule", args=[meeting.pk]),
        {"story": draft.pk, "session": session.pk},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.session is None


def test_a_story_of_another_meeting_is_not_found_on_the_schedule(mentor, regency_library, accepted):
    other = builders.meeting(organiser=regency_library)
    response = english_client(mentor).post(
        reverse("peer_learning:story_schedule", args=[other.pk]), {"story": accepted.pk}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_schedule_page_queries_do_not_grow(
    count, mentor, meeting, village_library, learner, django_assert_num_queries
):
    Story.objects.bulk_create(
        Story(
            meeting=meeting,
            library=village_library,
            author=learner,
            kind=Story.Kind.IMPACT,
            theme=Story.Theme.COMMUNITY,
            title=f"Cerita {i}",
            text="Isi",
            status=Story.Status.ACCEPTED,
        )
        for i in range(count)
    )
    for i in range(3):
        builders.session(meeting, start=f"{9 + i:02d}:00", end=f"{10 + i:02d}:00")
    client = english_client(mentor)
    url = reverse("peer_learning:story_schedule", args=[meeting.pk])
    client.get(url)
    with django_assert_num_queries(SCHEDULE_QUERIES):
        response = client.get(url)
    assert response.content.decode().count("data-story=") == count


# session, user, meeting, roles, staff profile, sessions, stories, the site (meeting link).
SCHEDULE_QUERIES = 8
