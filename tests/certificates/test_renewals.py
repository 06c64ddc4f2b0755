"""The renewal list in the admin: what expires soon or expired lately, reminders to the
holder and her mentor (once), and a reissue for each row."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services.lifecycle import RENEWAL_WINDOW_DAYS
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories
from .admin_helpers import admin_in_english

pytestmark = pytest.mark.django_db

RENEWALS = "/admin/certificate-renewals/"


@pytest.fixture
def admin_client(client, programme_admin):
    return admin_in_english(client, programme_admin)


@pytest.fixture
def mentor(regency_library):
    return lms_factories.user(
        role=Role.MENTOR, library=regency_library, email="pendamping@lumajang.go.id"
    )


def expiring(library, days, first_name="Siti Nurhaliza", **fields):
    holder = lms_factories.user(
        library=library, first_name=first_name, email=f"{first_name.split()[0].lower()}@desa.id"
    )
    return factories.certificate(
        recipient=holder,
        subject=library,
        expires_on=timezone.localdate() + timedelta(days=days),
        **fields,
    )


def test_lists_what_expires_soon_and_what_expired_lately(
    admin_client, village_library, certificate_template
):
    soon = expiring(village_library, 10, "Siti Segera")
    edge = expiring(village_library, RENEWAL_WINDOW_DAYS, "Ani Batas")
    lately = expiring(village_library, -30, "Rina Lewat", status=Certificate.Status.EXPIRED)
    unmarked = expiring(village_library, -2, "Dewi Belum")  # valid, past its date
    later = expiring(village_library, RENEWAL_WINDOW_DAYS + 1, "Joko Nanti")
    long_ago = expiring(village_library, -200, "Tono Lama", status=Certificate.Status.EXPIRED)
    revoked = expiring(village_library, 5, "Wati Cabut", status=Certificate.Status.REVOKED)
    html = admin_client.get(RENEWALS).content.decode()
    for shown in (soon, edge, lately, unmarked):
        assert shown.code in html, shown.recipient_name
    for hidden in (later, long_ago, revoked):
        assert hidden.code not in html, hidden.recipient_name
    assert "Reminder sent" in html and "not yet" in html
    assert reverse("certificates_admin:reissue", args=[soon.pk]) in html


def test_query_count_is_the_same_for_few_and_many(
    admin_client, village_library, certificate_template
):
    for n in range(3):
        expiring(village_library, n + 1, f"Awal {n}")
    admin_client.get(RENEWALS)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(RENEWALS)
    for n in range(30):
        expiring(village_library, n + 1, f"Lanjut {n}")
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(RENEWALS)
    assert response.content.decode().count('name="certificate"') == 33
    assert len(few) == len(many), [q["sql"] for q in many.captured_queries]


def test_reminders_go_to_the_holder_and_her_mentor_once(
    admin_client, village_library, mentor, certificate_template
):
    chosen = expiring(village_library, 10, "Siti Segera")
    other = expiring(village_library, 20, "Ani Lain")
    response = admin_client.post(RENEWALS, {"certificate": [chosen.pk]}, follow=True)
    assert "1 reminders sent." in response.content.decode()
    (message,) = mail.outbox
    assert sorted(message.to) == ["pendamping@lumajang.go.id", "siti@desa.id"]
    assert chosen.code in message.subject
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.reminded_at is not None and other.reminded_at is None
    html = admin_client.get(RENEWALS).content.decode()
    assert html.count("not yet") == 1  # only the other one

    response = admin_client.post(RENEWALS, {"certificate": [chosen.pk]}, follow=True)
    assert len(mail.outbox) == 1
    assert "No reminder sent" in response.content.decode()


def test_send_to_all_listed(admin_client, village_library, mentor, certificate_template):
    expiring(village_library, 10, "Siti Segera")
    expiring(village_library, 20, "Ani Lain")
    expiring(village_library, RENEWAL_WINDOW_DAYS + 5, "Joko Nanti")  # not listed
    admin_client.post(RENEWALS, {"all": "1"})
    assert sorted(m.to[-1] for m in mail.outbox) == ["pendamping@lumajang.go.id"] * 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ani@desa.id", "siti@desa.id"]
    admin_client.post(RENEWALS, {"all": "1"})
    assert len(mail.outbox) == 2


def test_nothing_ticked_sends_nothing(admin_client, village_library, certificate_template):
    expiring(village_library, 10)
    response = admin_client.post(RENEWALS, {"certificate": ["abc"]}, follow=True)
    assert "Tick the certificates" in response.content.decode()
    assert mail.outbox == []


def test_a_certificate_outside_the_list_is_not_reminded(
    admin_client, village_library, certificate_template
):
    later = expiring(village_library, RENEWAL_WINDOW_DAYS + 30)
    admin_client.post(RENEWALS, {"certificate": [later.pk]})
    assert mail.outbox == []
    later.refresh_from_db()
    assert later.reminded_at is None


def test_a_trainer_cannot_see_or_send_reminders(
    client, regency_library, village_library, certificate_template
):
    certificate = expiring(village_library, 10)
    client.force_login(lms_factories.user(role=Role.TRAINER, library=regency_library))
    assert client.get(RENEWALS).status_code == 403
    assert client.post(RENEWALS, {"all": "1"}).status_code == 403
    assert mail.outbox == []
    certificate.refresh_from_db()
    assert certificate.reminded_at is None
