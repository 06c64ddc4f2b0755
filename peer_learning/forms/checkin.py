"""The committee's check-in forms: a code typed or scanned, or a name picked from the list."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class _DayForm(forms.Form):
    """Holds `hari`, one of the meeting's days."""

    hari = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hari"].choices = [
            (day.isoformat(), date_format(day, "l, j F Y")) for day in meeting.days
        ]


class CheckInCodeForm(_DayForm):
    kode = forms.CharField(
        label=_("Check-in code"),
        max_length=300,
        help_text=_("Scan the badge's QR code, or type the code printed under it."),
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "plm-code-input",
            }
        ),
    )


class ManualCheckInForm(_DayForm):
    registration = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
