"""Reading and checking a staff roster file (CSV or XLSX) into a plan of what to write."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Q
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Library, StaffProfile
from .roles import GROUP_NAMES, Role, role_from_label, role_groups

# A roster bigger than this is refused: split it, or it no longer fits one request.
MAX_ROWS = 5_000
# Columns beyond this are never read, so a sheet padded sideways costs nothing.
MAX_COLUMNS = 50

FILE_EMPTY = _("The file is empty.")
FILE_NO_ROWS = _("The file has a header row but no staff rows below it.")
FILE_MISSING_COLUMNS = _("The header row is missing these columns: %(columns)s.")
FILE_DUPLICATE_COLUMN = _("The column “%(column)s” appears more than once in the header row.")
FILE_NOT_UTF8 = _(
    "The file is not in UTF-8 encoding. In Excel use “Save as” with the type "
    "“CSV UTF-8 (Comma delimited)”, then upload it again."
)
FILE_WRONG_TYPE = _("“%(filename)s” is not a roster file: upload a .csv or .xlsx file.")
FILE_BAD_XLSX = _(
    "The file could not be read as an Excel workbook (.xlsx); it may be damaged. "
    "Open it in Excel, save it again as .xlsx, and upload it again."
)
FILE_BAD_CSV = _(
    "The file could not be read as CSV. Open it in a spreadsheet and save it as “CSV UTF-8”."
)
FILE_TOO_LARGE = _("The file is %(size)s; a roster file may be at most %(limit)s.")
FILE_TOO_MANY_ROWS = _(
    "The file has more than %(limit)s staff rows. Split it into files of at most "
    "%(limit)s rows and import them one after another."
)

ROW_MISSING_VALUE = _("The %(column)s is missing.")
ROW_MISSING_USER = _("Give a username or an email address.")
ROW_NAME_TOO_LONG = _("The name is longer than %(limit)s characters.")
ROW_BAD_USERNAME = _(
    "“%(value)s” cannot be a username: use at most 150 letters, digits and the signs @ . + - _."
)
ROW_BAD_EMAIL = _("“%(value)s” is not a valid email address.")
ROW_UNKNOWN_LIBRARY = _("No library has the code or the name “%(value)s”.")
ROW_AMBIGUOUS_LIBRARY = _(
    "%(count)s libraries are named “%(value)s”: write the library code instead (%(codes)s)."
)
ROW_UNKNOWN_POSITION = _("“%(value)s” is not a position. Write one of: %(choices)s.")
ROW_BAD_GENDER = _("“%(value)s” is not a gender. Write P (perempuan) or L (laki-laki).")
ROW_BAD_BIRTH_YEAR = _("“%(value)s” is not a birth year between %(min)s and %(max)s.")
ROW_UNKNOWN_ROLE = _("“%(value)s” is not a role. Write one of: %(choices)s.")
ROW_BAD_PHONE = _(
    "“%(value)s” is not a phone number: use at most 20 digits, spaces and dashes, "
    "with an optional leading +."
)
ROW_DUPLICATE_USERNAME = _(
    "Duplicate user: the username “%(value)s” is in rows %(first)s and %(row)s."
)
ROW_DUPLICATE_EMAIL = _(
    "Duplicate user: the email address “%(value)s” is in rows %(first)s and %(row)s."
)
ROW_EMAIL_TAKEN = _(
    "The email address “%(value)s” already belongs to another account (%(username)s)."
)
ROW_EMAIL_SHARED = _("Several accounts use the email address “%(value)s”: give the username too.")
ROW_SUPERUSER = _(
    "“%(value)s” is a superuser account: only a superuser may change it with a roster."
)


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise
    aliases: tuple[str, ...]
    required: bool
    help_text: Promise


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        _("name"),
        ("name", "nama", "full name", "nama lengkap"),
        True,
        _("Full name, as it should appear on certificates."),
    ),
    Column(
        "username",
        _("username"),
        ("username", "user name", "nama pengguna", "pengguna", "akun"),
        False,
        _("Sign-in name. Give a username, an email address, or both."),
    ),
    Column(
        "email",
        _("email"),
        ("email", "e mail", "surel", "alamat email", "email address", "alamat surel"),
        False,
        _("Without a username, the email address (in small letters) becomes the username."),
    ),
    Column(
        "library",
        _("library"),
        (
            "library",
            "perpustakaan",
            "library code",
            "kode perpustakaan",
            "library name",
            "nama perpustakaan",
        ),
        True,
        _("The library code, or its exact name if no other library has that name."),
    ),
    Column(
        "position",
        _("position"),
        ("position", "jabatan", "posisi"),
        True,
        _("For example Pustakawan, Kepala perpustakaan, Pengelola perpustakaan, Relawan."),
    ),
    Column(
        "gender",
        _("gender"),
        ("gender", "jenis kelamin", "sex", "jk"),
        True,
        _("P (perempuan) or L (laki-laki)."),
    ),
    Column(
        "birth_year",
        _("birth year"),
        ("birth year", "tahun lahir", "year of birth"),
        True,
        _("Four digits, for example 1988."),
    ),
    Column(
        "role",
        _("role"),
        ("role", "peran"),
        True,
        _("Peserta, Pelatih, Pendamping or Admin Program."),
    ),
    Column(
        "phone",
        _("phone"),
        (
            "phone",
            "phone number",
            "telephone",
            "telepon",
            "telp",
            "no telepon",
            "nomor telepon",
            "hp",
            "no hp",
            "nomor hp",
            "whatsapp",
            "no wa",
        ),
        False,
        _("Optional. Digits, spaces and dashes, for example 0812-3456-7890."),
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}

# Indonesian ways of writing a position, on top of each choice's value and labels.
_POSITION_ALIASES: dict[str, str] = {
    "kepala": StaffProfile.Position.HEAD,
    "kepala perpustakaan": StaffProfile.Position.HEAD,
    "kepala perpus": StaffProfile.Position.HEAD,
    "pustakawan": StaffProfile.Position.LIBRARIAN,
    "pengelola": StaffProfile.Position.MANAGER,
    "pengelola perpustakaan": StaffProfile.Position.MANAGER,
    "staf": StaffProfile.Position.STAFF,
    "staf perpustakaan": StaffProfile.Position.STAFF,
    "staff perpustakaan": StaffProfile.Position.STAFF,
    "petugas": StaffProfile.Position.STAFF,
    "petugas perpustakaan": StaffProfile.Position.STAFF,
    "relawan": StaffProfile.Position.VOLUNTEER,
    "sukarelawan": StaffProfile.Position.VOLUNTEER,
    "fasilitator": StaffProfile.Position.FACILITATOR,
    "lainnya": StaffProfile.Position.OTHER,
    "lain-lain": StaffProfile.Position.OTHER,
}
_GENDER_ALIASES: dict[str, str] = {
    **dict.fromkeys(("p", "perempuan", "wanita", "f", "female", "woman"), "female"),
    **dict.fromkeys(
        ("l", "laki-laki", "laki laki", "lakilaki", "pria", "m", "male", "man"), "male"
    ),
}


class Action(models.TextChoices):
    NEW = "new", _("New")
    UPDATE = "update", _("Update")
    UNCHANGED = "unchanged", _("Unchanged")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; `row` is None when it is about the whole file."""

    message: str
    row: int | None = None
    column: str | None = None

    @property
    def column_label(self) -> str:
        return str(COLUMN_BY_KEY[self.column].label) if self.column else ""


class RosterError(Exception):
    """The roster cannot be imported; `problems` lists every reason, in row order."""

    def __init__(self, problems: Sequence[Problem]):
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = list(problems)

    @property
    def is_file_problem(self) -> bool:
        return any(problem.row is None for problem in self.problems)


@dataclass
class RosterRow:
    """A valid row, resolved against the database, with what importing it will do."""

    number: int
    name: str
    username: str
    email: str
    library: Library
    position: str
    gender: str
    birth_year: int
    role: Role
    phone: str
    user: models.Model | None = None
    profile: StaffProfile | None = None
    action: str = Action.NEW
    changed: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[str]:
        """The changed columns, as the person reading the preview calls them."""
        return [str(COLUMN_BY_KEY[key].label) for key in self.changed]

    def get_position_display(self) -> str:
        return str(StaffProfile.Position(self.position).label)

    def get_gender_display(self) -> str:
        return str(StaffProfile.Gender(self.gender).label)

    def get_action_display(self) -> str:
        return str(Action(self.action).label)


@dataclass
class RosterPlan:
    rows: list[RosterRow]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def new_count(self) -> int:
        return self.count(Action.NEW)

    @property
    def update_count(self) -> int:
        return self.count(Action.UPDATE)

    @property
    def unchanged_count(self) -> int:
        return self.count(Action.UNCHANGED)


@dataclass
class _Table:
    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]


# Reading the file ------------------------------------------------------------------------


def _normalise_header(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text.lower())
    return " ".join(re.sub(r"[^\w@]+", " ", text).replace("_", " ").split())


_COLUMN_BY_ALIAS = {
    _normalise_header(alias): column.key for column in COLUMNS for alias in column.aliases
}


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    return " ".join(str(value).split())


def _csv_records(content: bytes) -> Iterator[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError([Problem(str(FILE_NOT_UTF8))]) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel in an Indonesian locale separates cells with ";" (the comma is the decimal mark).
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error:
        raise RosterError([Problem(str(FILE_BAD_CSV))]) from None


def _xlsx_records(content: bytes) -> Iterator[Sequence]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise RosterError([Problem(str(FILE_BAD_XLSX))]) from None
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    except Exception:  # a workbook can open and still be damaged inside a sheet
        raise RosterError([Problem(str(FILE_BAD_XLSX))]) from None
    finally:
        workbook.close()


def _records(*, filename: str, content: bytes) -> Iterator[Sequence]:
    extension = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if extension == "csv":
        return _csv_records(content)
    if extension == "xlsx":
        return _xlsx_records(content)
    raise RosterError([Problem(str(FILE_WRONG_TYPE % {"filename": filename}))])


def _map_header(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _COLUMN_BY_ALIAS.get(_normalise_header(cell))
        if key is None:
            continue  # extra columns ("No.", notes) are allowed and ignored
        if key in columns:
            raise RosterError([Problem(str(FILE_DUPLICATE_COLUMN % {"column": cell}))])
        columns[key] = index
    missing = [str(c.label) for c in COLUMNS if c.required and c.key not in columns]
    if "username" not in columns and "email" not in columns:
        missing.insert(1, f"{COLUMN_BY_KEY['username'].label} / {COLUMN_BY_KEY['email'].label}")
    if missing:
        raise RosterError([Problem(str(FILE_MISSING_COLUMNS % {"columns": ", ".join(missing)}))])
    return columns


def check_size(size: int) -> None:
    """Refuses a file over settings.ROSTER_MAX_UPLOAD_BYTES before anything reads it."""
    limit = settings.ROSTER_MAX_UPLOAD_BYTES
    if size > limit:
        message = FILE_TOO_LARGE % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        raise RosterError([Problem(str(message))])


def read_table(*, filename: str, content: bytes) -> _Table:
    """The header's columns and the non-blank rows, numbered as a spreadsheet shows them."""
    check_size(len(content))
    records = _records(filename=filename, content=content)
    if not content.strip():
        raise RosterError([Problem(str(FILE_EMPTY))])
    columns: dict[str, int] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, record in enumerate(records, start=1):
        cells = [_cell_text(value) for value in record[:MAX_COLUMNS]]
        if not any(cells):
            continue
        if columns is None:
            columns = _map_header(cells)
            continue
        if len(rows) == MAX_ROWS:
            limit = number_format(MAX_ROWS, force_grouping=True)
            raise RosterError([Problem(str(FILE_TOO_MANY_ROWS % {"limit": limit}))])
        rows.append((number, cells))
    if columns is None:
        raise RosterError([Problem(str(FILE_EMPTY))])
    if not rows:
        raise RosterError([Problem(str(FILE_NO_ROWS))])
    return _Table(columns=columns, rows=rows)


# Checking the values ---------------------------------------------------------------------


def _lookup_key(text: str) -> str:
    return " ".join(text.split()).lower()


def _position_aliases() -> dict[str, str]:
    aliases = dict(_POSITION_ALIASES)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for position in StaffProfile.Position:
                aliases.setdefault(_lookup_key(str(position.label)), position.value)
    for position in StaffProfile.Position:
        aliases[position.value] = position.value
    return aliases


def _gender_aliases() -> dict[str, str]:
    aliases = dict(_GENDER_ALIASES)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for gender in StaffProfile.Gender:
                aliases.setdefault(_lookup_key(str(gender.label)), gender.value)
    return aliases


def _limits(model_field) -> tuple[int, int]:
    lows, highs = [], []
    for validator in model_field.validators:
        limit = (
            validator.limit_value() if callable(validator.limit_value) else validator.limit_value
        )
        if isinstance(validator, MinValueValidator):
            lows.append(limit)
        elif isinstance(validator, MaxValueValidator):
            highs.append(limit)
    return max(lows), min(highs)


def _valid(model, field_name: str, value) -> bool:
    try:
        model._meta.get_field(field_name).run_validators(value)
    except ValidationError:
        return False
    return True


def _chunks(values: Iterable, params_per_value: int) -> Iterator[list]:
    """Splits an IN list so that one query stays under the database's parameter limit."""
    values = sorted(values)
    limit = connection.features.max_query_params
    size = max(1, (limit - 10) // params_per_value) if limit else max(1, len(values))
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _load_libraries(keys: set[str]) -> dict[str, list[Library]]:
    """Libraries by lower-cased code and by lower-cased name, in one query per chunk."""
    found: dict[str, list[Library]] = defaultdict(list)
    for chunk in _chunks(keys, 2):
        libraries = Library.objects.annotate(code_key=Lower("code"), name_key=Lower("name"))
        for library in libraries.filter(Q(code_key__in=chunk) | Q(name_key__in=chunk)):
            found[f"code:{library.code_key}"].append(library)
            found[f"name:{library.name_key}"].append(library)
    return found


def _load_users(keys: set[str]) -> tuple[dict[str, list], dict[str, list]]:
    """Accounts whose username or email is among `keys`, with their staff profiles."""
    User = get_user_model()
    by_username: dict[str, list] = defaultdict(list)
    by_email: dict[str, list] = defaultdict(list)
    for chunk in _chunks(keys, 2):
        users = (
            User.objects.select_related("staff_profile")
            .annotate(username_key=Lower("username"), email_key=Lower("email"))
            .filter(Q(username_key__in=chunk) | Q(email_key__in=chunk))
            .order_by("pk")
        )
        for user in users:
            by_username[user.username_key].append(user)
            if user.email_key:
                by_email[user.email_key].append(user)
    return by_username, by_email


def _group_ids_by_user(user_ids: set[int]) -> dict[int, set[int]]:
    through = get_user_model().groups.through
    found: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(user_ids, 1):
        pairs = through.objects.filter(user_id__in=chunk).values_list("user_id", "group_id")
        for user_id, group_id in pairs:
            found[user_id].add(group_id)
    return found


@dataclass
class _Draft:
    """A row's values as far as they can be checked without the database."""

    number: int
    values: dict[str, str]
    name: str = ""
    username: str = ""
    email: str = ""
    position: str = ""
    gender: str = ""
    birth_year: int = 0
    role: Role | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, column: str | None, message) -> None:
        self.problems.append(Problem(str(message), row=self.number, column=column))


def _draft_rows(table: _Table) -> list[_Draft]:
    User = get_user_model()
    positions = _position_aliases()
    genders = _gender_aliases()
    year_min, year_max = _limits(StaffProfile._meta.get_field("birth_year"))
    name_limit = User._meta.get_field("first_name").max_length
    position_choices = ", ".join(str(p.label) for p in StaffProfile.Position)
    role_choices = ", ".join(GROUP_NAMES.values())
    drafts = []
    for number, cells in table.rows:
        values = {
            key: cells[index] if index < len(cells) else "" for key, index in table.columns.items()
        }
        draft = _Draft(number=number, values=values)
        for column in COLUMNS:
            if column.required and not values.get(column.key):
                draft.add(column.key, ROW_MISSING_VALUE % {"column": column.label})

        draft.name = values["name"]
        if len(draft.name) > name_limit:
            draft.add("name", ROW_NAME_TOO_LONG % {"limit": name_limit})

        draft.email = values.get("email", "").lower()
        if draft.email and not _valid(User, "email", draft.email):
            draft.add("email", ROW_BAD_EMAIL % {"value": values["email"]})
            draft.email = ""
        draft.username = values.get("username", "")
        username_column = "username" if draft.username else "email"
        if draft.username and not _valid(User, "username", draft.username):
            draft.add("username", ROW_BAD_USERNAME % {"value": draft.username})
        elif not draft.username and draft.email and not _valid(User, "username", draft.email):
            draft.add(username_column, ROW_BAD_USERNAME % {"value": draft.email})
        elif not draft.username and not values.get("email"):
            draft.add("username", ROW_MISSING_USER)

        if position := values["position"]:
            draft.position = positions.get(_lookup_key(position), "")
            if not draft.position:
                message = ROW_UNKNOWN_POSITION % {"value": position, "choices": position_choices}
                draft.add("position", message)
        if gender := values["gender"]:
            draft.gender = genders.get(_lookup_key(gender), "")
            if not draft.gender:
                draft.add("gender", ROW_BAD_GENDER % {"value": gender})
        if year := values["birth_year"]:
            draft.birth_year = int(year) if re.fullmatch(r"\d{1,4}", year) else 0
            if not draft.birth_year or not year_min <= draft.birth_year <= year_max:
                message = ROW_BAD_BIRTH_YEAR % {"value": year, "min": year_min, "max": year_max}
                draft.add("birth_year", message)
        if role := values["role"]:
            draft.role = role_from_label(role)
            if draft.role is None:
                draft.add("role", ROW_UNKNOWN_ROLE % {"value": role, "choices": role_choices})
        phone = values.get("phone", "")
        if phone and not _valid(StaffProfile, "phone", phone):
            draft.add("phone", ROW_BAD_PHONE % {"value": phone})
        drafts.append(draft)
    return drafts


def _resolve_library(draft: _Draft, libraries: dict[str, list[Library]]) -> Library | None:
    text = draft.values["library"]
    if not text:
        return None
    key = _lookup_key(text)
    by_code = libraries.get(f"code:{key}", [])
    if by_code:
        return by_code[0]
    by_name = libraries.get(f"name:{key}", [])
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        codes = ", ".join(library.code for library in by_name)
        message = ROW_AMBIGUOUS_LIBRARY % {"count": len(by_name), "value": text, "codes": codes}
        draft.add("library", message)
    else:
        draft.add("library", ROW_UNKNOWN_LIBRARY % {"value": text})
    return None


def _resolve_account(draft: _Draft, by_username: dict, by_email: dict, editor):
    """The existing account this row is about (or None for a new one); sets the username."""
    holders = by_email.get(draft.email, []) if draft.email else []
    if draft.username:
        candidates = by_username.get(draft.username.lower(), [])
        exact = [user for user in candidates if user.username == draft.username]
        account = (exact or candidates or [None])[0]
        if account is not None:
            draft.username = account.username
        if holders and account not in holders:
            message = ROW_EMAIL_TAKEN % {"value": draft.email, "username": holders[0].username}
            draft.add("email", message)
    elif len(holders) > 1:
        draft.add("email", ROW_EMAIL_SHARED % {"value": draft.email})
        account = None
    elif holders:
        account = holders[0]
        draft.username = account.username
    else:
        draft.username = draft.email
        account = (by_username.get(draft.email, []) or [None])[0]
    if account is not None and account.is_superuser and not getattr(editor, "is_superuser", False):
        draft.add(
            "username" if draft.values.get("username") else "email",
            ROW_SUPERUSER % {"value": account.username},
        )
    return account


def _check_duplicates(drafts: list[_Draft]) -> None:
    first_by_username: dict[str, int] = {}
    first_by_email: dict[str, int] = {}
    for draft in drafts:
        if draft.username:
            key = draft.username.lower()
            first = first_by_username.setdefault(key, draft.number)
            if first != draft.number:
                column = "username" if draft.values.get("username") else "email"
                message = ROW_DUPLICATE_USERNAME % {
                    "value": draft.username,
                    "first": first,
                    "row": draft.number,
                }
                draft.add(column, message)
                continue  # the same person twice: one message is enough
        if draft.email:
            first = first_by_email.setdefault(draft.email, draft.number)
            if first != draft.number:
                message = ROW_DUPLICATE_EMAIL % {
                    "value": draft.email,
                    "first": first,
                    "row": draft.number,
                }
                draft.add("email", message)


def _plan(row: RosterRow, group_ids: set[int], role_group_id: int) -> None:
    user, profile = row.user, row.profile
    if user is None:
        row.action = Action.NEW
        return
    changed = []
    if user.get_full_name() != row.name:
        changed.append("name")
    if row.email and user.email.lower() != row.email:
        changed.append("email")
    if profile is None:
        changed += ["library", "position", "gender", "birth_year"]
        if row.phone:
            changed.append("phone")
    else:
        if profile.library_id != row.library.pk:
            changed.append("library")
        for key in ("position", "gender", "birth_year"):
            if getattr(profile, key) != getattr(row, key):
                changed.append(key)
        if row.phone and profile.phone != row.phone:
            changed.append("phone")
    if role_group_id not in group_ids:
        changed.append("role")
    row.action = Action.UPDATE if changed else Action.UNCHANGED
    row.changed = changed


def plan_roster(*, filename: str, content: bytes, editor) -> RosterPlan:
    """Reads and checks a whole roster and says what importing it would do; writes nothing.

    Raises RosterError with every problem found. The database is read in a fixed number
    of queries (per chunk of a few hundred values on SQLite), whatever the number of rows.
    """
    table = read_table(filename=filename, content=content)
    drafts = _draft_rows(table)

    library_keys = {_lookup_key(d.values["library"]) for d in drafts if d.values["library"]}
    libraries = _load_libraries(library_keys)
    user_keys = {d.username.lower() for d in drafts if d.username}
    user_keys |= {d.email for d in drafts if d.email}
    by_username, by_email = _load_users(user_keys)

    resolved = []
    for draft in drafts:
        library = _resolve_library(draft, libraries)
        account = _resolve_account(draft, by_username, by_email, editor)
        resolved.append((draft, library, account))
    _check_duplicates(drafts)

    problems = [problem for draft in drafts for problem in draft.problems]
    if problems:
        raise RosterError(problems)

    groups = role_groups()
    accounts = [account for _draft, _library, account in resolved if account is not None]
    group_ids = _group_ids_by_user({account.pk for account in accounts}) if accounts else {}
    rows = []
    for draft, library, account in resolved:
        profile = getattr(account, "staff_profile", None) if account is not None else None
        row = RosterRow(
            number=draft.number,
            name=draft.name,
            username=draft.username,
            email=draft.email,
            library=library,
            position=draft.position,
            gender=draft.gender,
            birth_year=draft.birth_year,
            role=draft.role,
            phone=draft.values.get("phone", ""),
            user=account,
            profile=profile,
        )
        _plan(row, group_ids.get(account.pk, set()) if account else set(), groups[row.role].pk)
        rows.append(row)
    return RosterPlan(rows=rows)


def template_csv() -> bytes:
    """A blank roster to fill in: Indonesian headers, ";" as Indonesian Excel expects, a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "nama",
            "nama pengguna",
            "email",
            "perpustakaan",
            "jabatan",
            "jenis kelamin",
            "tahun lahir",
            "peran",
            "telepon",
        ]
    )
    writer.writerow(
        [
            "Sari Wulandari",
            "sari.wulandari",
            "sari@example.org",
            "kode-perpustakaan",
            "Pustakawan",
            "P",
            "1990",
            "Peserta",
            "0812-3456-7890",
        ]
    )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
