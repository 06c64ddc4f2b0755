"""The period a dashboard shows: a month, a quarter, a year or a custom range of months,
read from the page's query string with clear messages for what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2011  # PerpuSeru's first phase
MAX_MONTHS = 120
START_AFTER_END = _("The first month must not be after the last one.")
TOO_LONG = _("A custom period can be at most %(months)s months long.")
YEAR_TOO_LATE = _("Choose a year up to %(year)s.")
NEEDS_RANGE = _("Choose the first and the last month of the custom period.")


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


@dataclass(frozen=True)
class Period:
    kind: str  # month, quarter, year or custom
    start: date  # the first day of the first month
    end: date  # the first day of the last month

    @property
    def months(self) -> list[date]:
        return [add_months(self.start, i) for i in range(months_between(self.start, self.end))]

    @property
    def label(self) -> str:
        if self.kind == "month":
            return date_format(self.start, "F Y")
        if self.kind == "quarter":
            return _("Quarter %(quarter)s %(year)s") % {
                "quarter": (self.start.month - 1) // 3 + 1,
                "year": self.start.year,
            }
        if self.kind == "year":
            return str(self.start.year)
        return f"{date_format(self.start, 'M Y')} – {date_format(self.end, 'M Y')}"

    def query(self) -> dict[str, str]:
        """The query string that shows this period again."""
        if self.kind == "month":
            return {"period": "month", "year": str(self.start.year), "month": str(self.start.month)}
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            return {"period": "quarter", "year": str(self.start.year), "quarter": str(quarter)}
        if self.kind == "year":
            return {"period": "year", "year": str(self.start.year)}
        return {
            "period": "custom",
            "start": self.start.strftime("%Y-%m"),
            "end": self.end.strftime("%Y-%m"),
        }


def month_period(month: date) -> Period:
    month = month.replace(day=1)
    return Period("month", month, month)


def default_period(today: date) -> Period:
    """This year so far."""
    return Period("year", date(today.year, 1, 1), today.replace(day=1))


class PeriodForm(forms.Form):
    KINDS = [
        ("month", _("Month")),
        ("quarter", _("Quarter")),
        ("year", _("Year")),
        ("custom", _("Custom")),
    ]

    period = forms.ChoiceField(label=_("Period"), choices=KINDS, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, required=False)
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[(m, str(m)) for m in range(1, 13)],
        coerce=int,
        required=False,
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(q, str(q)) for q in range(1, 5)], coerce=int, required=False
    )
    start = forms.DateField(label=_("From"), input_formats=["%Y-%m"], required=False)
    end = forms.DateField(label=_("To"), input_formats=["%Y-%m"], required=False)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        # Month names in the language of the request, not of the process's start.
        self.fields["month"].choices = [
            (m, date_format(date(2000, m, 1), "F")) for m in range(1, 13)
        ]
        self.fields["start"].widget = forms.DateInput(attrs={"type": "month"})
        self.fields["end"].widget = forms.DateInput(attrs={"type": "month"})

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year and year > self.today.year + 1:
            raise forms.ValidationError(YEAR_TOO_LATE % {"year": self.today.year + 1})
        return year

    def clean(self):
        data = super().clean()
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(NEEDS_RANGE)
            if start > end:
                raise forms.ValidationError(START_AFTER_END)
            if months_between(start, end) > MAX_MONTHS:
                raise forms.ValidationError(TOO_LONG % {"months": MAX_MONTHS})
        return data

    def chosen(self) -> Period:
        """The period asked for; this year so far when nothing (valid) was asked."""
        fallback = default_period(self.today)
        if not self.is_valid():
            return fallback
        data = self.cleaned_data
        kind = data.get("period") or ""
        year = data.get("year") or self.today.year
        if kind == "month":
            return month_period(date(year, data.get("month") or self.today.month, 1))
        if kind == "quarter":
            quarter = data.get("quarter") or (self.today.month - 1) // 3 + 1
            start = date(year, 3 * (quarter - 1) + 1, 1)
            return Period("quarter", start, add_months(start, 2))
        if kind == "year":
            return Period("year", date(year, 1, 1), date(year, 12, 1))
        if kind == "custom":
            return Period("custom", data["start"].replace(day=1), data["end"].replace(day=1))
        return fallback
