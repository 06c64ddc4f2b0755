"""Curricula, courses, modules, lessons, quizzes, enrolment and progress."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = _("Training")
    default_auto_field = "django.db.models.BigAutoField"
