"""The nomination form: one person, in one role."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Registration


class NominationForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    role = forms.ChoiceField(
        label=_("Role"), choices=Registration.Role.choices, initial=Registration.Role.PARTICIPANT
    )


class NomineeSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
