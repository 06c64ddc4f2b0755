"""Forms of the management pages: a new mentoring assignment and the regency filter."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.models import Library, Regency
from lms.selectors import staff_profile_for

from .models.visits import ASSIGNMENT_ENDS_BEFORE_START, ASSIGNMENT_NEEDS_ONE_TARGET
from .services.visits import ASSIGNMENT_NOT_ALLOWED


def _date_widget() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.get_username()
        profile = getattr(obj, "staff_profile", None)
        library = profile.library if profile is not None else None
        return f"{name} · {library.name}" if library is not None else name


class LibraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.get_kind_display()}"


class RegencyFilterForm(forms.Form):
    """The programme admin's filter of the assignment list."""

    regency = forms.ModelChoiceField(
        label=_("Kabupaten/kota"),
        queryset=Regency.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AssignmentForm(forms.Form):
    """A mentor and one target (a village library/TBM or a person) with dates.

    A programme admin chooses the mentor among holders of the mentor role and any village
    library or TBM; a mentor assigns herself, among the villages and TBMs her own
    kabupaten/kota library mentors and their staff. The service checks it all again.
    """

    mentor = PersonChoiceField(label=_("Mentor"), queryset=None, empty_label=_("Choose a mentor"))
    library = LibraryChoiceField(
        label=_("Village library or TBM"),
        queryset=None,
        required=False,
        empty_label=_("No library (assign one person)"),
        help_text=_("Choose a library, or one person below: not both."),
    )
    mentee = PersonChoiceField(
        label=_("Person"),
        queryset=None,
        required=False,
        empty_label=_("No person (assign a library)"),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=_date_widget())
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=_date_widget(),
        required=False,
        help_text=_("Leave empty while the assignment lasts."),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_admin = roles.is_programme_admin(user)
        users = (
            get_user_model().objects.filter(is_active=True).select_related("staff_profile__library")
        )
        libraries = Library.objects.filter(kind__in=Library.MENTORED_KINDS).order_by("name")
        if self.is_admin:
            mentor_group = roles.group_for(roles.Role.MENTOR)
            self.fields["mentor"].queryset = users.filter(groups=mentor_group).order_by(
                "first_name", "last_name", "username"
            )
            self.fields["mentee"].queryset = users.filter(
                staff_profile__library__kind__in=Library.MENTORED_KINDS
            ).order_by("first_name", "last_name", "username")
            self.fields["library"].queryset = libraries
        else:
            # A mentor assigns herself: no choice of mentor.
            del self.fields["mentor"]
            profile = staff_profile_for(user)
            home = profile.library if profile else None
            if home is None or home.kind != Library.Kind.REGENCY:
                libraries = libraries.none()
            else:
                libraries = libraries.filter(mentor_library=home)
            self.fields["library"].queryset = libraries
            self.fields["mentee"].queryset = users.filter(
                staff_profile__library__in=libraries
            ).order_by("first_name", "last_name", "username")
            # Another district's library or person is outside her choices: say why.
            for name in ("library", "mentee"):
                self.fields[name].error_messages["invalid_choice"] = ASSIGNMENT_NOT_ALLOWED

    def clean(self):
        data = super().clean()
        if (
            "library" in data
            and "mentee" in data
            and ((data["library"] is None) == (data["mentee"] is None))
        ):
            raise forms.ValidationError(ASSIGNMENT_NEEDS_ONE_TARGET)
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", ASSIGNMENT_ENDS_BEFORE_START)
        return data

    @property
    def chosen_mentor(self):
        return self.cleaned_data["mentor"] if self.is_admin else self.user
