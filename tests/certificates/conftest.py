"""Fixtures of the certificates tests: the test kind is registered for each test."""

import pytest
from django.core.cache import cache
from wagtail import hooks

from lms.achievements import ACHIEVEMENT_KINDS_HOOK

from . import factories


@pytest.fixture(autouse=True)
def test_kind():
    kind = factories.test_kind()
    with hooks.register_temporarily(ACHIEVEMENT_KINDS_HOOK, lambda: [kind]):
        yield kind


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # The verification pages count lookups per address in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate_template(db):
    return factories.template()


@pytest.fixture
def kind_rule(certificate_template):
    return factories.rule(template_=certificate_template)
