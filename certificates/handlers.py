"""Receivers of the cross-app events: each only calls the issuing service."""

import logging

from .services.issuing import IssueError, issue_from_event

logger = logging.getLogger(__name__)


def on_achievement(sender, signal, **kwargs):
    # The event is sent after the learner's own work committed: a certificate problem
    # is logged for the admins and never breaks the page the learner is on.
    try:
        issue_from_event(signal, **kwargs)
    except IssueError:
        logger.warning("No certificate issued for %s", sender, exc_info=True)
    except Exception:
        logger.exception("Issuing a certificate for %s failed", sender)
