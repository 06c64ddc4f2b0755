"""Issuing certificates by hand in the admin: to everyone who earned an achievement or to
a list of people, every line checked first and nothing written while one is wrong."""

import dataclasses

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from certificates.models import Batch, Certificate
from lms.achievements import ACHIEVEMENT_KINDS_HOOK
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories
from .admin_helpers import admin_in_english

pytestmark = pytest.mark.django_db

ISSUE = "/admin/certificate-issue/"


@pytest.fixture
def admin_client(client, programme_admin):
    return admin_in_english(client, programme_admin)


@pytest.fixture
def strict_kind(test_kind):
    """The test kind, but only a library's own staff have earned it."""

    def describe(user, library):
        profile = getattr(user, "staff_profile", None)
        if profile is None or profile.library_id != library.pk:
            return None
        return factories._achievement(user, library)

    kind = dataclasses.replace(test_kind, describe=describe)
    with hooks.register_temporarily(ACHIEVEMENT_KINDS_HOOK, lambda: [kind]):
        yield kind


@pytest.fixture
def staff(village_library):
    return [
        lms_factories.user(library=village_library, username="sari", email="sari@desa.id"),
        lms_factories.user(library=village_library, username="budi", email="budi@desa.id"),
    ]


def issue(client, library, **fields):
    data = {"kind": factories.TEST_KIND, "subject": str(library.pk), "who": "listed"}
    data.update(fields)
    return client.post(ISSUE, data)


def test_first_the_achievement_is_chosen_then_the_subject(admin_client, village_library):
    html = admin_client.get(ISSUE).content.decode()
    assert f'<option value="{factories.TEST_KIND}">Pelatihan uji</option>' in html
    html = admin_client.get(ISSUE, {"kind": factories.TEST_KIND}).content.decode()
    assert "Pelatihan uji" in html
    assert f'<option value="{village_library.pk}">Perpustakaan Desa Tunas Bangsa</option>' in html
    assert 'name="people"' in html and 'name="issue_anyway"' in html


def test_issuing_to_everyone_who_earned_it(admin_client, kind_rule, village_library, staff):
    response = issue(admin_client, village_library, who="earned")
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificate_batches:inspect", args=[batch.pk])
    assert set(Certificate.objects.values_list("recipient__username", flat=True)) == {
        "sari",
        "budi",
    }
    assert batch.total == 2 and set(batch.certificates.all()) == set(Certificate.objects.all())
    page = admin_client.get(response["Location"]).content.decode()
    assert "2 new certificates issued" in page


def test_issuing_to_listed_people_by_username_or_email(
    admin_client,
    kind_rule,
    village_library,
    staff,
    programme_admin,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = issue(admin_client, village_library, people="SARI\n\n  budi@desa.id  \n")
    assert response.status_code == 302
    certificates = Certificate.objects.order_by("recipient__username")
    assert [c.recipient for c in certificates] == [staff[1], staff[0]]
    assert all(c.issued_by == programme_admin for c in certificates)
    assert len(callbacks) == 1  # one background batch renders the PDFs


def test_every_bad_line_is_named_and_nothing_is_written(
    admin_client, kind_rule, village_library, staff, strict_kind
):
    outsider = lms_factories.user(library=lms_factories.library(), username="joko")
    people = "sari\nwati\n\nSari@desa.id\njoko\nbudi\n"
    response = issue(admin_client, village_library, people=people)
    assert response.status_code == 200
    problems = response.context["form"].errors["people"]
    assert problems == [
        "Line 2: “wati” is not the username or e-mail of anyone.",
        "Line 4: “Sari@desa.id” is the same person as line 1.",
        f"Line 5: {outsider.get_full_name()} has not earned “Perpustakaan Desa Tunas Bangsa”. "
        "Remove the line, or tick “Issue even if not recorded as earned”.",
    ]
    html = response.content.decode()
    assert "Nothing was issued" in html and "Line 2: “wati”" in html
    assert not Certificate.objects.exists() and not Batch.objects.exists()


def test_issue_anyway_certifies_someone_not_recorded_as_earned(
    admin_client, kind_rule, village_library, strict_kind
):
    outsider = lms_factories.user(library=lms_factories.library(), username="joko")
    response = issue(admin_client, village_library, people="joko", issue_anyway="on")
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.recipient == outsider
    assert certificate.achievement_title == "Perpustakaan Desa Tunas Bangsa"
    assert certificate.achieved_on == timezone.localdate()


def test_an_e_mail_shared_by_two_people_is_refused(admin_client, kind_rule, village_library):
    lms_factories.user(library=village_library, email="kantor@desa.id")
    lms_factories.user(library=village_library, email="kantor@desa.id")
    response = issue(admin_client, village_library, people="kantor@desa.id")
    assert response.context["form"].errors["people"] == [
        "Line 1: several people have the e-mail “kantor@desa.id”; write their username instead."
    ]
    assert not Certificate.objects.exists()


def test_an_empty_list_is_refused(admin_client, kind_rule, village_library):
    response = issue(admin_client, village_library, people="\n  \n")
    assert response.context["form"].errors["people"] == [
        "List the people: one username or e-mail per line."
    ]


def test_people_who_hold_a_valid_certificate_are_not_issued_again(
    admin_client, kind_rule, village_library, staff
):
    held = factories.certificate(recipient=staff[0], subject=village_library)
    response = issue(admin_client, village_library, people="sari\nbudi")
    assert response.status_code == 302
    assert Certificate.objects.count() == 2
    assert Certificate.objects.get(recipient=staff[0]) == held
    assert Batch.objects.get().total == 1
    page = admin_client.get(response["Location"]).content.decode()
    assert "1 new certificates issued for “Perpustakaan Desa Tunas Bangsa”; 1 people" in page


def test_no_rule_for_the_kind_is_said_in_the_form(admin_client, village_library, staff):
    response = issue(admin_client, village_library, who="earned")
    assert response.status_code == 200
    assert "No certificate template is set for “Pelatihan uji”" in response.content.decode()
    assert not Certificate.objects.exists() and not Batch.objects.exists()


def test_nobody_earned_it_yet(admin_client, kind_rule, regency_library):
    response = issue(admin_client, regency_library, who="earned")
    assert response.status_code == 200
    assert "Nobody has earned" in response.content.decode()


def test_a_subject_outside_the_kind_is_refused(admin_client, kind_rule, staff):
    response = admin_client.post(
        ISSUE, {"kind": factories.TEST_KIND, "subject": "999999", "who": "earned"}
    )
    assert response.status_code == 200 and "subject" in response.context["form"].errors
    assert not Certificate.objects.exists()


def test_an_unknown_kind_goes_back_to_choosing(admin_client):
    response = admin_client.post(ISSUE, {"kind": "nope", "who": "earned"})
    assert response.status_code == 302 and response["Location"] == ISSUE
    assert admin_client.get(ISSUE, {"kind": "nope"}).context["choose_form"] is not None


def test_a_trainer_cannot_issue(client, regency_library, kind_rule, village_library, staff):
    trainer = lms_factories.user(role=Role.TRAINER, library=regency_library)
    client.force_login(trainer)
    assert client.get(ISSUE).status_code == 403
    assert issue(client, village_library, who="earned").status_code == 403
    assert not Certificate.objects.exists()
