"""Signal receivers of monitoring: they only call services."""

from .services import summary


def mark_person_regency_stale(sender, user=None, **kwargs):
    if user is not None:
        summary.regency_mark_stale_for_user(user=user)
