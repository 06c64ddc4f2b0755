"""Batches in the admin: the listing, the progress page (refreshing while it runs), the
failed certificates with their errors, and "retry failed"."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates import tasks
from certificates.models import Batch
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories
from .admin_helpers import admin_in_english, with_pdf

pytestmark = pytest.mark.django_db

BATCHES = "/admin/certificate-batches/"
REFRESH = '<meta http-equiv="refresh" content="2">'


@pytest.fixture
def admin_client(client, programme_admin):
    return admin_in_english(client, programme_admin)


def page_url(batch):
    return reverse("certificate_batches:inspect", args=[batch.pk])


def make_batch(library, *, rendered=0, failed=0, status=Batch.Status.FINISHED, **fields):
    batch = Batch.objects.create(
        title=fields.pop("title", "Issue: Pelatihan uji – Tunas Bangsa"),
        status=status,
        total=rendered + failed,
        done=rendered,
        failed=failed,
        **fields,
    )
    for _ in range(rendered):
        person = lms_factories.user(library=library)
        batch.certificates.add(with_pdf(factories.certificate(recipient=person, subject=library)))
    for n in range(failed):
        person = lms_factories.user(library=library, first_name=f"Gagal {n}")
        batch.certificates.add(
            factories.certificate(
                recipient=person,
                subject=library,
                render_error=f"RuntimeError: no room on the page {n}",
                render_attempts=3,
            )
        )
    return batch


def test_listing_query_count_is_the_same_for_few_and_many_batches(
    admin_client, certificate_template
):
    def build(count):
        for n in range(count):
            requester = lms_factories.user(role=Role.PROGRAMME_ADMIN, first_name=f"Admin {n}")
            Batch.objects.create(title=f"Batch {n}", requested_by=requester, total=350, done=n)

    build(3)
    admin_client.get(BATCHES)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(BATCHES).status_code == 200
    build(30)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(BATCHES)
    html = response.content.decode()
    assert "Batch 29" in html and "Admin 29" in html and "29 / 350" in html
    assert len(few) == len(many), [q["sql"] for q in many.captured_queries]
    assert len(many) <= 15


def test_a_finished_batch_shows_full_progress_and_stops_refreshing(
    admin_client, village_library, certificate_template
):
    batch = make_batch(village_library, rendered=3)
    html = admin_client.get(page_url(batch)).content.decode()
    assert '<progress id="batch-progress" max="3" value="3"' in html
    assert "Finished" in html
    assert REFRESH not in html
    assert "Retry failed" not in html and 'id="failed-certificates"' not in html


def test_a_running_batch_refreshes_itself(admin_client, village_library, certificate_template):
    batch = make_batch(village_library, rendered=1, status=Batch.Status.RUNNING)
    batch.total = 4
    batch.save()
    html = admin_client.get(page_url(batch)).content.decode()
    assert REFRESH in html
    assert '<progress id="batch-progress" max="4" value="1"' in html


def test_a_failed_batch_lists_the_failures_with_their_errors(
    admin_client, village_library, certificate_template
):
    batch = make_batch(village_library, rendered=2, failed=2, status=Batch.Status.FAILED)
    html = admin_client.get(page_url(batch)).content.decode()
    assert '<progress id="batch-progress" max="4" value="4"' in html
    assert "Finished with errors" in html and REFRESH not in html
    assert "Gagal 0" in html and "RuntimeError: no room on the page 1" in html
    assert "Retry failed" in html
    assert reverse("certificate_batches:retry", args=[batch.pk]) in html


def test_retry_queues_the_batch_once(
    admin_client,
    village_library,
    certificate_template,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    queued = []
    monkeypatch.setattr(
        tasks, "render_batch", SimpleNamespace(enqueue=lambda batch_id: queued.append(batch_id))
    )
    batch = make_batch(village_library, rendered=1, failed=1, status=Batch.Status.FAILED)
    retry = reverse("certificate_batches:retry", args=[batch.pk])
    assert admin_client.get(retry).status_code == 302  # nothing happens on GET
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(retry)
    assert response.status_code == 302 and response["Location"] == page_url(batch)
    batch.refresh_from_db()
    assert batch.status == Batch.Status.QUEUED and queued == [batch.pk]
    assert REFRESH in admin_client.get(page_url(batch)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(retry, follow=True)  # a second press
    assert "has no failed certificates to retry" in response.content.decode()
    assert queued == [batch.pk]


def test_unknown_batch_is_not_found(admin_client):
    assert admin_client.get(BATCHES + "999999/").status_code == 404
    assert admin_client.post(BATCHES + "999999/retry/").status_code == 404


def test_a_trainer_cannot_see_or_retry_a_batch(client, regency_library, certificate_template):
    batch = make_batch(regency_library, failed=1, status=Batch.Status.FAILED)
    client.force_login(lms_factories.user(role=Role.TRAINER, library=regency_library))
    assert client.get(page_url(batch)).status_code == 403
    assert client.post(reverse("certificate_batches:retry", args=[batch.pk])).status_code == 403
    batch.refresh_from_db()
    assert batch.status == Batch.Status.FAILED


def test_issuing_whose_pdfs_fail_ends_in_a_failed_batch_that_keeps_the_certificates(
    admin_client, kind_rule, village_library, monkeypatch, django_capture_on_commit_callbacks
):
    from certificates import rendering

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts installed")

    monkeypatch.setattr(rendering, "render_pdfs", broken)
    monkeypatch.setattr(rendering, "render_pdf", broken)
    for name in ("Sari", "Budi"):
        lms_factories.user(library=village_library, first_name=name)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/certificate-issue/",
            {"kind": factories.TEST_KIND, "subject": village_library.pk, "who": "earned"},
        )
    batch = Batch.objects.get()
    assert response["Location"] == page_url(batch)
    assert (batch.status, batch.total, batch.done, batch.failed) == (Batch.Status.FAILED, 2, 0, 2)
    html = admin_client.get(page_url(batch)).content.decode()
    assert html.count("RuntimeError: no fonts installed") == 2
    assert "Retry failed" in html
    assert batch.certificates.filter(status="valid").count() == 2  # never lost
