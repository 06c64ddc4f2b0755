"""The monthly report form: the report's figures, and the activities and impact records as
inline formsets with a few empty rows and a button for more (no JavaScript)."""

from __future__ import annotations

import calendar
from datetime import date

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from lms.models import Library

from ..models import ImpactRecord, LibraryReport, ReportActivity
from . import deadlines, services

NUMBER_ERRORS = {
    "required": services.NOT_A_NUMBER,
    "invalid": services.NOT_A_NUMBER,
    "min_value": services.NOT_A_NUMBER,
}
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
MORE_ROWS = {"activities": 3, "impacts": 2}
MAX_ROWS = {"activities": 40, "impacts": 20}


def _number_input() -> forms.NumberInput:
    return forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"})


class MonthChoiceForm(forms.Form):
    """Which month to write the report on: this month back to 24 months ago."""

    bulan = forms.ChoiceField(label=_("Month reported on"))

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        months = services.writable_months(today)
        self.fields["bulan"].choices = [(f"{m:%Y-%m}", date_format(m, "F Y")) for m in months]
        self.fields["bulan"].initial = f"{deadlines.last_month(today):%Y-%m}"

    def chosen(self) -> date:
        year, month = self.cleaned_data["bulan"].split("-")
        return date(int(year), int(month), 1)


class ReportForm(forms.ModelForm):
    """The report's own figures. The rules are the service's (services.report_errors), so
    every caller gets the same messages."""

    class Meta:
        model = LibraryReport
        fields = list(services.REPORT_FIELDS)
        widgets = {
            **{name: _number_input() for name in services.REPORT_NUMBERS},
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = dict.fromkeys(services.REPORT_NUMBERS, NUMBER_ERRORS)

    def __init__(self, *args, library: Library, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        if self.instance.pk is None:
            # Counts start empty, so that a forgotten one is asked for, not sent as 0.
            for name in ("visitors", "computer_users", "internet_users"):
                self.fields[name].initial = None
        self.fields["computers_removed"].help_text = _(
            "Broken, lost or given away this month. The library has %(computers)s computers."
        ) % {"computers": library.computers}
        self.fields["inventory_note"].help_text = _(
            "For example: one computer repaired, a new modem from the village fund."
        )

    def clean(self):
        data = super().clean()
        for name, messages in services.report_errors(library=self.library, values=data).items():
            if name not in self.errors:
                for message in messages:
                    self.add_error(name, message)
        return data

    def _post_clean(self):
        # The service writes the report; the form only reads what was typed.
        pass


class RowForm(forms.ModelForm):
    """One row of a formset; an untouched extra row is skipped by the formset."""

    def __init__(self, *args, month: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.month = month
        for field in self.fields.values():
            field.required = False

    value_fields: tuple[str, ...] = ()

    def row_errors(self, data) -> dict:
        """The service's messages for this row, by field; each kind of row has its own."""
        return {}

    def clean(self):
        data = super().clean()
        for name, messages in self.row_errors(data).items():
            if name not in self.errors:
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
        return data

    def _post_clean(self):
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.value_fields}


class ActivityForm(RowForm):
    value_fields = services.ACTIVITY_FIELDS

    class Meta:
        model = ReportActivity
        fields = list(services.ACTIVITY_FIELDS)
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "participants_female": _number_input(),
            "participants_male": _number_input(),
        }
        error_messages = {
            "participants_female": NUMBER_ERRORS,
            "participants_male": NUMBER_ERRORS,
            "held_on": {"invalid": services.ACTIVITY_DATE_REQUIRED},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].input_formats = DATE_FORMATS
        first = self.month
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        self.fields["held_on"].widget.attrs.update(min=f"{first:%Y-%m-%d}", max=f"{last:%Y-%m-%d}")
        for name in ("participants_female", "participants_male"):
            # Empty, not 0: an untouched row stays untouched.
            self.fields[name].initial = None

    def row_errors(self, data) -> dict:
        return services.activity_errors(month=self.month, values=data)


class ImpactForm(RowForm):
    value_fields = services.IMPACT_FIELDS

    class Meta:
        model = ImpactRecord
        fields = list(services.IMPACT_FIELDS)
        widgets = {"story": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].help_text = _(
            "What changed, for whom, and how the library helped (%(min)s to %(max)s "
            "characters). Ask the person before writing their name."
        ) % {"min": services.STORY_MIN, "max": services.STORY_MAX}

    def row_errors(self, data) -> dict:
        return services.impact_errors(values=data)


class ReplacedRowsFormSet(BaseInlineFormSet):
    """Rows the service replaces whole on every save. They are read by position, never by
    id: a form sent twice (a double click, an old tab) is still valid after the first
    save replaced the rows, and typed rows are never matched to stale ones.

    Unbound, it shows `rows` (saved or typed ones) and then empty rows: `extra` of them,
    or as many as make `total` rows."""

    def __init__(
        self, data=None, *, instance, month: date, rows=(), total: int | None = None, **kwargs
    ):
        rows = list(rows)
        super().__init__(
            data,
            instance=instance,
            queryset=self.model._default_manager.none(),
            initial=None if data is not None else rows,
            form_kwargs={"month": month},
            **kwargs,
        )
        if data is None:
            wanted = len(rows) + self.extra if total is None else max(total, len(rows))
            self.extra = min(wanted, self.max_num)

    def initial_form_count(self):
        return 0

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields.pop(self.model._meta.pk.name, None)
        form.fields.pop(self.fk.name, None)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row")

    def rows(self) -> list[tuple[forms.Form, dict]]:
        """The rows to save, each with its form: typed in and not marked for removal."""
        return [
            (form, form.values())
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]


ActivityFormSet = inlineformset_factory(
    LibraryReport,
    ReportActivity,
    form=ActivityForm,
    formset=ReplacedRowsFormSet,
    fields=list(services.ACTIVITY_FIELDS),
    extra=MORE_ROWS["activities"],
    max_num=MAX_ROWS["activities"],
    validate_max=True,
    can_delete=True,
)
ImpactFormSet = inlineformset_factory(
    LibraryReport,
    ImpactRecord,
    form=ImpactForm,
    formset=ReplacedRowsFormSet,
    fields=list(services.IMPACT_FIELDS),
    extra=MORE_ROWS["impacts"],
    max_num=MAX_ROWS["impacts"],
    validate_max=True,
    can_delete=True,
)


def _saved_rows(rows, fields) -> list[dict]:
    return [{name: getattr(row, name) for name in fields} for row in rows]


def _typed_count(data, prefix: str) -> int:
    try:
        return max(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 0)
    except (TypeError, ValueError):
        return 0


def _typed_rows(data, prefix: str, fields) -> list[dict]:
    """The rows someone typed, as sent (not yet validated), without the empty ones."""
    rows = []
    for index in range(min(_typed_count(data, prefix), MAX_ROWS[prefix])):
        row = {name: data.get(f"{prefix}-{index}-{name}", "") for name in (*fields, "DELETE")}
        if any(str(value).strip() for value in row.values()):
            row["DELETE"] = bool(row["DELETE"])
            rows.append(row)
    return rows


class ReportEditor:
    """The three parts of the page, validated and read together.

    With `data` the parts are bound to what was sent, to be validated and saved. With
    `typed` they show what was sent without judging it, with MORE_ROWS more empty rows in
    the formset named by `more` (the "add more rows" button): nothing is saved, nothing
    typed is lost, and no error is shown for a form not yet finished."""

    def __init__(
        self,
        *,
        library: Library,
        month: date,
        report: LibraryReport | None,
        data=None,
        typed=None,
        more: str = "",
    ):
        self.library = library
        self.month = month
        self.report = report
        instance = report or LibraryReport(library=library, month=month)
        initial = None
        if typed is not None:
            initial = {name: typed.get(f"report-{name}", "") for name in services.REPORT_FIELDS}
        self.form = ReportForm(
            data, instance=instance, library=library, prefix="report", initial=initial
        )
        self.activities = self._formset(
            ActivityFormSet,
            "activities",
            services.ACTIVITY_FIELDS,
            report.activities if report else None,
            instance,
            data,
            typed,
            more,
        )
        self.impacts = self._formset(
            ImpactFormSet,
            "impacts",
            services.IMPACT_FIELDS,
            report.impacts if report else None,
            instance,
            data,
            typed,
            more,
        )

    def _formset(self, formset_class, prefix, fields, saved, instance, data, typed, more):
        rows, total = (), None
        if typed is not None:
            rows = _typed_rows(typed, prefix, fields)
            total = _typed_count(typed, prefix) + (MORE_ROWS[prefix] if more == prefix else 0)
        elif data is None and saved is not None:
            rows = _saved_rows(saved.all(), fields)
        return formset_class(
            data, instance=instance, month=self.month, prefix=prefix, rows=rows, total=total
        )

    def is_valid(self) -> bool:
        # Every part is validated, so that every message shows at once.
        results = [self.form.is_valid(), self.activities.is_valid(), self.impacts.is_valid()]
        return all(results)

    def save_kwargs(self) -> dict:
        return {
            "values": {name: self.form.cleaned_data.get(name) for name in services.REPORT_FIELDS},
            "activities": [values for _form, values in self.activities.rows()],
            "impacts": [values for _form, values in self.impacts.rows()],
        }

    def show(self, error: services.ReportInvalid) -> None:
        """Puts the service's errors next to the fields they are about."""
        for name, messages in error.report_errors.items():
            for message in messages:
                self.form.add_error(name if name in self.form.fields else None, message)
        for rows, problems in (
            (self.activities.rows(), error.activity_errors),
            (self.impacts.rows(), error.impact_errors),
        ):
            for index, errors in problems.items():
                form = rows[index][0]
                for name, messages in errors.items():
                    for message in messages:
                        form.add_error(name if name in form.fields else None, message)
