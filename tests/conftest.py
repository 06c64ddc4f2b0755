"""Fixtures shared by every test package, and what a parallel (pytest-xdist) run needs.

`make test` runs the suite on two workers (`-n 2`); each has its own test database
(pytest-django suffixes its name with the worker's id), its own live server on a free port
and its own Chromium.
"""

import os

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


def pytest_configure(config):
    """The Redis tests (SEBAYA_TEST_REDIS_URL) empty the one database they are given, and
    with it set the whole suite counts in it: parallel workers would empty each other's."""
    workers = getattr(config.option, "numprocesses", None) or 0
    if os.environ.get("SEBAYA_TEST_REDIS_URL") and isinstance(workers, int) and workers > 1:
        raise pytest.UsageError(
            "SEBAYA_TEST_REDIS_URL is set: run the suite on one process (-n 0), since "
            "parallel workers would share and empty that Redis database"
        )


# Screenshots of the browser tests (tests/e2e/conftest.py records each path as a user
# property of its test), listed at the end of the run. The reports reach this process
# from pytest-xdist's workers too, where the tests ran.
SCREENSHOT_PROPERTY = "e2e_screenshot"
_screenshots: dict[str, None] = {}


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name == SCREENSHOT_PROPERTY:
            _screenshots.setdefault(value)


def pytest_terminal_summary(terminalreporter):
    if _screenshots:
        terminalreporter.section("e2e screenshots")
        for path in _screenshots:
            terminalreporter.write_line(path)
