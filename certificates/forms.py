"""Forms of the certificates admin: certificate rules, issuing by hand, revoking."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.achievements import Achievement, AchievementKind, achievement_kinds

from .models import KindRule
from .selectors import admin as selectors

DUPLICATE_RULE = _("There is already a rule for “%(kind)s”. Edit that rule instead.")
UNKNOWN_PERSON = _("Line %(line)s: “%(text)s” is not the username or e-mail of anyone.")
SHARED_EMAIL = _(
    "Line %(line)s: several people have the e-mail “%(text)s”; write their username instead."
)
DUPLICATE_PERSON = _("Line %(line)s: “%(text)s” is the same person as line %(first)s.")
NOT_EARNED = _(
    "Line %(line)s: %(name)s has not earned “%(subject)s”. Remove the line, or tick "
    "“Issue even if not recorded as earned”."
)
NOBODY_LISTED = _("List the people: one username or e-mail per line.")
TOO_MANY_LINES = _("List at most %(max)s people at a time.")
NOBODY_EARNED = _("Nobody has earned “%(subject)s” yet: there is nobody to issue to.")
MAX_LINES = 2000


def kind_choices() -> list[tuple[str, str]]:
    return [(key, str(kind.label)) for key, kind in achievement_kinds().items()]


class KindRuleForm(WagtailAdminModelForm):
    """The achievement is chosen from the kinds the installed apps offer; a rule whose app
    was removed keeps its raw key."""

    kind = forms.ChoiceField(label=_("Achievement"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = kind_choices()
        current = self.instance.kind
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["kind"].choices = [("", "---------"), *choices]

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if KindRule.objects.filter(kind=kind).exclude(pk=self.instance.pk).exists():
            label = dict(self.fields["kind"].choices).get(kind, kind)
            raise ValidationError(DUPLICATE_RULE, params={"kind": label})
        return kind


class ChooseKindForm(forms.Form):
    kind = forms.ChoiceField(label=_("Achievement"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str


class IssueForm(forms.Form):
    """Issue one achievement of one kind by hand: to everyone who earned it, or to the
    people listed. Every line is checked first; one bad line stops the whole form."""

    EARNED = "earned"
    LISTED = "listed"

    kind = forms.ChoiceField(widget=forms.HiddenInput, choices=())
    subject = forms.ModelChoiceField(label=_("For"), queryset=None)
    who = forms.ChoiceField(
        label=_("To whom"),
        widget=forms.RadioSelect,
        choices=[
            (EARNED, _("Everyone who earned it")),
            (LISTED, _("The people listed below")),
        ],
        initial=EARNED,
    )
    people = forms.CharField(
        label=_("People"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One username or e-mail per line."),
    )
    issue_anyway = forms.BooleanField(
        label=_("Issue even if not recorded as earned"),
        required=False,
        help_text=_(
            "For achievements recorded outside Sebaya: the certificate names the "
            "subject and is dated today."
        ),
    )

    def __init__(self, *args, kind: AchievementKind, **kwargs):
        super().__init__(*args, **kwargs)
        self.achievement_kind = kind
        self.fields["kind"].choices = [(kind.key, kind.label)]
        self.fields["kind"].initial = kind.key
        self.fields["subject"].queryset = kind.subjects()
        self.fields["subject"].label_from_instance = str
        self.achievements: list[Achievement] = []
        self.problems: list[LineProblem] = []

    def clean(self):
        cleaned = super().clean()
        subject = cleaned.get("subject")
        if subject is None or self.errors:
            return cleaned
        if cleaned.get("who") == self.EARNED:
            self.achievements = list(self.achievement_kind.earned(subject))
            if not self.achievements:
                raise ValidationError(NOBODY_EARNED % {"subject": subject})
            return cleaned
        self.achievements, self.problems = self._listed(
            cleaned.get("people", ""), subject, cleaned.get("issue_anyway", False)
        )
        if self.problems:
            self.add_error("people", [p.message for p in self.problems])
        return cleaned

    def _listed(self, text: str, subject, issue_anyway: bool):
        lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if not lines:
            return [], [LineProblem(0, str(NOBODY_LISTED))]
        if len(lines) > MAX_LINES:
            return [], [LineProblem(0, str(TOO_MANY_LINES % {"max": MAX_LINES}))]
        people = selectors.people_by_login(text for _n, text in lines)
        achievements, problems, first_line = [], [], {}
        for n, text in lines:
            found = people.get(text.lower(), [])
            values = {"line": n, "text": text}
            if not found:
                problems.append(LineProblem(n, str(UNKNOWN_PERSON % values)))
                continue
            if len(found) > 1:
                problems.append(LineProblem(n, str(SHARED_EMAIL % values)))
                continue
            user = found[0]
            if user.pk in first_line:
                values["first"] = first_line[user.pk]
                problems.append(LineProblem(n, str(DUPLICATE_PERSON % values)))
                continue
            first_line[user.pk] = n
            achievement = self.achievement_kind.describe(user, subject)
            if achievement is None and issue_anyway:
                achievement = Achievement(
                    user=user,
                    subject=subject,
                    title=getattr(subject, "title", None) or str(subject),
                    achieved_on=timezone.localdate(),
                )
            if achievement is None:
                name = user.get_full_name() or user.get_username()
                problems.append(
                    LineProblem(n, str(NOT_EARNED % {"line": n, "name": name, "subject": subject}))
                )
                continue
            achievements.append(achievement)
        return achievements, problems


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,  # the revoke service says why an empty reason is refused
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to anyone who checks the certificate."),
    )
