"""Production: everything secret or site-specific comes from environment variables.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL
(postgres://user:pass@host:5432/name). Optional: DJANGO_CSRF_TRUSTED_ORIGINS,
SEBAYA_BASE_URL, SEBAYA_MEDIA_ROOT, SEBAYA_MEDIA_URL, EMAIL_URL-style settings below.
Certificates: CERTIFICATE_ISSUER_URL (where QR codes point; defaults to the base URL) and,
to sign every PDF, CERTIFICATE_SIGNING_KEY and CERTIFICATE_SIGNING_CERT (PEM file paths)
with an optional CERTIFICATE_SIGNING_PASSPHRASE.

More than one machine (docs/deploy.md):
- REDIS_URL (redis://host:6379/0): the cache every web process shares (rate limits,
  cached sessions) and the task queue on RQ, run by `manage.py rqworker default`.
  SEBAYA_QUEUE_REDIS_URL puts the queue in another Redis database or server (advised:
  clearing the cache flushes its whole database). Without REDIS_URL the cache is local
  to each process and tasks go to the database queue (`manage.py db_worker`).
- SEBAYA_S3_BUCKET (or AWS_STORAGE_BUCKET_NAME): uploaded media and generated PDFs in
  S3-compatible object storage, private, handed out only as signed URLs that expire after
  SEBAYA_S3_URL_EXPIRY seconds (3600). Also SEBAYA_S3_ENDPOINT_URL (MinIO, Ceph, another
  provider), SEBAYA_S3_REGION, SEBAYA_S3_ACCESS_KEY_ID and SEBAYA_S3_SECRET_ACCESS_KEY
  (else boto3's usual AWS_* variables or instance role), SEBAYA_S3_DEFAULT_ACL ("private";
  empty for buckets with ACLs disabled) and SEBAYA_S3_CUSTOM_DOMAIN (its URLs are not
  signed: set it only for a domain that checks access itself).
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = _env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
    )
}

MEDIA_ROOT = _env("SEBAYA_MEDIA_ROOT", str(BASE_DIR / "media"))  # noqa: F405
MEDIA_URL = _env("SEBAYA_MEDIA_URL", "/media/")
WAGTAILADMIN_BASE_URL = _env("SEBAYA_BASE_URL", "https://" + (ALLOWED_HOSTS or ["localhost"])[0])

# Certificates: the site the QR codes link to, and an optional signing key and certificate
# (paths of PEM files) that make every certificate PDF carry a digital signature.
CERTIFICATE_ISSUER_URL = _env("CERTIFICATE_ISSUER_URL", WAGTAILADMIN_BASE_URL)
CERTIFICATE_SIGNING_KEY = _env("CERTIFICATE_SIGNING_KEY", "")
CERTIFICATE_SIGNING_CERT = _env("CERTIFICATE_SIGNING_CERT", "")
CERTIFICATE_SIGNING_PASSPHRASE = _env("CERTIFICATE_SIGNING_PASSPHRASE", "")
# Public verification lookups per visitor address per minute.
CERTIFICATE_VERIFY_RATE = int(_env("CERTIFICATE_VERIFY_RATE", "30"))

# Shared cache and task queue on Redis, so any number of web processes and workers can run.
REDIS_URL = _env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sebaya",
        }
    }
    # Sessions are read from the cache and written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]  # noqa: F405
    RQ_QUEUES = {
        "default": {
            "URL": _env("SEBAYA_QUEUE_REDIS_URL", REDIS_URL),
            # RQ stops a job after 3 minutes by default; a national meeting's certificate
            # batch or materials may take longer.
            "DEFAULT_TIMEOUT": 60 * 60,
        }
    }
    # Workers run jobs as django-tasks tasks (results, signals) without a --job-class flag.
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    # One machine: each process counts on its own; tasks stay in the database queue.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Media in S3-compatible object storage: private objects, signed URLs, never overwritten.
S3_BUCKET = _env("SEBAYA_S3_BUCKET", os.environ.get("AWS_STORAGE_BUCKET_NAME", ""))
if S3_BUCKET:
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": _env("SEBAYA_S3_ENDPOINT_URL", "") or None,
                "region_name": _env("SEBAYA_S3_REGION", "") or None,
                "access_key": _env("SEBAYA_S3_ACCESS_KEY_ID", "") or None,
                "secret_key": _env("SEBAYA_S3_SECRET_ACCESS_KEY", "") or None,
                "custom_domain": _env("SEBAYA_S3_CUSTOM_DOMAIN", "") or None,
                "default_acl": _env("SEBAYA_S3_DEFAULT_ACL", "private") or None,
                "querystring_auth": True,
                "querystring_expire": int(_env("SEBAYA_S3_URL_EXPIRY", "3600")),
                "signature_version": "s3v4",
                # Like the file system: a second upload named like the first gets its own name.
                "file_overwrite": False,
            },
        },
    }

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(_env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail marks its preview views SAMEORIGIN itself; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

EMAIL_HOST = _env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(_env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = _env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# Benchmarks read each response's server time and query count from a Server-Timing header.
if os.environ.get("SEBAYA_SERVER_TIMING") == "1":
    MIDDLEWARE = ["lms.timing.ServerTimingMiddleware", *MIDDLEWARE]  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
