"""A small network for the report tests: Lumajang's kabupaten library mentoring a village
library, and another kabupaten (Jember) with its own library, village and mentor."""

import pytest

from lms import roles
from lms.models import Library
from lms.roles import Role
from lms.selectors import staff_profile_for
from monitoring import permissions
from monitoring.reporting import deadlines
from tests.lms import factories


@pytest.fixture
def village(village_library) -> Library:
    """The village library of the root conftest, with three computers."""
    Library.objects.filter(pk=village_library.pk).update(computers=3)
    village_library.refresh_from_db()
    return village_library


@pytest.fixture
def staff(learner, village):
    """Sari, who works at the village library."""
    return learner


@pytest.fixture
def mentor(regency_library, village):
    return factories.user(role=Role.MENTOR, library=regency_library, username="bambang")


@pytest.fixture
def jember(db):
    regency = factories.regency(name="Jember")
    mentor_library = factories.library(
        kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Jember", regency=regency
    )
    library = factories.library(
        name="Perpustakaan Desa Sumberjati",
        regency=regency,
        mentor_library=mentor_library,
        computers=2,
    )
    return {
        "regency": regency,
        "mentor_library": mentor_library,
        "library": library,
        "staff": factories.user(library=library, username="dewi-jember"),
        "mentor": factories.user(role=Role.MENTOR, library=mentor_library, username="agus"),
    }


@pytest.fixture
def last_month():
    return deadlines.last_month()


def warm(user) -> None:
    """Reads what every page has already read about the person (roles, profile, scope)."""
    roles.roles_of(user)
    staff_profile_for(user)
    permissions.scope_of(user)
