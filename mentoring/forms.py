"""Front-end forms of the mentoring app: a mentoring visit and its follow-up actions."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags, parse_tags

from .models import Visit
from .services.visits import (
    FOLLOW_UP_INCOMPLETE,
    TOPIC_TOO_LONG,
    library_staff,
    visit_libraries,
)

FOLLOW_UP_ROWS = 3
MAX_FOLLOW_UPS = 20


def _date_widget() -> forms.DateInput:
    # The browser's own date picker; the value is always ISO (yyyy-mm-dd).
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class LibraryChoiceForm(forms.Form):
    """The first step when a mentor has several libraries: which one she visited."""

    perpustakaan = forms.ModelChoiceField(
        label=_("Library"), queryset=None, empty_label=_("Choose a library")
    )

    def __init__(self, *args, mentor, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["perpustakaan"].queryset = visit_libraries(mentor=mentor)


class VisitForm(forms.Form):
    """A visit to one library: its attendees are chosen among that library's staff."""

    visited_on = forms.DateField(label=_("Date of the visit"), widget=_date_widget())
    mode = forms.ChoiceField(label=_("Mode"), choices=Visit.Mode.choices)
    attendees = PeopleChoiceField(
        label=_("Who attended"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.CharField(
        label=_("Topics"),
        required=False,
        max_length=500,
        help_text=_("Separate topics with commas, e.g. internet training, library events."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    next_visit_on = forms.DateField(
        label=_("Next visit due"),
        required=False,
        widget=_date_widget(),
        help_text=_("Leave empty if no next visit is planned yet."),
    )

    def __init__(self, *args, library, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.library = library
        self.fields["attendees"].queryset = library_staff(library=library)
        if not self.is_bound and "visited_on" not in self.initial:
            self.initial["visited_on"] = timezone.localdate()

    @classmethod
    def initial_for(cls, visit: Visit) -> dict:
        return {
            "visited_on": visit.visited_on,
            "mode": visit.mode,
            "attendees": [a.pk for a in visit.attendees.all()],
            "topics": edit_string_for_tags(list(visit.topics.all())),
            "notes": visit.notes,
            "next_visit_on": visit.next_visit_on,
        }

    def clean_topics(self) -> list[str]:
        topics = parse_tags(self.cleaned_data.get("topics") or "")
        if any(len(topic) > 100 for topic in topics):
            raise forms.ValidationError(TOPIC_TOO_LONG)
        return topics


class FollowUpForm(forms.Form):
    """One follow-up action; a row left empty is ignored."""

    action = forms.CharField(label=_("Action"), max_length=300, required=False)
    owner = PersonChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Choose who")
    )
    due_on = forms.DateField(label=_("Due date"), required=False, widget=_date_widget())

    def __init__(self, *args, owners, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners

    def clean(self):
        data = super().clean()
        filled = [bool(data.get(name)) for name in ("action", "owner", "due_on")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(FOLLOW_UP_INCOMPLETE)
        return data

    def as_input(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("action"):
            return None
        return {"action": data["action"], "owner_id": data["owner"].pk, "due_on": data["due_on"]}


FollowUpFormSet = forms.formset_factory(
    FollowUpForm, extra=FOLLOW_UP_ROWS, max_num=MAX_FOLLOW_UPS, validate_max=True
)


def follow_up_owners(*, mentor, library):
    """Who may own a follow-up: the mentor herself and the library's staff."""
    User = get_user_model()
    return (
        User.objects.filter(Q(pk=mentor.pk) | Q(staff_profile__library=library, is_active=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def follow_up_formset(data=None, *, mentor, library) -> FollowUpFormSet:
    return FollowUpFormSet(
        data,
        prefix="fu",
        form_kwargs={"owners": follow_up_owners(mentor=mentor, library=library)},
    )
