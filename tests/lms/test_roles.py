"""lms.roles answers role questions from the groups the migration creates."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from lms import roles
from lms.roles import Role
from tests.lms import factories

pytestmark = pytest.mark.django_db


def test_migration_creates_one_group_per_role():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.GROUP_NAMES.values())


def test_programme_admin_group_can_reach_the_admin_and_manage_the_network():
    group = Group.objects.get(name=roles.GROUP_NAMES[Role.PROGRAMME_ADMIN])
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_library", "add_staffprofile", "view_user"} <= codenames


def test_learner_and_mentor_groups_have_no_admin_access():
    for role in (Role.LEARNER, Role.MENTOR):
        group = Group.objects.get(name=roles.GROUP_NAMES[role])
        assert not group.permissions.filter(codename="access_admin").exists()


def test_roles_of_a_user_with_two_roles():
    user = factories.user(role=Role.MENTOR)
    user.groups.add(roles.group_for(Role.LEARNER))
    roles.forget_roles(user)
    assert roles.roles_of(user) == {Role.MENTOR, Role.LEARNER}
    assert roles.is_mentor(user) and roles.is_learner(user)
    assert not roles.is_trainer(user) and not roles.is_programme_admin(user)


def test_roles_are_read_once_per_user_object(django_assert_num_queries):
    user = factories.user(role=Role.TRAINER)
    roles.forget_roles(user)
    with django_assert_num_queries(1):
        assert roles.is_trainer(user)
        assert not roles.is_mentor(user)
        assert not roles.is_programme_admin(user)


def test_superuser_is_a_programme_admin():
    user = factories.user(role=None, is_superuser=True)
    assert roles.is_programme_admin(user)


def test_anonymous_has_no_role():
    assert roles.roles_of(AnonymousUser()) == frozenset()


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Peserta", Role.LEARNER),
        ("  pendamping ", Role.MENTOR),
        ("Admin  Program", Role.PROGRAMME_ADMIN),
        ("trainer", Role.TRAINER),
        ("kepala", None),
    ],
)
def test_role_from_label(label, expected):
    assert roles.role_from_label(label) == expected
