"""The organisers' materials pages: list, generate, follow, download; nobody else."""

import pytest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation

from lms.models import Library
from lms.roles import Role
from peer_learning.models import MaterialJob
from tests.lms import factories
from tests.peer_learning import builders

Kind = MaterialJob.Kind
Status = MaterialJob.Status


@pytest.fixture
def organiser(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="panitia-kab")


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, title="PBS Lumajang", slug="pbs-lmj")


@pytest.fixture
def other_mentor(db):
    other = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")
    return factories.user(role=Role.MENTOR, library=other, username="pendamping-batang")


@pytest.fixture
def finished_job(meeting, organiser):
    from django.core.files.base import ContentFile

    job = MaterialJob.objects.create(
        meeting=meeting,
        kind=Kind.BADGES,
        status=Status.FINISHED,
        requested_by=organiser,
        total=3,
        done=3,
        seconds=1.5,
    )
    job.file.save("pbs-lmj-badges.pdf", ContentFile(b"%PDF-1.7 badges"), save=True)
    return job


def urls(meeting, job) -> dict[str, str]:
    return {
        "list": reverse("peer_learning:materials", args=[meeting.pk]),
        "job": reverse("peer_learning:material_job", args=[job.pk]),
        "download": reverse("peer_learning:material_download", args=[job.pk]),
    }


def test_organiser_sees_one_row_per_material(client, organiser, meeting, finished_job, settings):
    client.force_login(organiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        response = client.get(reverse("peer_learning:materials", args=[meeting.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for kind in ("agenda", "participants", "attendance", "badges", "story_book"):
        assert f'data-kind="{kind}"' in html
        assert f'data-generate="{kind}"' in html
    assert 'data-download="badges"' in html and 'data-download="agenda"' not in html
    assert "Generate everything (paket materi)" in html
    assert "Generate again" in html and "1.5 s" in html


def test_generate_queues_a_job_and_shows_its_progress(
    client, organiser, meeting, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    url = reverse("peer_learning:material_generate", args=[meeting.pk, "agenda"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url)
        again = client.post(url)  # a double click
    job = MaterialJob.objects.get()
    assert len(callbacks) == 1
    job_url = reverse("peer_learning:material_job", args=[job.pk])
    assert response.status_code == 302 and response.url == job_url
    assert again.url == job_url
    page = client.get(job_url)
    assert b'http-equiv="refresh" content="2"' in page.content
    assert b"<progress" in page.content
    listing = client.get(reverse("peer_learning:materials", args=[meeting.pk]))
    assert b'<progress max="100" value="0"' in listing.content


def test_generate_runs_the_task_and_the_result_downloads(
    client, organiser, meeting, django_capture_on_commit_callbacks
):
    builders.session(meeting, title="Pembukaan")
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("peer_learning:material_generate", args=[meeting.pk, "agenda"])
        )
    job = MaterialJob.objects.get()
    assert job.status == Status.FINISHED, job.error
    page = client.get(response.url)
    assert b"http-equiv" not in page.content
    download_url = reverse("peer_learning:material_download", args=[job.pk])
    assert download_url.encode() in page.content
    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="pbs-lmj-agenda.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_failed_job_shows_the_error_a_retry_and_the_previous_file(
    client, organiser, meeting, finished_job
):
    failed = MaterialJob.objects.create(
        meeting=meeting, kind=Kind.BADGES, status=Status.FAILED, error="Font hilang"
    )
    client.force_login(organiser)
    html = client.get(reverse("peer_learning:material_job", args=[failed.pk])).content.decode()
    assert "Font hilang" in html and 'id="retry"' in html
    assert reverse("peer_learning:material_download", args=[finished_job.pk]) in html
    listing = client.get(reverse("peer_learning:materials", args=[meeting.pk])).content.decode()
    assert 'data-download="badges"' in listing  # the older file is still offered


def test_the_package_download_is_a_zip(client, organiser, meeting):
    from django.core.files.base import ContentFile

    job = MaterialJob.objects.create(meeting=meeting, kind=Kind.PACKAGE, status=Status.FINISHED)
    job.file.save("x.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=True)
    client.force_login(organiser)
    response = client.get(reverse("peer_learning:material_download", args=[job.pk]))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="pbs-lmj-package.zip"'


@pytest.mark.parametrize("who", ["learner", "other_mentor"])
def test_only_organisers_get_in(client, request, who, meeting, finished_job):
    client.force_login(request.getfixturevalue(who))
    for url in urls(meeting, finished_job).values():
        assert client.get(url).status_code == 403
    generate = reverse("peer_learning:material_generate", args=[meeting.pk, "agenda"])
    assert client.post(generate).status_code == 403
    assert MaterialJob.objects.count() == 1


def test_a_village_mentor_is_not_an_organiser_of_the_kabupaten_meeting(
    client, meeting, village_library, finished_job
):
    client.force_login(factories.user(role=Role.MENTOR, library=village_library))
    assert client.get(urls(meeting, finished_job)["download"]).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, meeting, finished_job, settings):
    for url in urls(meeting, finished_job).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(resolve_url(settings.LOGIN_URL))


def test_another_meetings_organiser_cannot_download(client, meeting, finished_job, other_mentor):
    other_meeting = builders.meeting(organiser=factories.library(kind=Library.Kind.REGENCY))
    assert other_meeting.pk != meeting.pk
    client.force_login(other_mentor)
    assert client.get(urls(meeting, finished_job)["download"]).status_code == 403


def test_unknown_things_are_not_found(client, organiser, meeting, finished_job):
    client.force_login(organiser)
    bad = reverse("peer_learning:material_generate", args=[meeting.pk, "poster"])
    assert client.post(bad).status_code == 404
    assert client.get(reverse("peer_learning:materials", args=[99999])).status_code == 404
    assert client.get(reverse("peer_learning:material_job", args=[99999])).status_code == 404
    assert client.get(reverse("peer_learning:material_download", args=[99999])).status_code == 404
    queued = MaterialJob.objects.create(meeting=meeting, kind=Kind.AGENDA)
    url = reverse("peer_learning:material_download", args=[queued.pk])
    assert client.get(url).status_code == 404  # not made yet
    assert not MaterialJob.objects.filter(kind="poster").exists()


def test_generate_only_by_post(client, organiser, meeting):
    client.force_login(organiser)
    url = reverse("peer_learning:material_generate", args=[meeting.pk, "agenda"])
    assert client.get(url).status_code == 405
    assert not MaterialJob.objects.exists()


def test_certificates_row_says_when_they_cannot_be_made(
    client, organiser, meeting, monkeypatch, settings
):
    from lms import achievements

    monkeypatch.setattr(achievements, "certificates_available", lambda: False)
    client.force_login(organiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        url = reverse("peer_learning:materials", args=[meeting.pk])
        html = client.get(url).content.decode()
    assert 'data-kind="certificates"' not in html
    assert 'id="certificates-unavailable"' in html
    url = reverse("peer_learning:material_generate", args=[meeting.pk, "certificates"])
    assert client.post(url).status_code == 404


def test_the_materials_page_costs_the_same_queries_for_few_and_many_jobs(
    client, organiser, meeting, finished_job, django_assert_num_queries
):
    client.force_login(organiser)
    url = reverse("peer_learning:materials", args=[meeting.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for kind in Kind.values:
        for status in (Status.FINISHED, Status.FAILED, Status.RUNNING):
            MaterialJob.objects.create(meeting=meeting, kind=kind, status=status, total=4, done=1)
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200
