"""`seed_demo --scale`: synthetic data shaped like Indonesia, tested on a tiny scale with
the same code the national one runs."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Count, F

from lms import scale
from lms.models import Library, Regency, StaffProfile

pytestmark = pytest.mark.django_db

User = get_user_model()

TINY = scale.Scale(
    "tiny",
    provinces=1,
    regencies=10,  # the demo has 6 of them in Jawa Tengah
    villages=160,  # the demo's 76 and 84 more
    staff=800,  # the demo's 382 and 418 more
    progress=4_000,
    national_trainers=2,
)


class Undo(Exception):
    pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo once for the module; every test runs in a savepoint rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def generate(seed: int = 7) -> tuple[dict | None, str]:
    out = StringIO()
    counts = scale.generate(scale=TINY, seed=seed, stdout=OutputWrapper(out))
    return counts, out.getvalue()


def synthetic_people() -> list[tuple]:
    """What a person sees of the generated staff, without ids (which differ between runs)."""
    return list(
        StaffProfile.objects.filter(user__username__startswith=scale.USERNAME_PREFIX)
        .order_by("user__username")
        .values_list(
            "user__username",
            "user__first_name",
            "library__name",
            "library__kind",
            "position",
            "gender",
            "birth_year",
        )
    )


def test_the_network_has_the_shape_asked_for(demo):
    counts, output = generate()
    synthetic = Library.objects.filter(code__startswith=scale.SYNTHETIC_PREFIX)
    province = scale.PROVINCES[0][0]
    assert Regency.objects.filter(province__name=province).count() == TINY.regencies
    assert synthetic.filter(kind=Library.Kind.REGENCY).count() == TINY.regencies - 6
    assert Library.objects.filter(kind__in=Library.MENTORED_KINDS).count() == TINY.villages
    assert StaffProfile.objects.count() == TINY.staff == counts["staff"]
    # Every village library and TBM is mentored by its own kabupaten/kota library.
    villages = synthetic.filter(kind__in=Library.MENTORED_KINDS)
    assert not villages.filter(mentor_library__isnull=True).exists()
    assert not villages.exclude(mentor_library__regency=F("regency")).exists()
    # Every synthetic person can be told apart and has a role; none can sign in.
    people = User.objects.filter(username__startswith=scale.USERNAME_PREFIX)
    assert not people.annotate(roles=Count("groups")).filter(roles=0).exists()
    assert not any(user.has_usable_password() for user in people[:50])
    assert "100%" in output and "Akun staf" in output


def test_a_second_run_adds_nothing(demo):
    assert generate()[0] is not None
    libraries, staff = Library.objects.count(), StaffProfile.objects.count()
    assert generate()[0] is None
    assert (Library.objects.count(), StaffProfile.objects.count()) == (libraries, staff)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(demo):
    def people_after(seed: int) -> list[tuple]:
        try:
            with transaction.atomic():
                generate(seed)
                found = synthetic_people()
                raise Undo
        except Undo:
            return found

    first = people_after(7)
    assert len(first) > 300
    assert people_after(7) == first
    assert people_after(8) != first


@pytest.mark.skipif(not apps.is_installed("courses"), reason="courses is not installed")
def test_learners_are_at_every_stage_with_progress_near_the_target(demo):
    from courses import selectors
    from courses.models import Enrollment, Progress

    generate()
    enrollments = Enrollment.objects.filter(user__username__startswith=scale.USERNAME_PREFIX)
    progress = Progress.objects.filter(user__username__startswith=scale.USERNAME_PREFIX)
    assert enrollments.filter(completed_at__isnull=False).exists()
    assert enrollments.filter(completed_at__isnull=True, items_done__gt=0).exists()
    assert enrollments.filter(items_done=0).exists()
    # Everyone enrolled takes a first course; second ones fill up towards the target. With
    # an app removed the demo has fewer staff, so more synthetic ones: above the target.
    assert 0.7 * TINY.progress <= progress.count() <= 2 * TINY.progress
    # The counts kept on each enrolment agree with its progress records.
    for sample in enrollments.filter(items_done__gt=0).order_by("pk")[:20]:
        done = selectors.done_page_ids(user=sample.user, course=sample.course)
        items = selectors.course_items(sample.course)
        assert sample.items_done == sum(1 for item in items if item.page_id in done)
        assert sample.items_total == len(items)


@pytest.mark.skipif(not apps.is_installed("mentoring"), reason="mentoring is not installed")
def test_the_cascade_runs_from_national_trainers_to_village_staff(demo):
    from mentoring.models import TrainingEdge

    generate()
    edges = TrainingEdge.objects.filter(trainee__username__startswith=scale.USERNAME_PREFIX)
    village_kinds = Library.MENTORED_KINDS
    trained_villagers = edges.filter(trainee__staff_profile__library__kind__in=village_kinds)
    trained_district = edges.filter(trainee__staff_profile__library__kind=Library.Kind.REGENCY)
    assert trained_district.exists() and trained_villagers.exists()
    # District staff learn from the national trainers; village staff from district staff.
    assert not trained_district.exclude(
        trainer__staff_profile__library__kind=Library.Kind.PROVINCIAL
    ).exists()
    assert not trained_villagers.exclude(
        trainer__staff_profile__library__kind=Library.Kind.REGENCY
    ).exists()


def test_an_unknown_scale_is_refused():
    with pytest.raises(CommandError):
        call_command("seed_demo", "--scale", "galaksi", stdout=StringIO())
