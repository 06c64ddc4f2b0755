"""The public catalogue and curriculum pages: filters, search, status per card, fixed queries."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage, LessonPage
from tests.courses import factories as courses
from tests.courses.enrollment_builders import complete, do, english_client, enrol
from tests.lms import factories

pytestmark = pytest.mark.django_db


def card_ids(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'id="course-(\d+)"', html)}


def tagged(page: CoursePage, *tags: str) -> CoursePage:
    page.tags.add(*tags)
    page.save()
    return page


@pytest.fixture
def catalogue():
    """Two curricula: IT with a village and a regency course, marketing with one village course."""
    it = courses.curriculum("Teknologi Informasi")
    marketing = courses.curriculum("Marketing & Pelayanan Prima")
    internet = tagged(
        courses.course(parent=it, modules=1, lessons_per_module=1, title="Dasar Internet"),
        "internet",
    )
    office = tagged(
        courses.course(
            parent=it,
            modules=1,
            lessons_per_module=1,
            title="Aplikasi Perkantoran",
            tier=CoursePage.Tier.REGENCY,
        ),
        "komputer",
    )
    service = tagged(
        courses.course(parent=marketing, modules=1, lessons_per_module=1, title="Layanan Prima"),
        "pelayanan",
        "internet",
    )
    return {
        "page": courses.catalog(),
        "it": it,
        "marketing": marketing,
        "internet": internet,
        "office": office,
        "service": service,
    }


def get_ids(client, catalogue, **params) -> set[int]:
    response = client.get(catalogue["page"].url, params)
    assert response.status_code == 200
    return card_ids(response.content.decode())


def test_catalogue_is_public_and_lists_live_courses(client, catalogue):
    catalogue["office"].unpublish()
    response = client.get(catalogue["page"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert card_ids(html) == {catalogue["internet"].pk, catalogue["service"].pk}
    assert "Teknologi Informasi" in html  # each card names its curriculum
    assert "/?tag=internet" in html
    assert 'class="cat-status"' not in html


def test_filter_form_is_a_labelled_get_form(client, catalogue):
    html = client.get(catalogue["page"].url).content.decode()
    form = html[html.index('class="card cat-filter"') :]
    assert 'method="get"' in html
    for name in ("q", "kurikulum", "tingkat", "tag"):
        assert f'name="{name}"' in form
        assert f'<label for="id_{name}">' in form


def test_filter_by_curriculum(client, catalogue):
    ids = get_ids(client, catalogue, kurikulum=catalogue["marketing"].pk)
    assert ids == {catalogue["service"].pk}


def test_filter_by_tier(client, catalogue):
    assert get_ids(client, catalogue, tingkat="regency") == {catalogue["office"].pk}
    assert get_ids(client, catalogue, tingkat="village") == {
        catalogue["internet"].pk,
        catalogue["service"].pk,
    }


def test_filter_by_tag(client, catalogue):
    assert get_ids(client, catalogue, tag="internet") == {
        catalogue["internet"].pk,
        catalogue["service"].pk,
    }
    assert get_ids(client, catalogue, tag="komputer") == {catalogue["office"].pk}


def test_filters_combine(client, catalogue):
    ids = get_ids(client, catalogue, tag="internet", kurikulum=catalogue["it"].pk)
    assert ids == {catalogue["internet"].pk}


def test_search(client, catalogue):
    assert get_ids(client, catalogue, q="Perkantoran") == {catalogue["office"].pk}


def test_search_combines_with_filters(client, catalogue):
    assert get_ids(client, catalogue, q="Layanan", tingkat="regency") == set()
    assert get_ids(client, catalogue, q="Layanan", tag="internet") == {catalogue["service"].pk}
    assert get_ids(client, catalogue, q="Dasar", kurikulum=catalogue["it"].pk) == {
        catalogue["internet"].pk
    }


def test_unknown_filter_values_are_reported_and_ignored(catalogue):
    response = english_client().get(catalogue["page"].url, {"tag": "tidak-ada", "tingkat": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert len(card_ids(html)) == 3


def test_catalogue_is_paginated(client):
    curriculum = courses.curriculum()
    for _ in range(23):
        courses.course(parent=curriculum, modules=0)
    page = courses.catalog()
    first = client.get(page.url).content.decode()
    second = client.get(page.url, {"page": 2}).content.decode()
    assert len(card_ids(first)) == 20 and len(card_ids(second)) == 3
    assert 'href="?page=2"' in first


def test_signed_in_learner_sees_her_status_on_each_card(learner, catalogue):
    enrol(learner, catalogue["internet"])
    complete(learner, catalogue["service"])
    enrol(learner, catalogue["office"])
    do(learner, courses.lessons(catalogue["office"])[0])
    html = english_client(learner).get(catalogue["page"].url).content.decode()

    def status(course):
        card = html[html.index(f'id="course-{course.pk}"') :]
        return re.search(r'data-status="(\w+)"', card).group(1), card

    assert status(catalogue["internet"])[0] == "enrolled"
    assert status(catalogue["service"])[0] == "completed"
    state, card = status(catalogue["office"])
    assert state == "enrolled" and "Enrolled · 50% done" in card


def test_statuses_are_her_own(learner, village_library, catalogue):
    colleague = factories.user(library=village_library)
    enrol(colleague, catalogue["internet"])
    html = english_client(learner).get(catalogue["page"].url).content.decode()
    assert 'data-status="enrolled"' not in html
    assert html.count('data-status="none"') == 3


def _catalogue_queries(client, *, courses_count: int, lessons: int) -> int:
    curriculum = courses.curriculum()
    for n in range(courses_count):
        page = courses.course(parent=curriculum, modules=1 if n == 0 else 0)
        if n == 0:
            for extra in range(lessons - 3):
                courses.lessons(page)[0].get_parent().add_child(
                    instance=LessonPage(
                        title=f"Tambahan {extra}",
                        slug=f"tambahan-{extra}",
                        body=courses.lesson_body(),
                    )
                )
        tagged(page, f"topik-{n % 5}")
    url = courses.catalog().url
    client.get(url)  # warm the site caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"kurikulum": curriculum.pk, "tingkat": "village"})
    assert response.status_code == 200
    assert len(card_ids(response.content.decode())) == min(courses_count, 20)
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_catalogue_query_count_is_fixed(learner, signed_in):
    def count(courses_count, lessons):
        client = Client()
        if signed_in:
            client.force_login(learner)
        return _catalogue_queries(client, courses_count=courses_count, lessons=lessons)

    small = count(3, 3)
    assert count(60, 3) == small
    assert count(3, 60) == small


def test_curriculum_page_shows_its_summary_and_courses(client, catalogue):
    it = catalogue["it"]
    response = client.get(it.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert it.summary in html
    assert card_ids(html) == {catalogue["internet"].pk, catalogue["office"].pk}
    assert f'href="{catalogue["page"].url}"' in html


def test_curriculum_page_query_count_is_fixed(learner):
    def count(courses_count):
        curriculum = courses.curriculum()
        for n in range(courses_count):
            tagged(courses.course(parent=curriculum, modules=0), f"topik-{n}")
        client = Client()
        client.force_login(learner)
        client.get(curriculum.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(curriculum.url).status_code == 200
        return len(queries)

    assert count(2) == count(30)
