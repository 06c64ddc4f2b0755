"""Peer Learning Meetings: agenda, registration, check-in, stories and materials."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeerLearningConfig(AppConfig):
    name = "peer_learning"
    label = "peer_learning"
    verbose_name = _("Peer Learning Meetings")
    default_auto_field = "django.db.models.BigAutoField"
