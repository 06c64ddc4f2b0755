"""Forms for stories: writing one (with photos), reviewing it, scheduling it, and the
knowledge base's filters."""

from django import forms
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from ..models import Story, StoryPhoto
from ..services.stories import MAX_PHOTOS, PHOTO_EXTENSIONS, curriculum_pages


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the story service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class StoryForm(forms.ModelForm):
    photos = MultipleFileField(
        label=_("Add photos"),
        required=False,
        help_text=_("Up to %(max)s photos per story (%(types)s).")
        % {"max": MAX_PHOTOS, "types": ", ".join(e.upper() for e in PHOTO_EXTENSIONS)},
    )
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("Remove photos"),
        queryset=StoryPhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Story
        fields = [
            "kind",
            "theme",
            "title",
            "text",
            "solution",
            "beneficiaries_female",
            "beneficiaries_male",
            "curriculum",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8}),
            "solution": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pages = curriculum_pages()
        if pages is None:
            del self.fields["curriculum"]
        else:
            self.fields["curriculum"].queryset = pages.order_by("title")
            self.fields["curriculum"].help_text = _(
                "The curriculum the story grew from, if there is one."
            )
        if self.instance.pk:
            self.fields["remove_photos"].queryset = StoryPhoto.objects.filter(story=self.instance)
        else:
            del self.fields["remove_photos"]
        self.fields["text"].help_text = _(
            "For an obstacle: what the problem was, who it affected and why."
        )
        # The service says what is missing.
        for name in ("title", "text"):
            self.fields[name].required = False

    def _post_clean(self):
        # The service validates the story (field by field, with the same messages for every
        # caller); the form only copies what was typed onto the story.
        self.instance = construct_instance(self, self.instance, self._meta.fields)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("return", _("Return for changes"))],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(
        label=_("Comment for the library"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the story: say what should change."),
    )


class KnowledgeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    province = forms.TypedChoiceField(
        label=_("Province"), required=False, coerce=int, empty_value=None
    )
    curriculum = forms.TypedChoiceField(
        label=_("Curriculum"), required=False, coerce=int, empty_value=None
    )
    all = forms.BooleanField(label=_("Include every kind of accepted story"), required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["theme"].choices = everything + [
            (value, f"{label} ({n})") for value, label, n in choices["themes"]
        ]
        self.fields["province"].choices = everything + [
            (pk, f"{name} ({n})") for pk, name, n in choices["provinces"]
        ]
        self.fields["curriculum"].choices = everything + [
            (pk, f"{title} ({n})") for pk, title, n in choices["curricula"]
        ]
