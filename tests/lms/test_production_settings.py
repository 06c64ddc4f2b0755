"""Production settings come from the environment and pass Django's deployment checks."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "SEBAYA_", "REDIS_URL", "AWS_"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="lms.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "sebaya.example.id,www.sebaya.example.id",
    "DATABASE_URL": "postgres://sebaya:rahasia@db.internal:5432/sebaya",
}


def test_check_deploy_passes_without_warnings_when_the_environment_is_set():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_come_from_the_environment():
    secret = PRODUCTION_ENV["DJANGO_SECRET_KEY"]
    code = (
        "from django.conf import settings as s;"
        "print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'],"
        f" s.DEBUG, s.SECRET_KEY == {secret!r})"
    )
    result = manage("shell", "--no-imports", "-c", code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['sebaya.example.id',",
        "'www.sebaya.example.id']",
        "django.db.backends.postgresql",
        "db.internal",
        "False",
        "True",
    ]


def test_a_missing_secret_key_stops_start_up_with_a_clear_message():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable." in result.stderr


# ---- More than one machine: Redis and object storage -------------------------------

REDIS_ENV = {"REDIS_URL": "redis://cache.internal:6379/0"}
S3_ENV = {
    "SEBAYA_S3_BUCKET": "sebaya-media",
    "SEBAYA_S3_ENDPOINT_URL": "https://s3.objects.example.id",
    "SEBAYA_S3_REGION": "id-jkt-1",
    "SEBAYA_S3_ACCESS_KEY_ID": "sebaya-web",
    "SEBAYA_S3_SECRET_ACCESS_KEY": "rahasia-sekali",
}

SHOW_SCALING = """
import json
from django.conf import settings as s
from django.core.cache import caches
from django.core.files.storage import default_storage, storages
from django_tasks import task_backends
options = s.STORAGES["default"].get("OPTIONS", {})
print(json.dumps({
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"].get("LOCATION", ""),
    "cache_class": type(caches["default"]).__name__,
    "sessions": s.SESSION_ENGINE,
    "tasks": s.TASKS["default"]["BACKEND"],
    "task_backend_class": type(task_backends["default"]).__name__,
    "rq_queues": {name: q["URL"] for name, q in getattr(s, "RQ_QUEUES", {}).items()},
    "rq_job_class": getattr(s, "RQ", {}).get("JOB_CLASS", ""),
    "apps": [app for app in s.INSTALLED_APPS if app.startswith(("django_rq", "django_tasks"))],
    "storage": s.STORAGES["default"]["BACKEND"],
    "storage_class": type(storages["default"]).__name__,
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "region": getattr(default_storage, "region_name", None),
    "acl": getattr(default_storage, "default_acl", None),
    "signed": getattr(default_storage, "querystring_auth", None),
    "overwrite": getattr(default_storage, "file_overwrite", None),
    "static": s.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def scaling(**env) -> dict:
    result = manage("shell", "--no-imports", "-c", SHOW_SCALING, **PRODUCTION_ENV, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_redis_the_cache_and_the_task_queue_are_shared_through_it():
    shown = scaling(**REDIS_ENV)
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["cache_class"] == "RedisCache"
    assert shown["cache_location"] == "redis://cache.internal:6379/0"
    assert shown["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert shown["tasks"] == "django_tasks_rq.RQBackend"
    assert shown["task_backend_class"] == "RQBackend"
    assert shown["rq_queues"] == {"default": "redis://cache.internal:6379/0"}
    assert shown["rq_job_class"] == "django_tasks_rq.Job"
    assert shown["apps"] == ["django_tasks", "django_tasks_db", "django_rq", "django_tasks_rq"]


def test_the_queue_can_live_in_its_own_redis_database():
    shown = scaling(**REDIS_ENV, SEBAYA_QUEUE_REDIS_URL="redis://queue.internal:6379/1")
    assert shown["cache_location"] == "redis://cache.internal:6379/0"
    assert shown["rq_queues"] == {"default": "redis://queue.internal:6379/1"}


def test_without_redis_tasks_stay_in_the_database_queue():
    shown = scaling()
    assert shown["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["task_backend_class"] == "DatabaseBackend"
    assert shown["rq_queues"] == {}
    assert shown["apps"] == ["django_tasks", "django_tasks_db"]
    assert shown["storage"] == "django.core.files.storage.FileSystemStorage"


def test_with_a_bucket_media_go_to_private_s3_storage_with_signed_urls():
    shown = scaling(**S3_ENV)
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["storage_class"] == "S3Storage"
    assert shown["bucket"] == "sebaya-media"
    assert shown["endpoint"] == "https://s3.objects.example.id"
    assert shown["region"] == "id-jkt-1"
    assert shown["acl"] == "private"
    assert shown["signed"] is True
    assert shown["overwrite"] is False
    # Static files stay with WhiteNoise.
    assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_the_standard_aws_bucket_variable_is_accepted_too():
    shown = scaling(AWS_STORAGE_BUCKET_NAME="sebaya-aws")
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "sebaya-aws"
    assert shown["endpoint"] is None


SIGNED_URL = """
from django.core.files.storage import default_storage
print(default_storage.url("certificates/SBY-AAAA-BBBB-CCCC.pdf"))
"""


def test_a_media_url_from_object_storage_is_signed_and_expires():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        SIGNED_URL,
        **PRODUCTION_ENV,
        **S3_ENV,
        SEBAYA_S3_URL_EXPIRY="600",
    )
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith("https://s3.objects.example.id/sebaya-media/certificates/"), url
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=600" in url
    assert "rahasia-sekali" not in url


def test_check_deploy_passes_with_redis_and_object_storage_configured():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV, **REDIS_ENV, **S3_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_rq_worker_command_is_available_with_redis():
    result = manage("help", "rqworker", **PRODUCTION_ENV, **REDIS_ENV)
    assert result.returncode == 0, result.stderr
    assert "--burst" in result.stdout
