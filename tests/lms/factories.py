"""Small builders for the library network and its people, used across the test suite."""

import itertools

from django.contrib.auth import get_user_model

from lms.models import Library, Province, Regency, StaffProfile
from lms.roles import GROUP_NAMES, Role, role_groups

_seq = itertools.count(1)

PASSWORD = "sandi-uji-123"  # noqa: S105


def province(**fields) -> Province:
    n = next(_seq)
    return Province.objects.create(**{"name": f"Provinsi {n}", "code": f"{n % 100:02d}", **fields})


def regency(**fields) -> Regency:
    n = next(_seq)
    if "province" not in fields:
        fields["province"] = province()
    return Regency.objects.create(**{"name": f"Kabupaten {n}", **fields})


def library(kind: str = Library.Kind.VILLAGE, **fields) -> Library:
    n = next(_seq)
    if "regency" not in fields:
        fields["regency"] = regency()
    return Library.objects.create(
        **{"name": f"Perpustakaan {n}", "code": f"perpus-{n}", "kind": kind, **fields}
    )


def user(*, role: Role | None = Role.LEARNER, library=None, gender="female", **fields):
    n = next(_seq)
    username = fields.pop("username", f"staf{n}")
    account = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=fields.pop("first_name", f"Staf {n}"),
        **fields,
    )
    if role is not None:
        account.groups.add(role_groups()[role])
    StaffProfile.objects.create(user=account, library=library, gender=gender)
    return account


__all__ = ["GROUP_NAMES", "PASSWORD", "library", "province", "regency", "user"]
