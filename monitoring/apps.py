"""Monitoring and evaluation: programme dashboards, library reports, impact records, reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring and evaluation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import signals

        from . import handlers

        # Each of these changes a person's figures: their regency's summary is redone.
        for name in ("course_completed", "cohort_finished", "trainer_promoted", "meeting_attended"):
            getattr(signals, name).connect(
                handlers.mark_person_regency_stale, dispatch_uid=f"monitoring.stale_on_{name}"
            )
