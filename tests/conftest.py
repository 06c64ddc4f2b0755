"""Fixtures shared by every test package."""

import pytest

from lms.models import Library
from lms.roles import Role
from tests.lms import factories


@pytest.fixture
def regency_library(db) -> Library:
    return factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Lumajang")


@pytest.fixture
def village_library(regency_library) -> Library:
    return factories.library(
        kind=Library.Kind.VILLAGE,
        name="Perpustakaan Desa Tunas Bangsa",
        regency=regency_library.regency,
        mentor_library=regency_library,
    )


@pytest.fixture
def learner(village_library):
    return factories.user(role=Role.LEARNER, library=village_library, username="sari")


@pytest.fixture
def programme_admin(db):
    return factories.user(role=Role.PROGRAMME_ADMIN, username="admin-program")
