"""Template filters of the Peer Learning Meeting pages."""

from django import template

from .. import dates

register = template.Library()


@register.filter
def meeting_dates(meeting) -> str:
    """A meeting's days: `{{ meeting|meeting_dates }}`."""
    return dates.meeting_dates(meeting)
