"""Certificate templates, issuing, PDF rendering, verification and revocation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import signals

        from .handlers import on_achievement

        for name in ("course_completed", "cohort_finished", "trainer_promoted", "meeting_attended"):
            getattr(signals, name).connect(
                on_achievement, dispatch_uid=f"certificates.on_achievement.{name}"
            )
