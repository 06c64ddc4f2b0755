"""The public verification page, its code form, its JSON, trainer lineage and the rate limit."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks

from certificates.models import Certificate
from certificates.services.lifecycle import certificate_reissue, certificate_revoke
from lms.achievements import ACHIEVEMENT_KINDS_HOOK
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories

UNKNOWN_CODE = "SBY-AAAA-BBBB-CCCC"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(client):
    """A visitor who chose English, so the pages' English text can be checked."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def holder(village_library):
    return lms_factories.user(
        role=Role.LEARNER,
        library=village_library,
        username="sari",
        first_name="Sari",
        last_name="Wulandari",
        email="sari.wulandari@example.org",
    )


@pytest.fixture
def certificate(holder, village_library, certificate_template):
    return factories.certificate(recipient=holder, subject=village_library)


def page(certificate_or_code):
    code = getattr(certificate_or_code, "code", certificate_or_code)
    return reverse("certificates:verify", args=[code])


def data_url(code):
    return reverse("certificates:verify_json", args=[code])


def without_csrf_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


# ---- The page ---------------------------------------------------------------------


def test_anyone_sees_a_valid_certificate_without_signing_in(client, certificate):
    with translation.override("en"):
        response = client.get(page(certificate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sari Wulandari" in html
    assert certificate.achievement_title in html
    assert "Perpustakaan Desa Tunas Bangsa" in html
    assert "Kabupaten Lumajang" in html
    assert certificate.template.issuer_name in html
    assert 'class="cv-status cv-valid"' in html
    assert "is valid" in html
    assert "15 May 2026" in html
    assert "Does not expire" in html
    # No e-mail address or username on a public page.
    assert "sari.wulandari@example.org" not in html
    assert "Trained by" not in html  # not a facilitator certificate


def test_the_page_is_in_indonesian_by_default(certificate):
    response = Client().get(page(certificate))
    assert response.status_code == 200
    assert response["Content-Language"] == "id"


def test_a_revoked_certificate_says_so_with_date_and_reason(client, certificate, programme_admin):
    certificate_revoke(
        certificate=certificate,
        revoked_by=programme_admin,
        reason="Peserta tidak hadir pada sesi praktik.",
    )
    with translation.override("en"):
        response = client.get(page(certificate))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="cv-status cv-revoked"' in html
    assert "Revoked" in html
    assert "Peserta tidak hadir pada sesi praktik." in html
    assert timezone.localdate().strftime("%-d %B %Y") in html
    assert "is valid" not in html


def test_a_certificate_past_its_expiry_date_is_expired(client, holder, village_library):
    expired_on = timezone.localdate() - timedelta(days=3)
    certificate = factories.certificate(
        recipient=holder,
        subject=village_library,
        issued_on=expired_on - timedelta(days=365),
        expires_on=expired_on,
    )
    with translation.override("en"):
        html = client.get(page(certificate)).content.decode()
    assert 'class="cv-status cv-expired"' in html
    assert f"expired on {expired_on.strftime('%-d %B %Y')}" in html


def test_a_superseded_certificate_links_to_the_new_one(client, certificate, programme_admin):
    new = certificate_reissue(certificate=certificate, issued_by=programme_admin)
    with translation.override("en"):
        html = client.get(page(certificate)).content.decode()
    assert 'class="cv-status cv-superseded"' in html
    assert f'id="superseded-by" href="{page(new)}"' in html
    with translation.override("en"):
        assert 'class="cv-status cv-valid"' in client.get(page(new)).content.decode()


def test_a_code_in_the_address_typed_by_hand_redirects_to_the_printed_form(client, certificate):
    response = client.get(page(certificate.code.lower().replace("-", "")))
    assert response.status_code == 302
    assert response["Location"] == page(certificate)


# ---- Typing a code ----------------------------------------------------------------


def test_the_code_form_opens_for_anyone(client, db):
    response = client.get(reverse("certificates:verify_home"))
    assert response.status_code == 200
    assert 'name="kode"' in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "SBY-0AB1-CD2E-FGH3",
        "sby-0ab1-cd2e-fgh3",
        "  SBY 0AB1 CD2E FGH3 ",
        "SBY-OAB1-CD2E-FGH3",  # letter O for zero
        "sbyOABlcd2efgh3",  # letter l for one, no dashes
        "0AB1-CD2E-FGH3",  # without the prefix
    ],
)
def test_a_typed_code_is_found_however_it_was_typed(client, holder, village_library, typed):
    certificate = factories.certificate(
        recipient=holder, subject=village_library, code="SBY-0AB1-CD2E-FGH3"
    )
    response = client.get(reverse("certificates:verify_home"), {"kode": typed})
    assert response.status_code == 302
    assert response["Location"] == page(certificate)


def test_an_empty_code_asks_for_one(client, db):
    with translation.override("en"):
        response = client.get(reverse("certificates:verify_home"), {"kode": " "})
    assert response.status_code == 400
    assert "Type the code printed on the certificate." in response.content.decode()


@pytest.mark.parametrize(
    "typed", [UNKNOWN_CODE, "hello", "SBY-1234", "SBY-AAAA-BBBB-CCCCX", "SBY-" + "A" * 100]
)
def test_an_unknown_or_malformed_code_is_not_found(client, certificate, typed):
    with translation.override("en"):
        response = client.get(reverse("certificates:verify_home"), {"kode": typed})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Certificate not found" in html
    assert "No certificate has this code." in html
    assert "Sari" not in html
    assert certificate.code not in html


def test_not_found_tells_nothing_about_which_codes_exist(client, certificate):
    """An unknown code one character away from a real one, a random well-formed code and a
    malformed one get the same page; only the echoed text differs."""
    near = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    bodies = []
    for typed in (near, UNKNOWN_CODE, "not-a-code"):
        for url in (
            reverse("certificates:verify_home") + f"?kode={typed}",
            page(typed),
        ):
            response = client.get(url)
            assert response.status_code == 404
            bodies.append(without_csrf_tokens(response.content.decode()).replace(typed, "…"))
    assert bodies[0] == bodies[2] == bodies[4]
    assert bodies[1] == bodies[3] == bodies[5]
    assert certificate.code not in "".join(bodies)


# ---- JSON ---------------------------------------------------------------------------


def test_json_of_a_valid_certificate(client, certificate):
    certificate.sha256 = "ab" * 32
    certificate.save(update_fields=["sha256"])
    response = client.get(data_url(certificate.code))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    base = settings.CERTIFICATE_ISSUER_URL.rstrip("/")
    assert data == {
        "code": certificate.code,
        "status": "valid",
        "holder": "Sari Wulandari",
        "achievement": certificate.achievement_title,
        "hours": 12.0,
        "library": "Perpustakaan Desa Tunas Bangsa",
        "regency": "Kabupaten Lumajang",
        "issuer": certificate.template.issuer_name,
        "issued_on": "2026-05-15",
        "expires_on": None,
        "revoked_on": None,
        "revoke_reason": None,
        "superseded_by": None,
        "trained_by": None,
        "verify_url": base + page(certificate),
        "pdf_sha256": "ab" * 32,
    }
    # Exactly these keys: no e-mail address, username or user id.
    raw = response.content.decode()
    assert "sari.wulandari@example.org" not in raw
    assert '"sari"' not in raw


def test_json_of_a_revoked_certificate(client, certificate, programme_admin):
    certificate_revoke(certificate=certificate, revoked_by=programme_admin, reason="Data salah.")
    data = client.get(data_url(certificate.code)).json()
    assert data["status"] == "revoked"
    assert data["revoked_on"] == timezone.localdate().isoformat()
    assert data["revoke_reason"] == "Data salah."


def test_json_of_an_expired_certificate(client, holder, village_library):
    certificate = factories.certificate(
        recipient=holder, subject=village_library, expires_on=timezone.localdate() - timedelta(1)
    )
    data = client.get(data_url(certificate.code)).json()
    assert data["status"] == "expired"
    assert data["expires_on"] == (timezone.localdate() - timedelta(1)).isoformat()


def test_json_of_a_superseded_certificate(client, certificate, programme_admin):
    new = certificate_reissue(certificate=certificate, issued_by=programme_admin)
    data = client.get(data_url(certificate.code)).json()
    assert data["status"] == "superseded"
    assert data["superseded_by"] == {
        "code": new.code,
        "url": settings.CERTIFICATE_ISSUER_URL.rstrip("/") + page(new),
    }
    assert client.get(data_url(new.code)).json()["status"] == "valid"


@pytest.mark.parametrize("code", [UNKNOWN_CODE, "nonsense"])
def test_json_of_an_unknown_code(client, certificate, code):
    response = client.get(data_url(code))
    assert response.status_code == 404
    assert response.json() == {"status": "not_found"}


def test_json_accepts_a_code_typed_by_hand(client, certificate):
    data = client.get(data_url(certificate.code.lower())).json()
    assert data["code"] == certificate.code


# ---- Trainer lineage ----------------------------------------------------------------


def _trainers(village_library, count):
    return [
        lms_factories.user(role=Role.TRAINER, library=village_library, first_name=f"Pelatih {n}")
        for n in range(1, count + 1)
    ]


def _facilitator_kind(trainers):
    ids = [t.pk for t in trainers]

    def trained_by(user, subject):
        return list(get_user_model().objects.filter(pk__in=ids).order_by("first_name"))

    return factories.test_kind(trained_by=trained_by)


def test_a_facilitator_certificate_names_its_trainers(client, holder, village_library):
    first, second, third = _trainers(village_library, 3)
    other_library = lms_factories.library()
    # The first holds a valid certificate of the same kind and subject: linked.
    theirs = factories.certificate(recipient=first, subject=village_library)
    # The second's certificate was revoked; the third's is for another subject.
    revoked = factories.certificate(recipient=second, subject=village_library)
    revoked.status = Certificate.Status.REVOKED
    revoked.save(update_fields=["status"])
    factories.certificate(recipient=third, subject=other_library)
    certificate = factories.certificate(recipient=holder, subject=village_library)

    with hooks.register_temporarily(
        ACHIEVEMENT_KINDS_HOOK, lambda: [_facilitator_kind([first, second, third])]
    ):
        with translation.override("en"):
            html = client.get(page(certificate)).content.decode()
        data = client.get(data_url(certificate.code)).json()

    assert "Trained by" in html
    assert f'<a href="{page(theirs)}">Pelatih 1</a>' in html
    assert "<li>Pelatih 2</li>" in html
    assert "<li>Pelatih 3</li>" in html
    base = data["verify_url"].removesuffix(page(certificate))
    assert data["trained_by"] == [
        {"name": "Pelatih 1", "certificate_url": base + page(theirs)},
        {"name": "Pelatih 2", "certificate_url": None},
        {"name": "Pelatih 3", "certificate_url": None},
    ]


def test_an_expired_trainer_certificate_is_not_linked(client, holder, village_library):
    (trainer,) = _trainers(village_library, 1)
    factories.certificate(
        recipient=trainer,
        subject=village_library,
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    certificate = factories.certificate(recipient=holder, subject=village_library)
    with hooks.register_temporarily(ACHIEVEMENT_KINDS_HOOK, lambda: [_facilitator_kind([trainer])]):
        data = client.get(data_url(certificate.code)).json()
    assert data["trained_by"] == [{"name": "Pelatih 1", "certificate_url": None}]


def test_a_certificate_whose_kind_was_removed_still_verifies(client, holder, village_library):
    certificate = factories.certificate(
        recipient=holder, subject=village_library, kind="removed_app_kind"
    )
    with translation.override("en"):
        response = client.get(page(certificate))
    assert response.status_code == 200
    assert "Trained by" not in response.content.decode()
    assert client.get(data_url(certificate.code)).json()["trained_by"] is None


# ---- Query counts -------------------------------------------------------------------


def test_the_page_costs_one_query(client, certificate, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get(page(certificate)).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(data_url(certificate.code)).status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_lineage_costs_the_same_for_one_or_three_trainers(
    client, holder, village_library, django_assert_num_queries, count
):
    trainers = _trainers(village_library, count)
    for trainer in trainers:
        factories.certificate(recipient=trainer, subject=village_library)
    certificate = factories.certificate(recipient=holder, subject=village_library)
    with hooks.register_temporarily(ACHIEVEMENT_KINDS_HOOK, lambda: [_facilitator_kind(trainers)]):
        # The certificate, its subject, the kind's own trainer query, their certificates.
        with django_assert_num_queries(4):
            response = client.get(page(certificate))
    assert response.content.decode().count('">Pelatih ') == count


# ---- Rate limit ---------------------------------------------------------------------


@override_settings(CERTIFICATE_VERIFY_RATE=3)
def test_too_many_lookups_from_one_address_are_refused(client, certificate):
    for url in (page(certificate), data_url(certificate.code), page(UNKNOWN_CODE)):
        assert client.get(url).status_code in (200, 404)
    with translation.override("en"):
        response = client.get(page(certificate))
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many certificate checks" in response.content.decode()
    assert "Sari" not in response.content.decode()

    response = client.get(data_url(certificate.code))
    assert response.status_code == 429
    assert response.json()["status"] == "rate_limited"
    assert response["Retry-After"]

    response = client.get(reverse("certificates:verify_home"), {"kode": certificate.code})
    assert response.status_code == 429
    # Another address is not held back.
    assert client.get(page(certificate), REMOTE_ADDR="10.1.2.3").status_code == 200


@override_settings(CERTIFICATE_VERIFY_RATE=3)
def test_opening_the_empty_form_is_not_a_lookup(client, certificate):
    for _ in range(5):
        assert client.get(reverse("certificates:verify_home")).status_code == 200
    assert client.get(page(certificate)).status_code == 200


@override_settings(CERTIFICATE_VERIFY_RATE=6)
def test_an_upload_counts_as_several_lookups(client, certificate):
    upload = reverse("certificates:verify_upload", args=[certificate.code])
    assert client.post(upload, {}).status_code == 400  # no file: still counted (5)
    assert client.get(page(certificate)).status_code == 200  # 6
    assert client.get(page(certificate)).status_code == 429


def test_a_failing_trainer_lookup_does_not_hide_the_certificate(client, holder, village_library):
    def broken(user, subject):
        raise RuntimeError("mentoring is broken")

    certificate = factories.certificate(recipient=holder, subject=village_library)
    with hooks.register_temporarily(
        ACHIEVEMENT_KINDS_HOOK, lambda: [factories.test_kind(trained_by=broken)]
    ):
        response = client.get(page(certificate))
    assert response.status_code == 200
    assert "Sari Wulandari" in response.content.decode()
    assert "Trained by" not in response.content.decode()


def test_a_trainer_is_never_named_by_username(client, holder, village_library):
    nameless = lms_factories.user(
        role=Role.TRAINER, library=village_library, username="pelatih-rahasia", first_name=""
    )
    certificate = factories.certificate(recipient=holder, subject=village_library)
    with hooks.register_temporarily(
        ACHIEVEMENT_KINDS_HOOK, lambda: [_facilitator_kind([nameless])]
    ):
        html = client.get(page(certificate)).content.decode()
        data = client.get(data_url(certificate.code)).json()
    assert "pelatih-rahasia" not in html
    assert "A trainer whose name is not recorded" in html
    assert data["trained_by"] == [
        {"name": "A trainer whose name is not recorded", "certificate_url": None}
    ]
