"""Certificate rules: which template certifies each kind of achievement, for how long,
and whether it is issued automatically."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.snippets.views import snippets as snippet_views

from ..forms import KindRuleForm
from ..models import KindRule
from ..selectors import admin as selectors
from .access import ProgrammeAdminViewSetMixin


class RuleIndexView(snippet_views.IndexView):
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The achievement's label from its app, or the raw key once that app is removed.
        return self._get_title_column_class(column_class)(
            "kind_label",
            label=_("Achievement"),
            sort_key="kind",
            get_url=lambda rule: self.get_edit_url(rule),
        )


class RuleViewSet(ProgrammeAdminViewSetMixin, snippet_views.SnippetViewSet):
    model = KindRule
    icon = "tasks"
    menu_label = _("Rules")
    menu_item_is_registered = True
    index_view_class = RuleIndexView
    list_display = [
        "kind",
        "template",
        Column("valid_for_months", label=_("Valid for (months)"), sort_key="valid_for_months"),
        BooleanColumn("automatic", label=_("Automatic"), sort_key="automatic"),
    ]
    ordering = ["kind"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("template", widget=forms.Select),
            FieldPanel("valid_for_months"),
            FieldPanel("automatic"),
        ],
        base_form_class=KindRuleForm,
    )

    def get_queryset(self, request):
        return selectors.rule_list()
