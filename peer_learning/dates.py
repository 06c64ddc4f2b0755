"""How a meeting's days read, in the reader's language: "18–22 Mei 2015", "Senin, 18 Mei 2015"."""

from datetime import date

from django.utils import dateformat


def format_day(day: date) -> str:
    """ "Senin, 18 Mei 2015" in Indonesian, "Monday, 18 May 2015" in English."""
    return dateformat.format(day, "l, j F Y")


def format_dates(first: date, last: date) -> str:
    """ "18 Mei 2015", "18–22 Mei 2015", "30 Mei 2015 – 2 Juni 2015"."""
    if first == last:
        return dateformat.format(first, "j F Y")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{dateformat.format(last, 'j F Y')}"
    return f"{dateformat.format(first, 'j F Y')} – {dateformat.format(last, 'j F Y')}"


def meeting_dates(meeting) -> str:
    return format_dates(meeting.starts_on, meeting.ends_on)
