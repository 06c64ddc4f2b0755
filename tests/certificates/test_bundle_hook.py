"""The certificate-pack hook other apps call (a meeting's certificates of attendance)."""

import io
import zipfile

import pytest

from certificates.models import Certificate
from certificates.services.issuing import IssueError
from lms.achievements import certificate_bundle, certificates_available
from lms.roles import Role
from tests.lms import factories as lms_factories

from . import factories

pytestmark = pytest.mark.django_db


def test_the_hook_issues_to_everyone_who_earned_it_and_returns_one_zip(
    kind_rule, village_library, learner, django_capture_on_commit_callbacks
):
    other = lms_factories.user(role=Role.LEARNER, library=village_library, username="wati")
    assert certificates_available()
    with django_capture_on_commit_callbacks(execute=True):
        data = certificate_bundle(kind=factories.TEST_KIND, subject=village_library)

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    codes = set(
        Certificate.objects.filter(recipient__in=[learner, other]).values_list("code", flat=True)
    )
    assert len(names) == 2 == len(codes)
    assert all(any(code in name for name in names) for code in codes)

    # Asking again issues nothing new: the same two certificates.
    with django_capture_on_commit_callbacks(execute=True):
        again = certificate_bundle(kind=factories.TEST_KIND, subject=village_library)
    assert len(zipfile.ZipFile(io.BytesIO(again)).namelist()) == 2
    assert Certificate.objects.count() == 2


def test_without_a_rule_the_hook_says_why(village_library, learner):
    with pytest.raises(IssueError):
        certificate_bundle(kind=factories.TEST_KIND, subject=village_library)
    assert not Certificate.objects.exists()
