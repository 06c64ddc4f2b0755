"""The knowledge base: accepted obstacles and solutions from every meeting, searched and
filtered, in a fixed number of queries; drafts never appear."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Page

from lms.models import Library
from lms.roles import Role
from peer_learning.models import Story
from peer_learning.services import stories as service
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db

URL = reverse("peer_learning:knowledge")


def english_client(user=None) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    if user is not None:
        client.force_login(user)
    return client


def story(meeting, library, author, **fields) -> Story:
    fields = {
        "kind": Story.Kind.OBSTACLE,
        "theme": Story.Theme.ICT,
        "status": Story.Status.ACCEPTED,
        "title": "Komputer sering rusak",
        "text": "Tiga dari lima komputer mati karena debu.",
        "solution": "Relawan membersihkan komputer setiap bulan.",
        **fields,
    }
    return Story.objects.create(meeting=meeting, library=library, author=author, **fields)


def titles(response) -> list[str]:
    return [s.title for s in response.context["page"].object_list]


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, title="PBS Nasional Bali")


@pytest.fixture
def far_library(db):
    """A village library in another province."""
    regency = factories.regency(name="Kabupaten Enrekang")
    return factories.library(
        kind=Library.Kind.VILLAGE, name="Perpustakaan Desa Kolai", regency=regency
    )


@pytest.fixture
def stories(meeting, village_library, far_library, learner):
    other = factories.user(library=far_library, username="andi")
    return {
        "ict": story(meeting, village_library, learner, title="Komputer sering rusak"),
        "advocacy": story(
            meeting,
            far_library,
            other,
            title="Anggaran desa belum ada",
            theme=Story.Theme.ADVOCACY,
            text="Kepala desa belum melihat manfaat perpustakaan.",
            solution="Kami mengundang kepala desa ke kelas menjahit, lalu anggaran naik.",
        ),
        "achievement": story(
            meeting,
            village_library,
            learner,
            kind=Story.Kind.ACHIEVEMENT,
            title="Kelas menjahit ramai",
            solution="",
        ),
        "draft": story(
            meeting, village_library, learner, title="Draf rahasia", status=Story.Status.DRAFT
        ),
        "submitted": story(
            meeting,
            village_library,
            learner,
            title="Menunggu tinjauan",
            status=Story.Status.SUBMITTED,
        ),
        "returned": story(
            meeting,
            village_library,
            learner,
            title="Dikembalikan",
            status=Story.Status.RETURNED,
        ),
    }


def test_only_accepted_obstacles_by_default(learner, stories):
    response = english_client(learner).get(URL)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Anggaran desa belum ada", "Komputer sering rusak"]
    page = response.content.decode()
    for hidden in ("Draf rahasia", "Menunggu tinjauan", "Dikembalikan", "Kelas menjahit ramai"):
        assert hidden not in page
    # Each result: title, library, kabupaten, province, meeting, obstacle, solution, link.
    assert "Perpustakaan Desa Kolai" in page
    assert "Kabupaten Enrekang" in page
    assert stories["advocacy"].library.regency.province.name in page
    assert "PBS Nasional Bali" in page
    assert "Relawan membersihkan komputer" in page
    assert reverse("peer_learning:knowledge_story", args=[stories["ict"].pk]) in page


def test_every_accepted_kind_with_the_toggle_but_never_drafts(learner, stories):
    response = english_client(learner).get(URL, {"all": "on"})
    assert sorted(titles(response)) == [
        "Anggaran desa belum ada",
        "Kelas menjahit ramai",
        "Komputer sering rusak",
    ]
    response = english_client(learner).get(URL, {"all": "on", "q": "rahasia"})
    assert titles(response) == []


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("KOMPUTER", ["Komputer sering rusak"]),  # title, any case
        ("manfaat", ["Anggaran desa belum ada"]),  # text
        ("kelas menjahit", ["Anggaran desa belum ada"]),  # solution, not the achievement
        ("tidak ada", []),
    ],
)
def test_search_in_title_text_and_solution(learner, stories, q, found):
    assert titles(english_client(learner).get(URL, {"q": q})) == found


def test_filter_by_theme_province_and_curriculum(learner, stories, far_library):
    client = english_client(learner)
    assert titles(client.get(URL, {"theme": "advocacy"})) == ["Anggaran desa belum ada"]
    province = far_library.regency.province
    assert titles(client.get(URL, {"province": province.pk})) == ["Anggaran desa belum ada"]
    # Any live page stands in for a curriculum here: the filter reads the story's reference.
    curriculum = Page.objects.get(pk=stories["ict"].meeting.get_parent().pk)
    Story.objects.filter(pk=stories["ict"].pk).update(curriculum=curriculum)
    response = client.get(URL, {"curriculum": curriculum.pk})
    assert titles(response) == ["Komputer sering rusak"]
    form = response.context["form"]
    assert [value for value, _ in form.fields["curriculum"].choices] == ["", curriculum.pk]
    assert {value for value, _ in form.fields["province"].choices} == {
        "",
        province.pk,
        stories["ict"].library.regency.province_id,
    }
    assert [value for value, _ in form.fields["theme"].choices] == ["", "advocacy", "ict"]


def test_an_unknown_filter_value_is_ignored_not_an_error(learner, stories):
    response = english_client(learner).get(URL, {"theme": "nope", "province": "x", "page": "9"})
    assert response.status_code == 200
    assert len(titles(response)) == 2


def test_anyone_signed_in_may_read_it_but_not_anonymous(stories):
    assert Client().get(URL).status_code == 302
    mentor = factories.user(role=Role.MENTOR, library=None, username="tamu")
    assert english_client(mentor).get(URL).status_code == 200


def test_twenty_results_a_page(learner, meeting, village_library):
    Story.objects.bulk_create(
        Story(
            meeting=meeting,
            library=village_library,
            author=learner,
            kind=Story.Kind.OBSTACLE,
            theme=Story.Theme.SERVICE,
            title=f"Hambatan {i:02d}",
            text="Isi",
            solution="Solusi",
            status=Story.Status.ACCEPTED,
        )
        for i in range(25)
    )
    client = english_client(learner)
    assert len(titles(client.get(URL))) == 20
    assert len(titles(client.get(URL, {"page": 2}))) == 5


def test_the_story_page_shows_the_full_story_and_photos(learner, village_library, meeting):
    accepted = story(
        meeting, village_library, learner, status=Story.Status.DRAFT, text="Panjang " * 200
    )
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (10, 120, 40)).save(buffer, "PNG")
    photo = SimpleUploadedFile("kegiatan.png", buffer.getvalue(), content_type="image/png")
    service.story_save(story=accepted, by=learner, new_photos=[photo])
    url = reverse("peer_learning:knowledge_story", args=[accepted.pk])
    client = english_client(learner)
    assert client.get(url).status_code == 404  # not while it is a draft
    Story.objects.filter(pk=accepted.pk).update(status=Story.Status.ACCEPTED)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Panjang") == 200
    # A rendition, not the 1200x900 original.
    assert 'height="600"' in page and 'width="800"' in page
    assert ".max-800x600." in page


def test_submitted_stories_have_no_knowledge_page(learner, stories):
    for name in ("draft", "submitted", "returned"):
        url = reverse("peer_learning:knowledge_story", args=[stories[name].pk])
        assert english_client(learner).get(url).status_code == 404


def _accepted_rows(n, *, meetings, libraries, author, curricula):
    Story.objects.bulk_create(
        Story(
            meeting=meetings[i % len(meetings)],
            library=libraries[i % len(libraries)],
            author=author,
            kind=Story.Kind.OBSTACLE if i % 3 else Story.Kind.IMPACT,
            theme=Story.Theme.values[i % len(Story.Theme.values)],
            curriculum=curricula[i % len(curricula)],
            title=f"Hambatan {i}",
            text=f"Cerita hambatan nomor {i}",
            solution=f"Solusi nomor {i}",
            status=Story.Status.ACCEPTED if i % 5 else Story.Status.DRAFT,
        )
        for i in range(n)
    )


@pytest.mark.parametrize("count", [30, 350])
@pytest.mark.parametrize("params", [{}, {"q": "nomor", "theme": "ict"}, {"all": "on", "page": "2"}])
def test_queries_do_not_grow_with_the_stories(
    count,
    params,
    learner,
    regency_library,
    village_library,
    far_library,
    django_assert_num_queries,
):
    meetings = [builders.meeting(organiser=regency_library) for _ in range(3)]
    curricula = [None, Page.objects.get(pk=meetings[0].get_parent().pk)]
    libraries = [village_library, far_library]
    libraries += [
        factories.library(kind=Library.Kind.VILLAGE, regency=factories.regency()) for _ in range(4)
    ]
    _accepted_rows(
        count, meetings=meetings, libraries=libraries, author=learner, curricula=curricula
    )
    client = english_client(learner)
    client.get(URL, params)
    with django_assert_num_queries(KNOWLEDGE_QUERIES):
        response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["page"].object_list


# session, user, three filter choice aggregates (themes, provinces, curricula), the count,
# the user's roles (site menu), the page of results (with library, kabupaten, province,
# meeting and curriculum).
KNOWLEDGE_QUERIES = 8
