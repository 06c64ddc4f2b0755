"""Fixtures shared by every test package."""

import pytest
from django.conf import settings
from django.utils import translation

from lms.models import Library
from lms.roles import Role
from tests.lms import factories


@pytest.fixture(autouse=True)
def site_language():
    """Every test starts in the site's default language, whatever an earlier test (or a
    request it made) left active in this thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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


def pytest_collection_modifyitems(items):
    """Transactional tests must restore the migrations' data (Site, root page, groups) for
    the tests after them; without serialized rollback the next one finds an empty database."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = "transactional_db" in getattr(item, "fixturenames", ()) or (
            marker is not None and marker.kwargs.get("transaction")
        )
        serialized = "django_db_serialized_rollback" in getattr(item, "fixturenames", ()) or (
            marker is not None and marker.kwargs.get("serialized_rollback")
        )
        if transactional and not serialized:
            raise pytest.UsageError(
                f"{item.nodeid}: use @pytest.mark.django_db(transaction=True, "
                "serialized_rollback=True) for transactional tests"
            )
