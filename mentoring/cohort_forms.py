"""Front-end forms of the cohort pages: a new cohort, its session days, adding participants."""

import functools
import operator

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from courses import selectors as course_selectors
from lms import roles
from lms.models import Library

from .models import Cohort, Level, Progression, Tier

SESSION_ROWS = 3
DUPLICATE_SESSION_DATE = _("Each session needs its own date: %(date)s is given twice.")
SESSION_TITLE_WITHOUT_DATE = _("Give the date of this session, or clear its title.")
NO_SESSION_GIVEN = _("Give the date of at least one session.")
NO_ONE_CHOSEN = _("Choose at least one person to add.")
NOT_IN_REGENCY = _("Choose only staff of libraries in the host library's regency.")


def _date_widget() -> forms.DateInput:
    # The browser's own date picker; the value is always ISO (yyyy-mm-dd).
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def person_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    profile = getattr(user, "staff_profile", None)
    library = profile.library if profile is not None else None
    return f"{name} · {library.name}" if library is not None else name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class LibraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.regency}"


# Who may be chosen, by whom.


def may_open_new_cohort(user) -> bool:
    """Who sees the "New cohort" page; the service decides each host library."""
    return roles.is_programme_admin(user) or roles.is_trainer(user) or roles.is_mentor(user)


def host_libraries(user) -> QuerySet[Library]:
    """Where `user` may host a cohort: anywhere for admins and trainers; for a mentor her own
    library and the libraries it mentors."""
    libraries = Library.objects.select_related("regency").order_by("regency__name", "name")
    if roles.is_programme_admin(user) or roles.is_trainer(user):
        return libraries
    if roles.is_mentor(user):
        mine = Library.objects.filter(Q(staff__user=user) | Q(mentor_library__staff__user=user))
        return libraries.filter(pk__in=mine.values("pk"))
    return libraries.none()


def facilitator_candidates(user, *, min_level: int = Level.FACILITATOR) -> QuerySet:
    """Whom `user` may name as a facilitator: for admins and trainers, anyone at `min_level`
    or above in some curriculum, and herself; for a mentor, the staff of her libraries."""
    people = (
        get_user_model()
        .objects.filter(is_active=True)
        .select_related("staff_profile__library")
        .order_by("first_name", "last_name", "username")
    )
    if roles.is_programme_admin(user) or roles.is_trainer(user):
        ranked = Progression.objects.filter(level__gte=min_level).values("user_id")
        return people.filter(Q(pk__in=ranked) | Q(pk=user.pk))
    if roles.is_mentor(user):
        libraries = host_libraries(user).values("pk")
        return people.filter(Q(staff_profile__library__in=libraries) | Q(pk=user.pk))
    return people.none()


def course_choices() -> tuple[list, dict]:
    """Live courses grouped by curriculum, as select choices, and the courses by id; two
    queries."""
    curricula = list(course_selectors.curricula())
    if not curricula:
        return [], {}
    courses = functools.reduce(
        operator.or_, (course_selectors.courses_of(curriculum) for curriculum in curricula)
    ).order_by("path")
    by_curriculum: dict[int, list] = {c.pk: [] for c in curricula}
    by_id = {}
    for course in courses:
        owner = next((c for c in curricula if course.path.startswith(c.path)), None)
        if owner is not None:
            by_curriculum[owner.pk].append((str(course.pk), course.title))
            by_id[str(course.pk)] = course
    choices = [(c.title, by_curriculum[c.pk]) for c in curricula if by_curriculum[c.pk]]
    return choices, by_id


class CohortForm(forms.Form):
    """A new cohort. The service checks the host library and that every lead facilitates the
    course's curriculum; its refusals are added to this form."""

    course = forms.ChoiceField(label=_("Course"))
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("e.g. Angkatan 3 Lumajang"))
    host_library = LibraryChoiceField(
        label=_("Host library"), queryset=Library.objects.none(), empty_label=_("Choose a library")
    )
    tier = forms.ChoiceField(
        label=_("Participants' tier"), choices=Tier.choices, initial=Tier.VILLAGE
    )
    mode = forms.ChoiceField(
        label=_("Mode"), choices=Cohort.Mode.choices, initial=Cohort.Mode.FACE_TO_FACE
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=_date_widget())
    ends_on = forms.DateField(label=_("Ends on"), widget=_date_widget())
    attendance_threshold = forms.IntegerField(
        label=_("Attendance needed (%)"),
        min_value=0,
        max_value=100,
        initial=80,
        help_text=_("The share of sessions a participant must attend to finish the cohort."),
    )
    lead_facilitators = PeopleChoiceField(
        label=_("Lead facilitators"),
        queryset=get_user_model().objects.none(),
        help_text=_("Each must be a facilitator of the course's curriculum."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    co_facilitators = PeopleChoiceField(
        label=_("Co-facilitators"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Optional: people learning to facilitate, who help run this cohort."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        choices, self.courses = course_choices()
        self.fields["course"].choices = [("", _("Choose a course")), *choices]
        self.fields["host_library"].queryset = host_libraries(user)
        self.fields["lead_facilitators"].queryset = facilitator_candidates(user)
        # Co-facilitators earn their promotion by helping: mentors of a curriculum qualify.
        self.fields["co_facilitators"].queryset = facilitator_candidates(
            user, min_level=Level.MENTOR
        )

    def clean_course(self):
        return self.courses[self.cleaned_data["course"]]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "course": data["course"],
            "name": data["name"],
            "host_library": data["host_library"],
            "tier": data["tier"],
            "mode": data["mode"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "attendance_threshold": data["attendance_threshold"],
            "lead_facilitators": list(data["lead_facilitators"]),
            "co_facilitators": list(data["co_facilitators"]),
        }


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), required=False, widget=_date_widget())
    title = forms.CharField(label=_("Title (optional)"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("date") and "date" not in self.errors:
            self.add_error("date", SESSION_TITLE_WITHOUT_DATE)
        return data


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            day = form.cleaned_data.get("date")
            if day is None:
                continue
            if day in seen:
                raise forms.ValidationError(
                    DUPLICATE_SESSION_DATE, params={"date": day.isoformat()}
                )
            seen.add(day)
        if not seen:
            raise forms.ValidationError(NO_SESSION_GIVEN)

    def sessions(self) -> tuple[list, list]:
        """The dates and titles of the rows filled in, in date order."""
        rows = sorted(
            (form.cleaned_data["date"], form.cleaned_data.get("title", ""))
            for form in self.forms
            if form.cleaned_data.get("date")
        )
        return [day for day, _title in rows], [title for _day, title in rows]


SessionFormSet = forms.formset_factory(
    SessionForm, formset=BaseSessionFormSet, extra=SESSION_ROWS, max_num=20, validate_max=True
)
