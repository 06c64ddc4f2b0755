"""The test suite: fast hashing, in-memory cache and mail, tasks run immediately.

Set DATABASE_URL to run the same suite on PostgreSQL (CI does). Set SEBAYA_TEST_REDIS_URL
to a Redis database the tests may empty to run the Redis tests (tests/lms/test_redis.py)
and to count in Redis what the suite would count in the cache (CI's "redis" stage does).
"""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test's database changes are rolled back, so no Site may outlive a test; the tests
# of lms/sites.py turn the cache on themselves.
SITE_CACHE_SECONDS = 0
# Tests never run collectstatic: WhiteNoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if os.environ.get("SEBAYA_TEST_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["SEBAYA_TEST_REDIS_URL"],
            "KEY_PREFIX": "sebaya-test",
        }
    }

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    # No query of the suite needs a minute: one that does is a bad plan or a lock wait,
    # and fails with its SQL instead of hanging the run.
    DATABASES["default"]["OPTIONS"] = {"options": "-c statement_timeout=60s"}

# Apps a CI job removes to prove the site works without them (comma-separated labels).
_removed = {label for label in os.environ.get("SEBAYA_WITHOUT_APPS", "").split(",") if label}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in _removed]  # noqa: F405

# Monitoring's figures are refreshed by the tests that check them, not after every event
# the rest of the suite sends (its own tests turn this on).
SEBAYA_MONITORING_REFRESH_ON_CHANGE = False
