"""Certificate templates and rules in the admin: listing and search, the live preview
panel, "render again", a template in use kept, and one rule per kind."""

import pytest
from django.urls import reverse

from certificates.models import Batch, Certificate, CertificateTemplate, KindRule
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories
from .admin_helpers import admin_in_english

pytestmark = pytest.mark.django_db

TEMPLATES = "/admin/snippets/certificates/certificatetemplate/"
RULES = "/admin/snippets/certificates/kindrule/"


@pytest.fixture
def admin_client(client, programme_admin):
    return admin_in_english(client, programme_admin)


def template_form(**overrides):
    data = {
        "name": "Sertifikat PLM",
        "language": "id",
        "orientation": "landscape",
        "title": "Sertifikat",
        "body": "Diberikan kepada {name} atas {achievement}.",
        "title_en": "",
        "body_en": "",
        "issuer_name": "Perpustakaan Nasional Republik Indonesia",
        "logos-TOTAL_FORMS": "0",
        "logos-INITIAL_FORMS": "0",
        "logos-MIN_NUM_FORMS": "0",
        "logos-MAX_NUM_FORMS": "4",
        "signatories-TOTAL_FORMS": "1",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "1",
        "signatories-MAX_NUM_FORMS": "3",
        "signatories-0-name": "Dra. Woro Titi Haryanti, M.A.",
        "signatories-0-position": "Deputi Bidang Pengembangan",
        "signatories-0-ORDER": "1",
    }
    data.update(overrides)
    return data


def test_templates_are_listed_and_searched_by_name(admin_client):
    factories.template(name="Sertifikat pelatihan TIK")
    factories.template(name="Sertifikat fasilitator")
    html = admin_client.get(TEMPLATES, {"q": "fasilitator"}).content.decode()
    assert "Sertifikat fasilitator" in html and "pelatihan TIK" not in html


def test_create_and_edit_show_the_live_preview_panel(admin_client, certificate_template):
    for path in (TEMPLATES + "add/", f"{TEMPLATES}edit/{certificate_template.pk}/"):
        html = admin_client.get(path).content.decode()
        assert 'data-controller="w-preview"' in html, path
        assert TEMPLATES + "preview/" in html, path


def test_admin_creates_a_template_with_a_signatory(admin_client):
    response = admin_client.post(TEMPLATES + "add/", template_form())
    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="Sertifikat PLM")
    assert [s.name for s in template.signatories.all()] == ["Dra. Woro Titi Haryanti, M.A."]


def test_an_unknown_placeholder_is_refused_with_its_name(admin_client):
    response = admin_client.post(TEMPLATES + "add/", template_form(body="Untuk {nama}"))
    assert response.status_code == 200
    assert "Unknown placeholder {nama}" in response.content.decode()
    assert not CertificateTemplate.objects.filter(name="Sertifikat PLM").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_template_used_by_certificates_is_not_deleted(
    admin_client, certificate_template, village_library, method
):
    factories.certificate(recipient=lms_factories.user(), subject=village_library)
    path = f"{TEMPLATES}delete/{certificate_template.pk}/"
    response = getattr(admin_client, method)(path, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be deleted: 1 certificates and 0 rules use it" in html
    assert CertificateTemplate.objects.filter(pk=certificate_template.pk).exists()


def test_bulk_delete_also_keeps_a_template_in_use(admin_client, kind_rule, certificate_template):
    unused = factories.template(name="Tidak dipakai")
    path = "/admin/bulk/certificates/certificatetemplate/delete/"
    query = f"?next={TEMPLATES}&id={certificate_template.pk}&id={unused.pk}"
    response = admin_client.post(path + query, follow=True)
    assert response.status_code == 200
    assert "cannot be deleted: 0 certificates and 1 rules use it" in response.content.decode()
    assert CertificateTemplate.objects.count() == 2


def test_an_unused_template_is_deleted(admin_client):
    unused = factories.template(name="Tidak dipakai")
    response = admin_client.post(f"{TEMPLATES}delete/{unused.pk}/")
    assert response.status_code == 302
    assert not CertificateTemplate.objects.filter(pk=unused.pk).exists()


def test_render_again_queues_the_templates_valid_certificates(
    admin_client, certificate_template, village_library, programme_admin
):
    valid = [
        factories.certificate(recipient=lms_factories.user(), subject=village_library)
        for _ in range(2)
    ]
    factories.certificate(
        recipient=lms_factories.user(),
        subject=village_library,
        status=Certificate.Status.REVOKED,
    )
    other = factories.certificate(
        recipient=lms_factories.user(),
        subject=village_library,
        template_=factories.template(name="Lain"),
    )
    path = f"{TEMPLATES}rerender/{certificate_template.pk}/"
    page = admin_client.get(path)
    assert page.status_code == 200
    assert "2 valid certificates use" in page.content.decode()
    assert not Batch.objects.exists()  # nothing happens on GET

    response = admin_client.post(path)
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_batches:inspect", args=[batch.pk])
    assert set(batch.certificates.all()) == set(valid)
    assert batch.requested_by == programme_admin and batch.total == 2
    assert other not in batch.certificates.all()


def test_render_again_with_nothing_valid_makes_no_batch(admin_client, certificate_template):
    response = admin_client.post(f"{TEMPLATES}rerender/{certificate_template.pk}/", follow=True)
    assert response.status_code == 200
    assert "there is nothing to render" in response.content.decode()
    assert not Batch.objects.exists()


def rule_form(template, **overrides):
    return {
        "kind": factories.TEST_KIND,
        "template": str(template.pk),
        "valid_for_months": "24",
        "automatic": "on",
        **overrides,
    }


def test_rule_form_offers_the_registered_kinds_by_label(admin_client, certificate_template):
    html = admin_client.get(RULES + "add/").content.decode()
    assert f'<option value="{factories.TEST_KIND}">Pelatihan uji</option>' in html
    response = admin_client.post(RULES + "add/", rule_form(certificate_template))
    assert response.status_code == 302
    rule = KindRule.objects.get()
    assert rule.template == certificate_template and rule.valid_for_months == 24
    assert rule.automatic
    html = admin_client.get(RULES).content.decode()
    assert "Pelatihan uji" in html and "Sertifikat pelatihan" in html


def test_a_second_rule_for_the_same_kind_is_refused_clearly(admin_client, kind_rule):
    response = admin_client.post(RULES + "add/", rule_form(kind_rule.template, automatic=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is already a rule for “Pelatihan uji”. Edit that rule instead." in html
    assert KindRule.objects.count() == 1


def test_a_kind_not_offered_by_any_app_cannot_be_chosen(admin_client, certificate_template):
    response = admin_client.post(RULES + "add/", rule_form(certificate_template, kind="nope"))
    assert response.status_code == 200
    assert not KindRule.objects.exists()


def test_a_rule_whose_app_was_removed_shows_its_raw_key(admin_client, certificate_template):
    rule = factories.rule(kind="course_completed_old", template_=certificate_template)
    html = admin_client.get(RULES).content.decode()
    assert "course_completed_old" in html
    # It can still be edited (its key stays) or deleted.
    edit = f"{RULES}edit/{rule.pk}/"
    assert (
        '<option value="course_completed_old" selected>' in admin_client.get(edit).content.decode()
    )
    form = rule_form(certificate_template, kind="course_completed_old", valid_for_months="")
    assert admin_client.post(edit, form).status_code == 302
    rule.refresh_from_db()
    assert rule.valid_for_months is None


def test_trainer_cannot_create_a_template_or_a_rule(client, regency_library, certificate_template):
    trainer = lms_factories.user(role=Role.TRAINER, library=regency_library)
    client.force_login(trainer)
    assert client.post(TEMPLATES + "add/", template_form()).status_code == 403
    assert client.post(RULES + "add/", rule_form(certificate_template)).status_code == 403
    assert not KindRule.objects.exists()
    assert not CertificateTemplate.objects.filter(name="Sertifikat PLM").exists()
