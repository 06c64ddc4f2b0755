"""Production: everything secret or site-specific comes from environment variables.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL
(postgres://user:pass@host:5432/name). Optional: DJANGO_CSRF_TRUSTED_ORIGINS,
SEBAYA_BASE_URL, SEBAYA_MEDIA_ROOT, SEBAYA_MEDIA_URL, EMAIL_URL-style settings below.
Certificates: CERTIFICATE_ISSUER_URL (where QR codes point; defaults to the base URL) and,
to sign every PDF, CERTIFICATE_SIGNING_KEY and CERTIFICATE_SIGNING_CERT (PEM file paths)
with an optional CERTIFICATE_SIGNING_PASSPHRASE.
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
