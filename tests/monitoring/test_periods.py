"""The dashboard's period: month, quarter, year or custom, from the query string."""

from datetime import date

from monitoring.periods import (
    START_AFTER_END,
    Period,
    PeriodForm,
    add_months,
    month_period,
)

TODAY = date(2026, 12, 7)


def chosen(**params) -> tuple[Period, PeriodForm]:
    form = PeriodForm({k: str(v) for k, v in params.items()}, today=TODAY)
    return form.chosen(), form


def test_nothing_asked_is_this_year_so_far():
    period = PeriodForm(None, today=TODAY).chosen()
    assert (period.kind, period.start, period.end) == ("year", date(2026, 1, 1), date(2026, 12, 1))


def test_month_quarter_and_year():
    assert chosen(period="month", year=2026, month=3)[0] == month_period(date(2026, 3, 1))
    quarter = chosen(period="quarter", year=2026, quarter=2)[0]
    assert (quarter.start, quarter.end) == (date(2026, 4, 1), date(2026, 6, 1))
    assert len(quarter.months) == 3
    year = chosen(period="year", year=2025)[0]
    assert (year.start, year.end, len(year.months)) == (date(2025, 1, 1), date(2025, 12, 1), 12)


def test_custom_range_across_years():
    period = chosen(period="custom", start="2025-11", end="2026-02")[0]
    assert period.months == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert period.query() == {"period": "custom", "start": "2025-11", "end": "2026-02"}


def test_custom_range_backwards_is_refused_with_a_message():
    period, form = chosen(period="custom", start="2026-05", end="2026-02")
    assert str(START_AFTER_END) in form.non_field_errors()
    assert period.kind == "year"  # the page falls back to this year and says why


def test_bad_values_fall_back_with_field_errors():
    period, form = chosen(period="month", year="dua ribu", month=13)
    assert form.errors["year"] and form.errors["month"]
    assert period.kind == "year"
    _period, form = chosen(period="year", year=2031)
    assert form.errors["year"]


def test_query_round_trip():
    for params in (
        {"period": "month", "year": "2026", "month": "7"},
        {"period": "quarter", "year": "2026", "quarter": "3"},
        {"period": "year", "year": "2024"},
    ):
        assert chosen(**params)[0].query() == params


def test_add_months():
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
