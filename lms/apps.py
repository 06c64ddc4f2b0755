"""The platform core: library network, people, roles and sign-in."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = _("Library network")
    default_auto_field = "django.db.models.BigAutoField"
