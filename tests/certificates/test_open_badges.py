"""Open Badges 2.0 hosted verification: Assertion, BadgeClass, Issuer and badge image."""

import hashlib
import json
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from certificates.services.lifecycle import certificate_revoke

from . import factories

BASE = "https://sebaya.example.id"
OB_CONTEXT = "https://w3id.org/openbadges/v2"


@pytest.fixture(autouse=True)
def issuer_url():
    cache.clear()
    with override_settings(CERTIFICATE_ISSUER_URL=BASE + "/"):
        yield
    cache.clear()


@pytest.fixture
def certificate(learner, village_library, certificate_template):
    learner.email = "Sari@Example.org"
    learner.save(update_fields=["email"])
    return factories.certificate(
        recipient=learner, subject=village_library, expires_on=date(2028, 5, 14)
    )


def fetch(client, url: str, status: int = 200) -> dict:
    """GETs an absolute Open Badges URL on this site and parses its JSON-LD."""
    assert url.startswith(BASE + "/"), url
    response = client.get(urlsplit(url).path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def assertion_url(certificate) -> str:
    return BASE + reverse("certificates:ob_assertion", args=[certificate.code])


def test_the_assertion_badge_class_and_issuer_link_up(client, certificate):
    assertion = fetch(client, assertion_url(certificate))
    assert assertion["@context"] == OB_CONTEXT
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == assertion_url(certificate)
    assert assertion["verification"] == {"type": "hosted"}
    verify_page = BASE + reverse("certificates:verify", args=[certificate.code])
    assert assertion["evidence"] == verify_page
    assert assertion["issuedOn"] == "2026-05-15T00:00:00+07:00"
    assert assertion["expires"].startswith("2028-05-14T23:59:59")

    # The recipient is the holder's e-mail address, hashed with the published salt.
    recipient = assertion["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    expected = hashlib.sha256(("sari@example.org" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${expected}"
    assert "sari@example.org" not in json.dumps(assertion).lower()

    badge = fetch(client, assertion["badge"])
    assert badge["@context"] == OB_CONTEXT
    assert badge["type"] == "BadgeClass"
    assert badge["id"] == assertion["badge"]
    assert badge["name"] == certificate.achievement_title
    assert badge["description"]
    assert "Pelatihan uji" in badge["criteria"]["narrative"]  # the kind's label

    image = client.get(urlsplit(badge["image"]).path)
    assert image.status_code == 200
    assert image["Content-Type"].startswith("image/svg+xml")
    assert image.content.startswith(b"<svg")
    assert len(image.content) < 4096

    issuer = fetch(client, badge["issuer"])
    assert issuer["@context"] == OB_CONTEXT
    assert issuer["type"] in ("Issuer", "Profile")
    assert issuer["id"] == badge["issuer"]
    assert issuer["name"]
    assert issuer["url"] == BASE + "/"
    assert issuer["email"] == "noreply@sebaya.local"


def test_the_same_assertion_every_time(client, certificate):
    # A verifier re-fetches the hosted assertion: the salt and hash must not change.
    first = fetch(client, assertion_url(certificate))
    assert fetch(client, assertion_url(certificate)) == first


def test_a_holder_without_e_mail_is_identified_by_the_verification_page(
    client, learner, village_library, certificate_template
):
    assert not learner.email
    certificate = factories.certificate(recipient=learner, subject=village_library)
    assertion = fetch(client, assertion_url(certificate))
    assert assertion["recipient"] == {
        "type": "url",
        "hashed": False,
        "identity": BASE + reverse("certificates:verify", args=[certificate.code]),
    }
    assert "expires" not in assertion


def test_a_revoked_assertion_is_gone_with_its_reason(client, certificate, programme_admin):
    certificate_revoke(certificate=certificate, revoked_by=programme_admin, reason="Data palsu.")
    data = fetch(client, assertion_url(certificate), status=410)
    assert data["id"] == assertion_url(certificate)
    assert data["revoked"] is True
    assert data["revocationReason"] == "Data palsu."
    assert "recipient" not in data


def test_an_unknown_assertion_is_not_found(client, certificate):
    response = client.get(reverse("certificates:ob_assertion", args=["SBY-AAAA-BBBB-CCCC"]))
    assert response.status_code == 404
    assert json.loads(response.content) == {"status": "not_found"}


def test_a_badge_class_without_any_certificate_is_not_found(client, certificate):
    library_type = ContentType.objects.get_for_model(certificate.subject).pk
    for kind, subject_id in (("unknown_kind", certificate.subject_id), (certificate.kind, 99999)):
        args = {"kind": kind, "subject_type_id": library_type, "subject_id": subject_id}
        assert client.get(reverse("certificates:ob_badge", kwargs=args)).status_code == 404
        assert client.get(reverse("certificates:ob_badge_image", kwargs=args)).status_code == 404


def test_the_badge_image_escapes_the_title(client, learner, village_library, certificate_template):
    certificate = factories.certificate(
        recipient=learner, subject=village_library, achievement_title="<script>x</script> & co"
    )
    badge = fetch(client, fetch(client, assertion_url(certificate))["badge"])
    svg = client.get(urlsplit(badge["image"]).path).content.decode()
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
