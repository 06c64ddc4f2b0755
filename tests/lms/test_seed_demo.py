"""Tests for `manage.py seed_demo`: the demo network, its staff and the demo accounts."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse

from lms import demo_network
from lms.models import Library, Province, Regency, StaffProfile
from lms.roles import (
    GROUP_NAMES,
    Role,
    is_learner,
    is_mentor,
    is_programme_admin,
    is_trainer,
)

pytestmark = pytest.mark.django_db

User = get_user_model()


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeds once for the module; every test runs in a savepoint that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


@pytest.fixture
def output(seeded, db) -> str:
    return seeded


def snapshot() -> dict[str, list]:
    return {
        "provinces": list(Province.objects.order_by("pk").values()),
        "regencies": list(Regency.objects.order_by("pk").values()),
        "libraries": list(Library.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values()),
        "profiles": list(StaffProfile.objects.order_by("pk").values()),
        "memberships": list(
            User.groups.through.objects.order_by("pk").values_list("user_id", "group_id")
        ),
    }


def test_loads_the_partner_network(output):
    regency_libraries = Library.objects.filter(kind=Library.Kind.REGENCY)
    assert regency_libraries.count() >= 16
    assert regency_libraries.values("regency__province").distinct().count() >= 10
    assert Library.objects.filter(kind=Library.Kind.PROVINCIAL).count() == 1
    assert Library.objects.filter(kind__in=Library.MENTORED_KINDS).count() >= 40
    assert Library.objects.filter(kind=Library.Kind.TBM).exists()
    assert Province.objects.get(name="Jawa Timur").code == "35"
    assert Province.objects.get(name="Sulawesi Selatan").code == "73"


def test_every_partner_is_in_its_real_province_with_the_right_kind(output):
    for partner in demo_network.PARTNER_REGENCIES:
        library = Library.objects.select_related("regency__province").get(code=partner.code)
        assert library.kind == Library.Kind.REGENCY
        assert library.regency.name == partner.name
        assert library.regency.province.name == partner.province
        assert library.computers == 4
    kota = Regency.objects.filter(kind=Regency.Kind.KOTA).values_list("name", flat=True)
    assert {"Lubuklinggau", "Payakumbuh", "Surabaya"} <= set(kota)


def test_named_village_libraries_are_where_the_reports_put_them(output):
    tunas_bangsa = Library.objects.get(code="lumajang-tunas-bangsa")
    assert (tunas_bangsa.name, tunas_bangsa.village) == (
        "Perpustakaan Desa Tunas Bangsa",
        "Pandanwangi",
    )
    tianyar = Library.objects.select_related("regency__province").get(village="Tianyar Barat")
    assert (tianyar.regency.name, tianyar.regency.province.name) == ("Karangasem", "Bali")
    assert Library.objects.get(village="Tlogosih").regency.name == "Demak"
    assert Library.objects.get(village="Labuhan Ratu IX").regency.name == "Lampung Timur"


def test_every_village_library_is_mentored_in_its_own_regency(output):
    villages = Library.objects.filter(kind__in=Library.MENTORED_KINDS)
    assert not villages.filter(mentor_library__isnull=True).exists()
    assert not villages.exclude(mentor_library__regency=F("regency")).exists()
    assert not villages.exclude(mentor_library__kind=Library.Kind.REGENCY).exists()
    assert set(villages.values_list("computers", flat=True)) == {3}
    for library in villages:
        assert 1 <= library.bandwidth_mbps <= 10
        assert library.joined_phase in {Library.Phase.PHASE_2, Library.Phase.EXPANSION}


def test_every_library_has_staff(output):
    for library in Library.objects.annotate(n=Count("staff")):
        low, high = (2, 3) if library.kind in Library.MENTORED_KINDS else (3, 4)
        assert low <= library.n <= high, library.code


def test_each_kabupaten_library_has_exactly_one_mentor(output):
    mentors = StaffProfile.objects.filter(user__groups__name=GROUP_NAMES[Role.MENTOR])
    per_library = dict(
        mentors.values("library__code").annotate(n=Count("pk")).values_list("library__code", "n")
    )
    codes = Library.objects.filter(kind=Library.Kind.REGENCY).values_list("code", flat=True)
    assert per_library == dict.fromkeys(codes, 1)


def test_staff_cannot_sign_in_with_a_password_but_demo_accounts_can(output):
    demo = {account.username for account in demo_network.DEMO_ACCOUNTS}
    if apps.is_installed("monitoring"):
        demo.add("admin-lumajang")  # its demo kabupaten admin (see the README)
    for user in User.objects.exclude(username__in=demo):
        assert not user.has_usable_password()
        assert user.first_name and not user.last_name
    assert StaffProfile.objects.filter(gender="female").count() >= 60
    assert StaffProfile.objects.filter(gender="male").count() >= 60


def test_running_twice_changes_nothing(output):
    before = snapshot()
    assert "0 baris dibuat, 0 diperbarui" in seed()  # Indonesian, the default language
    assert snapshot() == before


def network_codes() -> list[str]:
    """The codes of the libraries the demo network defines (other apps' demo data may add
    libraries of their own after the summary is written)."""
    codes = [demo_network.PROVINCIAL_LIBRARY["code"]]
    for partner in demo_network.PARTNER_REGENCIES:
        codes.append(partner.code)
        codes.extend(v.code for v in demo_network.VILLAGE_LIBRARIES.get(partner.code, ()))
    return codes


def test_summary_counts_what_was_loaded(output):
    codes = network_codes()
    libraries = Library.objects.filter(code__in=codes)
    assert libraries.count() == len(codes)
    without_library = [
        account.username for account in demo_network.DEMO_ACCOUNTS if not account.library
    ]
    staff = StaffProfile.objects.filter(
        Q(library__code__in=codes) | Q(user__username__in=without_library)
    )
    network_line = output.splitlines()[0]
    assert f"{Province.objects.count()} provinsi" in network_line
    assert f"{Regency.objects.count()} kabupaten/kota" in network_line
    assert f"{len(codes)} perpustakaan" in network_line
    assert f"{staff.count()} staf" in network_line


@pytest.mark.parametrize(
    ("username", "name", "library_code", "roles"),
    [
        ("peserta", "Sri Wahyuni", "lumajang-tunas-bangsa", (True, False, False, False)),
        ("pendamping", "Bambang Setiawan", "lumajang", (True, True, False, False)),
        ("pelatih", "Dewi Lestari", "provinsi-jawa-timur", (False, False, True, False)),
        ("admin", "Admin Program", None, (False, False, False, True)),
    ],
)
def test_demo_accounts(output, client, username, name, library_code, roles):
    user = User.objects.select_related("staff_profile__library").get(username=username)
    assert user.first_name == name
    profile = user.staff_profile
    assert (profile.library.code if profile.library else None) == library_code
    assert (is_learner(user), is_mentor(user), is_trainer(user), is_programme_admin(user)) == roles
    assert user.is_superuser == (username == "admin")
    # Through the site's own sign-in page: django-axes needs the request to authenticate.
    response = client.post(
        reverse("lms:login"), {"username": username, "password": demo_network.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_demo_account_positions(output):
    positions = dict(
        StaffProfile.objects.filter(
            user__username__in=["peserta", "pendamping", "pelatih"]
        ).values_list("user__username", "position")
    )
    assert positions == {
        "peserta": StaffProfile.Position.MANAGER,
        "pendamping": StaffProfile.Position.FACILITATOR,
        "pelatih": StaffProfile.Position.FACILITATOR,
    }


def test_running_again_restores_demo_passwords_and_roles(output):
    user = User.objects.get(username="pendamping")
    user.set_password("something-else-123")
    user.save()
    user.groups.clear()

    seed()

    user = User.objects.get(username="pendamping")
    assert user.check_password(demo_network.DEMO_PASSWORD)
    assert (is_mentor(user), is_learner(user)) == (True, True)
