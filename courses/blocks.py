"""StreamField blocks: what a lesson is made of, and the kinds of quiz question."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

SINGLE_CHOICE_NEEDS_ONE_CORRECT = _("Mark exactly one option as correct.")
MULTIPLE_CHOICE_NEEDS_A_CORRECT = _("Mark at least one option as correct.")
CHOICE_NEEDS_TWO_OPTIONS = _("Give at least two options.")
SHORT_ANSWER_NEEDS_AN_ANSWER = _("Give at least one accepted answer or keyword.")

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


# Lesson content


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("text alternative"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video address"), help_text=_("A YouTube or Vimeo link."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"), required=False, max_length=120, help_text=_("Default: the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "courses/blocks/download.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Watch out"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip or callout")
        template = "courses/blocks/callout.html"


class PracticeTaskBlock(blocks.StructBlock):
    """A task done away from the screen, with a written reflection the learner submits."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=RICH_TEXT_FEATURES)
    min_words = blocks.IntegerBlock(
        label=_("minimum words in the reflection"), min_value=0, default=30
    )

    class Meta:
        icon = "edit"
        label = _("Practice task")
        # Rendered by the lesson template with the learner's own reflection form.


class LessonStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        form_classname="title",
        template="courses/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=["h3", *RICH_TEXT_FEATURES])
    image = FigureBlock()
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    practice_task = PracticeTaskBlock()


# Quiz questions. Each question and each option keeps its block id, which is how answers
# are stored and reported: reordering or editing the wording keeps the history attached.


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("option"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("feedback"),
        required=False,
        max_length=500,
        help_text=_("Shown after the attempt to a learner who chose this option."),
    )


class _ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    options = blocks.ListBlock(OptionBlock(), label=_("options"), min_num=2)
    explanation = blocks.TextBlock(
        label=_("explanation"), required=False, help_text=_("Shown after the attempt.")
    )

    def _check_options(self, value, *, single: bool):
        correct = sum(1 for option in value["options"] if option["correct"])
        if len(value["options"]) < 2:
            raise StructBlockValidationError(non_block_errors=[CHOICE_NEEDS_TWO_OPTIONS])
        if single and correct != 1:
            raise StructBlockValidationError(non_block_errors=[SINGLE_CHOICE_NEEDS_ONE_CORRECT])
        if not single and correct < 1:
            raise StructBlockValidationError(non_block_errors=[MULTIPLE_CHOICE_NEEDS_A_CORRECT])


class SingleChoiceBlock(_ChoiceQuestionBlock):
    def clean(self, value):
        value = super().clean(value)
        self._check_options(value, single=True)
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(_ChoiceQuestionBlock):
    def clean(self, value):
        value = super().clean(value)
        self._check_options(value, single=False)
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("statement"))
    answer = blocks.ChoiceBlock(
        label=_("the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        default="true",
    )
    feedback_correct = blocks.CharBlock(label=_("feedback when right"), required=False)
    feedback_wrong = blocks.CharBlock(label=_("feedback when wrong"), required=False)

    class Meta:
        icon = "circle-check"
        label = _("True or false")


class ShortAnswerBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    match = blocks.ChoiceBlock(
        label=_("how answers are checked"),
        choices=[
            ("exact", _("Exactly one of the accepted answers (ignoring case and spaces)")),
            ("keywords", _("Contains every keyword")),
        ],
        default="exact",
    )
    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("accepted answers or keywords"), min_num=1
    )
    feedback_correct = blocks.CharBlock(label=_("feedback when right"), required=False)
    feedback_wrong = blocks.CharBlock(label=_("feedback when wrong"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not any(answer.strip() for answer in value["accepted"]):
            raise StructBlockValidationError(non_block_errors=[SHORT_ANSWER_NEEDS_AN_ANSWER])
        return value

    class Meta:
        icon = "pick"
        label = _("Short answer")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    short_answer = ShortAnswerBlock()

    class Meta:
        min_num = 1
