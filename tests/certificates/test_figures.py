"""The certificates app's figures: certificates issued per month, revoked ones left out."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates import figures
from certificates.models import Certificate
from lms import figures as lms_figures
from lms.models import Library, StaffProfile
from tests.certificates import factories as certificates
from tests.certificates.factories import TEST_KIND
from tests.lms import factories

pytestmark = pytest.mark.django_db

JAN, FEB = date(2025, 1, 1), date(2025, 2, 1)
OTHER_KIND = "other_training"


def metric(code: str) -> lms_figures.Metric:
    return next(m for m in figures.metrics() if m.code == code)


def cells(counts) -> dict:
    result: dict = {}
    for c in counts:
        cell = (c.regency_id, c.month, c.key, c.library_kind, c.gender, c.birth_year)
        result[cell] = result.get(cell, 0) + c.value
    return result


def person(library, *, gender="female", birth_year=None):
    user = factories.user(library=library, gender=gender)
    StaffProfile.objects.filter(user=user).update(birth_year=birth_year)
    return user


def issue(recipient, subject, issued_on, **fields) -> Certificate:
    return certificates.certificate(
        recipient=recipient, subject=subject, issued_on=issued_on, **fields
    )


@pytest.fixture
def world(certificate_template):
    village = factories.library(kind=Library.Kind.VILLAGE)
    regency_library = factories.library(kind=Library.Kind.REGENCY)
    sari = person(village, gender="female", birth_year=1990)
    budi = person(regency_library, gender="male", birth_year=1980)
    # Two certificates of one kind for one person: both count (certificates, not people).
    issue(sari, village, date(2025, 1, 15))
    issue(sari, regency_library, date(2025, 1, 31))
    issue(sari, village, date(2025, 1, 20), kind=OTHER_KIND)
    # A certificate superseded by a reissue counts in its month, the new one in its own.
    new = issue(budi, village, date(2025, 2, 3))
    issue(budi, village, date(2025, 1, 5), status=Certificate.Status.SUPERSEDED, superseded_by=new)
    issue(budi, regency_library, date(2025, 2, 7), status=Certificate.Status.EXPIRED)
    # Revoked: no longer stands. Without a library: nowhere to count it.
    issue(sari, budi, date(2025, 2, 9), status=Certificate.Status.REVOKED)
    issue(person(None), village, date(2025, 1, 15))
    return village.regency_id, regency_library.regency_id


def test_issued_counts_certificates_per_month_and_kind_at_the_recipients_library(world):
    r1, r2 = world
    issued = metric("certificates.issued")
    assert issued.people and not issued.balance
    assert cells(issued.counts(None)) == {
        (r1, JAN, TEST_KIND, "village", "female", 1990): 2,
        (r1, JAN, OTHER_KIND, "village", "female", 1990): 1,
        (r2, JAN, TEST_KIND, "regency", "male", 1980): 1,
        (r2, FEB, TEST_KIND, "regency", "male", 1980): 2,
    }
    assert cells(issued.counts([r2])) == {
        (r2, JAN, TEST_KIND, "regency", "male", 1980): 1,
        (r2, FEB, TEST_KIND, "regency", "male", 1980): 2,
    }


def test_keys_are_the_achievement_kinds_labels():
    keys = metric("certificates.issued").keys()
    assert keys[TEST_KIND] == "Pelatihan uji"


def test_the_sites_figures_include_the_certificates_metric():
    found = {m.code: m for m in lms_figures.metrics()}
    assert found["certificates.issued"].section == "certificates"


def queries(certificate_count: int) -> int:
    libraries = [factories.library(), factories.library(kind=Library.Kind.REGENCY)]
    for i in range(certificate_count):
        user = person(libraries[i % 2], birth_year=1970 + i)
        issue(user, libraries[0], date(2025, 1 + i % 12, 1))
    with CaptureQueriesContext(connection) as captured:
        assert list(metric("certificates.issued").counts(None))
    return len(captured)


def test_issued_costs_one_query_for_2_and_20_certificates(certificate_template):
    assert queries(2) == queries(20) == 1
