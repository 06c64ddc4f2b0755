"""The programme's roles and the one place every app asks role questions.

Roles are Django groups (created by migration `lms.0002_roles`). Apps never compare
group names themselves: they call the helpers here, which cache a user's roles on the
user object so a page asks the database once, however many checks it makes.
"""

from django.contrib.auth.models import AnonymousUser, Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "peserta", _("Learner")
    TRAINER = "pelatih", _("Trainer")
    MENTOR = "pendamping", _("Mentor")
    PROGRAMME_ADMIN = "admin_program", _("Programme admin")


# The group behind each role. Group names are data (they live in the database), so they
# stay fixed in Indonesian whatever the interface language.
GROUP_NAMES: dict[Role, str] = {
    Role.LEARNER: "Peserta",
    Role.TRAINER: "Pelatih",
    Role.MENTOR: "Pendamping",
    Role.PROGRAMME_ADMIN: "Admin Program",
}
_ROLE_BY_GROUP = {name: role for role, name in GROUP_NAMES.items()}

# What a roster file may say in its "role" column, lower-cased.
_ROLE_ALIASES: dict[str, Role] = {
    **{role.value: role for role in Role},
    **{name.lower(): role for role, name in GROUP_NAMES.items()},
    "learner": Role.LEARNER,
    "trainer": Role.TRAINER,
    "mentor": Role.MENTOR,
    "programme admin": Role.PROGRAMME_ADMIN,
    "program admin": Role.PROGRAMME_ADMIN,
    "admin": Role.PROGRAMME_ADMIN,
}

_CACHE_ATTR = "_sebaya_roles"


def roles_of(user) -> frozenset[Role]:
    """The roles a user holds; superusers hold the programme admin role too."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        names = user.groups.filter(name__in=GROUP_NAMES.values()).values_list("name", flat=True)
        roles = {_ROLE_BY_GROUP[name] for name in names}
        if user.is_superuser:
            roles.add(Role.PROGRAMME_ADMIN)
        cached = frozenset(roles)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the cached answer after a user's groups change."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_role(user, role: Role) -> bool:
    return role in roles_of(user)


def is_learner(user) -> bool:
    return has_role(user, Role.LEARNER)


def is_trainer(user) -> bool:
    return has_role(user, Role.TRAINER)


def is_mentor(user) -> bool:
    return has_role(user, Role.MENTOR)


def is_programme_admin(user) -> bool:
    return has_role(user, Role.PROGRAMME_ADMIN)


def role_from_label(label: str) -> Role | None:
    """Reads a role as people write it in a roster ("Peserta", "pendamping", "trainer")."""
    return _ROLE_ALIASES.get(" ".join(label.split()).lower())


def group_for(role: Role) -> Group:
    return Group.objects.get(name=GROUP_NAMES[role])


def role_groups() -> dict[Role, Group]:
    """Every role's group in one query."""
    by_name = {g.name: g for g in Group.objects.filter(name__in=GROUP_NAMES.values())}
    return {role: by_name[name] for role, name in GROUP_NAMES.items()}
