"""The programme's figures: what each app counts for monitoring and evaluation, in one shape.

An app offers figures by registering a function under the Wagtail hook ``FIGURES_HOOK``
that returns a list of ``Metric``. A metric counts events per regency and month, split by
the library kind and (when it counts people) the gender and birth year of the person, and
optionally by a key such as a curriculum or a cascade tier. The monitoring app sums these
counts into its summary table; the apps never import it, and a removed app's figures go
with it.

Two kinds of metric:
- a *period* metric counts events inside the period shown (people trained, visits made);
- a *balance* metric is a running total: +1 in the month something opens, -1 in the month
  it closes, so the sum of every month up to the end of a period is what was open then
  (follow-ups open, people still in progress).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from django.db.models import Count as CountRows
from django.db.models import F, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIGURES_HOOK = "sebaya_monitoring_figures"

# The sections of the programme dashboard, in the order it shows them.
SECTIONS: dict[str, str] = {
    "training": _("Staff trained"),
    "cascade": _("Cascade reach"),
    "mentoring": _("Mentoring"),
    "meetings": _("Peer Learning Meetings"),
    "certificates": _("Certificates"),
    "reports": _("Library reports"),
}

# Age groups by age in the year of the event; "" when the birth year is not known.
AGE_GROUPS: dict[str, str] = {
    "u25": _("Under 25"),
    "25-34": _("25-34"),
    "35-44": _("35-44"),
    "45-54": _("45-54"),
    "55+": _("55 and over"),
    "": _("Unknown"),
}


def age_group(birth_year: int | None, year: int) -> str:
    if not birth_year:
        return ""
    age = year - birth_year
    if age < 25:
        return "u25"
    if age < 35:
        return "25-34"
    if age < 45:
        return "35-44"
    if age < 55:
        return "45-54"
    return "55+"


class Count(NamedTuple):
    """How many events of a metric fell in one regency and month, for one combination of
    key, library kind, gender and birth year (blank/None where not split)."""

    regency_id: int
    month: date  # the first day of the month
    value: int
    key: str = ""
    library_kind: str = ""
    gender: str = ""
    birth_year: int | None = None


@dataclass(frozen=True)
class Metric:
    code: str  # unique across apps, "<app>.<what>"
    label: str
    section: str  # a key of SECTIONS
    # The counts, for the given regencies only (None: every regency).
    counts: Callable[[Collection[int] | None], Iterable[Count]]
    # Labels of the keys the counts use, in display order (one query at most).
    keys: Callable[[], dict[str, str]] = field(default=dict)
    balance: bool = False
    # What the keys are, as a column heading ("Curriculum", "Tier").
    key_label: str = ""
    # Whether the counts are about people (then they are split by gender and age group).
    people: bool = True
    order: int = 100
    help_text: str = ""


def month_of(moment: date | datetime) -> date:
    """The first day of the month `moment` falls in (in the site's time zone)."""
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        moment = moment.date()
    return moment.replace(day=1)


def grouped_counts(
    queryset: QuerySet,
    *,
    when: str,
    library: str,
    person: str | None = None,
    key: str | None = None,
    regency_ids: Collection[int] | None = None,
    sign: int = 1,
) -> Iterator[Count]:
    """`queryset`'s rows counted in one grouped query per regency and month of the field
    `when`, with the kind of the library at the path `library` and, when `person` is the
    path to a user, that person's gender and birth year; `key` is a field path to split by.
    Rows without a library (or a regency) are left out. `sign` -1 makes closing events."""
    groups = {
        "regency_id": F(f"{library}__regency_id"),
        "library_kind": F(f"{library}__kind"),
        "month": TruncMonth(when),
    }
    if person:
        groups["gender"] = F(f"{person}__staff_profile__gender")
        groups["birth_year"] = F(f"{person}__staff_profile__birth_year")
    if key:
        groups["group_key"] = F(key)
    queryset = queryset.filter(**{f"{library}__isnull": False, f"{when}__isnull": False})
    if regency_ids is not None:
        queryset = queryset.filter(**{f"{library}__regency_id__in": list(regency_ids)})
    rows = queryset.values(**groups).annotate(value=CountRows("pk", distinct=True)).order_by()
    for row in rows:
        yield Count(
            regency_id=row["regency_id"],
            month=month_of(row["month"]),
            value=sign * row["value"],
            key=str(row.get("group_key") or ""),
            library_kind=row["library_kind"] or "",
            gender=row.get("gender") or "",
            birth_year=row.get("birth_year"),
        )


def metrics() -> list[Metric]:
    """Every installed app's metrics, in section and display order."""
    from wagtail import hooks

    found = [metric for fn in hooks.get_hooks(FIGURES_HOOK) for metric in fn()]
    sections = list(SECTIONS)
    return sorted(found, key=lambda m: (sections.index(m.section), m.order, m.code))
