"""Cohorts, trainer lineage and progression, mentoring visits and dashboards."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import signals

        from . import handlers

        signals.course_completed.connect(
            handlers.finish_cohort_on_course_completed,
            dispatch_uid="mentoring.finish_cohort_on_course_completed",
        )
