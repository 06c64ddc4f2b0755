"""The staff roster import: file reading and checks, preview, all-or-nothing apply, access."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from lms import roster, services
from lms.models import Library, RosterImport, StaffProfile
from lms.roles import Role, roles_of
from tests.lms import factories
from tests.lms.roster_files import (
    GOOD_ROWS,
    HEADER,
    csv_bytes,
    staff_rows,
    upload,
    xlsx_bytes,
)

User = get_user_model()
UPLOAD_URL = reverse("lms_roster:upload")
STAFF_LIST_URL = reverse(StaffProfile.snippet_viewset.get_url_name("list"))


def apply_url(roster_import) -> str:
    return reverse("lms_roster:apply", args=[roster_import.pk])


def in_ui_language(message, **params) -> str:
    """A message as the admin page shows it: Indonesian, HTML-escaped."""
    with translation.override("id"):
        return escape(str(message % params) if params else str(message))


@pytest.fixture
def roster_libraries(db) -> dict[str, Library]:
    regency_library = factories.library(
        kind=Library.Kind.REGENCY, code="kab-lumajang", name="Perpustakaan Kab. Lumajang"
    )
    village = factories.library(
        kind=Library.Kind.VILLAGE,
        code="tunas-bangsa",
        name="Perpustakaan Desa Tunas Bangsa",
        regency=regency_library.regency,
        mentor_library=regency_library,
    )
    return {"regency": regency_library, "village": village}


@pytest.fixture
def admin_client(client, programme_admin):
    client.force_login(programme_admin)
    return client


def counts() -> tuple[int, int, int]:
    return User.objects.count(), StaffProfile.objects.count(), RosterImport.objects.count()


def preview(client, content: bytes, name: str = "roster.csv"):
    return client.post(UPLOAD_URL, {"file": upload(content, name)})


def import_file(client, content: bytes, name: str = "roster.csv"):
    """Uploads, then confirms the preview; returns the (followed) confirm response."""
    response = preview(client, content, name)
    assert response.status_code == 200
    roster_import = response.context["roster_import"]
    return client.post(apply_url(roster_import), follow=True)


# Reading and checking files, without HTTP ------------------------------------------------


class TestReadTable:
    def test_header_aliases_in_either_language_and_any_case(self):
        header = ["NAME", "username", "e-mail", "Library", "position", "Gender"]
        header += ["birth_year", "ROLE", "No. HP", "No."]
        table = roster.read_table(filename="x.csv", content=csv_bytes([], header=header) + b"a\r\n")
        assert set(table.columns) == {c.key for c in roster.COLUMNS}

    def test_bom_and_semicolons_as_indonesian_excel_writes_them(self):
        content = csv_bytes(GOOD_ROWS, delimiter=";", bom=True)
        table = roster.read_table(filename="roster.CSV", content=content)
        assert table.columns["name"] == 0
        assert table.rows[0] == (2, GOOD_ROWS[0])

    def test_blank_rows_are_skipped_but_rows_keep_their_spreadsheet_numbers(self):
        content = csv_bytes([GOOD_ROWS[0], [""] * 9, GOOD_ROWS[1]])
        table = roster.read_table(filename="roster.csv", content=content)
        assert [number for number, _cells in table.rows] == [2, 4]

    def test_xlsx_numbers_arrive_as_text(self):
        table = roster.read_table(filename="r.xlsx", content=xlsx_bytes(GOOD_ROWS[:1]))
        assert table.rows[0][1][table.columns["birth_year"]] == "1990"

    def test_5000_rows_are_read_and_5001_refused(self):
        rows = staff_rows(5001, library_code="x")
        table = roster.read_table(filename="big.csv", content=csv_bytes(rows[:5000]))
        assert len(table.rows) == 5000
        with pytest.raises(roster.RosterError) as refused:
            roster.read_table(filename="big.csv", content=csv_bytes(rows))
        assert "5" in refused.value.problems[0].message
        assert refused.value.is_file_problem

    def test_too_large_a_file_is_refused_before_reading(self, settings):
        settings.ROSTER_MAX_UPLOAD_BYTES = 100
        with pytest.raises(roster.RosterError) as refused:
            roster.read_table(filename="r.csv", content=csv_bytes(GOOD_ROWS))
        assert refused.value.problems[0].row is None

    def test_missing_columns_are_named(self):
        with pytest.raises(roster.RosterError) as refused:
            roster.read_table(filename="r.csv", content=csv_bytes([["x"]], header=["nama"]))
        message = refused.value.problems[0].message
        for key in ("library", "birth_year", "email"):
            assert str(roster.COLUMN_BY_KEY[key].label) in message


class TestPlanRoster:
    def plan(self, rows, editor=None):
        return roster.plan_roster(filename="r.csv", content=csv_bytes(rows), editor=editor)

    def problems(self, rows, editor=None) -> list[roster.Problem]:
        with pytest.raises(roster.RosterError) as refused:
            self.plan(rows, editor)
        return refused.value.problems

    def test_values_are_read_as_people_write_them(self, roster_libraries):
        plan = self.plan(GOOD_ROWS)
        sari, budi, dewi, ahmad, rina = plan.rows
        assert (sari.position, sari.gender, sari.role) == ("librarian", "female", Role.LEARNER)
        assert budi.library == roster_libraries["regency"]  # found by its name
        assert (budi.position, budi.gender, budi.role) == ("head", "male", Role.TRAINER)
        assert dewi.username == dewi.email == "dewi@example.org"  # derived from the email
        assert (ahmad.position, ahmad.email) == ("volunteer", "")
        assert rina.library == roster_libraries["village"]  # code in capitals
        assert (rina.position, rina.role) == ("staff", Role.PROGRAMME_ADMIN)
        assert [row.action for row in plan.rows] == [roster.Action.NEW] * 5

    def test_every_problem_of_a_row_is_reported_with_its_column(self, roster_libraries):
        bad = ["", "bad user!", "not-an-email", "nowhere", "astronaut", "X", "1850", "raja", "abc"]
        problems = self.problems([GOOD_ROWS[0], bad])
        assert {p.row for p in problems} == {3}
        assert {p.column for p in problems} == {
            "name",
            "username",
            "email",
            "library",
            "position",
            "gender",
            "birth_year",
            "role",
            "phone",
        }
        messages = {p.column: p.message for p in problems}
        assert messages["library"] == str(roster.ROW_UNKNOWN_LIBRARY % {"value": "nowhere"})
        label = roster.COLUMN_BY_KEY["name"].label
        assert messages["name"] == str(roster.ROW_MISSING_VALUE % {"column": label})

    def test_a_row_needs_a_username_or_an_email(self, roster_libraries):
        row = ["Tanpa Akun", "", "", "tunas-bangsa", "Staf", "P", "1990", "Peserta", ""]
        problems = self.problems([row])
        assert [(p.row, p.message) for p in problems] == [(2, str(roster.ROW_MISSING_USER))]

    def test_a_library_name_shared_by_two_libraries_is_ambiguous(self, roster_libraries):
        factories.library(code="tunas-bangsa-2", name="Perpustakaan Desa Tunas Bangsa")
        row = [*GOOD_ROWS[0][:3], "Perpustakaan Desa Tunas Bangsa", *GOOD_ROWS[0][4:]]
        (problem,) = self.problems([row])
        assert problem.column == "library"
        assert "tunas-bangsa, tunas-bangsa-2" in problem.message

    def test_duplicate_users_name_both_rows(self, roster_libraries):
        same_username = [*GOOD_ROWS[3][:1], "SARI.W", *GOOD_ROWS[3][2:]]
        same_email = [*GOOD_ROWS[1][:2], "Sari@Example.org", *GOOD_ROWS[1][3:]]
        problems = self.problems([GOOD_ROWS[0], same_username, same_email])
        assert [(p.row, p.column) for p in problems] == [(3, "username"), (4, "email")]
        assert problems[0].message == str(
            roster.ROW_DUPLICATE_USERNAME % {"value": "SARI.W", "first": 2, "row": 3}
        )
        assert "2" in problems[1].message and "4" in problems[1].message

    def test_an_email_of_another_account_is_refused(self, roster_libraries):
        factories.user(username="sari-lama", email="sari@example.org")
        (problem,) = self.problems([GOOD_ROWS[0]])
        assert (problem.row, problem.column) == (2, "email")
        assert "sari-lama" in problem.message

    def test_an_email_alone_finds_its_existing_account(self, roster_libraries):
        existing = factories.user(username="dewi-l", email="dewi@example.org")
        (row,) = self.plan([GOOD_ROWS[2]]).rows
        assert (row.user, row.username, row.action) == (existing, "dewi-l", roster.Action.UPDATE)

    def test_only_a_superuser_may_change_a_superuser(self, roster_libraries, programme_admin):
        root = User.objects.create_superuser("root", "root@example.org", "x")
        row = ["Root", "root", "", "tunas-bangsa", "Staf", "L", "1980", "Peserta", ""]
        (problem,) = self.problems([row], editor=programme_admin)
        assert problem.message == str(roster.ROW_SUPERUSER % {"value": "root"})
        assert self.plan([row], editor=root).rows[0].action == roster.Action.UPDATE

    def test_checking_costs_the_same_queries_for_10_or_200_rows(
        self, roster_libraries, django_assert_num_queries
    ):
        existing = factories.user(username="orang0", library=roster_libraries["village"])
        assert existing.username in {row[1] for row in staff_rows(10, library_code="x")}
        for size in (10, 200):
            content = csv_bytes(staff_rows(size, library_code="tunas-bangsa"))
            # libraries, accounts with profiles, role groups, role memberships
            with django_assert_num_queries(4):
                plan = roster.plan_roster(filename="r.csv", content=content, editor=None)
            assert len(plan.rows) == size


# The admin screens ----------------------------------------------------------------------


def test_upload_page_offers_the_form_help_and_template(admin_client):
    response = admin_client.get(UPLOAD_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'accept=".csv,.xlsx"' in html
    assert 'for="id_file"' in html
    assert reverse("lms_roster:template") in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_template_downloads_and_its_header_is_understood(admin_client):
    response = admin_client.get(reverse("lms_roster:template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = roster.read_table(filename="template.csv", content=response.content)
    assert set(table.columns) == {c.key for c in roster.COLUMNS}


def test_one_bad_row_imports_nothing_and_names_the_row(admin_client, roster_libraries):
    rows = [list(row) for row in GOOD_ROWS]
    rows[2][3] = "tidak-ada"  # spreadsheet row 4
    before = counts()

    response = preview(admin_client, csv_bytes(rows))

    assert response.status_code == 200
    assert counts() == before
    (problem,) = response.context["problems"]
    assert (problem.row, problem.column) == (4, "library")
    html = response.content.decode()
    assert in_ui_language(roster.ROW_UNKNOWN_LIBRARY, value="tidak-ada") in html
    assert 'id="roster-problems"' in html and 'id="roster-plan"' not in html


def test_preview_shows_the_planned_actions_and_writes_no_staff(admin_client, roster_libraries):
    factories.user(username="budi", first_name="Budi Santoso", email="budi@example.org")
    users_before = User.objects.count()

    response = preview(admin_client, csv_bytes(GOOD_ROWS))

    assert response.status_code == 200
    assert User.objects.count() == users_before
    roster_import = RosterImport.objects.get()
    assert roster_import.status == RosterImport.Status.PREVIEWED
    assert bytes(roster_import.content) == csv_bytes(GOOD_ROWS)
    plan = response.context["plan"]
    assert [row.action for row in plan.rows] == ["new", "update", "new", "new", "new"]
    html = response.content.decode()
    assert html.count('data-action="new"') == 4
    assert html.count('data-action="update"') == 1
    assert in_ui_language(roster.Action.NEW.label) in html
    assert in_ui_language(roster.Action.UPDATE.label) in html
    assert f'action="{apply_url(roster_import)}"' in html


def test_a_good_file_imports_every_row(admin_client, roster_libraries):
    users_before, profiles_before, _ = counts()

    response = import_file(admin_client, csv_bytes(GOOD_ROWS))

    assert response.redirect_chain[-1][0] == STAFF_LIST_URL
    assert User.objects.count() == users_before + 5
    assert StaffProfile.objects.count() == profiles_before + 5
    sari = User.objects.select_related("staff_profile").get(username="sari.w")
    assert (sari.first_name, sari.email) == ("Sari Wulandari", "sari@example.org")
    assert not sari.has_usable_password()
    profile = sari.staff_profile
    assert profile.library == roster_libraries["village"]
    assert (profile.position, profile.gender, profile.birth_year) == ("librarian", "female", 1990)
    assert profile.phone == "0812-3456-7890"
    expected_roles = {
        "sari.w": Role.LEARNER,
        "budi": Role.TRAINER,
        "dewi@example.org": Role.MENTOR,
        "ahmad": Role.LEARNER,
        "rina": Role.PROGRAMME_ADMIN,
    }
    for username, role in expected_roles.items():
        assert roles_of(User.objects.get(username=username)) == {role}
    roster_import = RosterImport.objects.get()
    assert roster_import.status == RosterImport.Status.APPLIED
    assert roster_import.applied_at is not None
    assert (roster_import.created_count, roster_import.updated_count) == (5, 0)
    (message,) = get_messages(response.wsgi_request)
    assert message.level_tag == "success"


def test_importing_the_same_file_again_changes_nothing(admin_client, roster_libraries):
    import_file(admin_client, csv_bytes(GOOD_ROWS))
    before = counts()
    stamps = dict(StaffProfile.objects.values_list("user__username", "updated_at"))

    response = preview(admin_client, csv_bytes(GOOD_ROWS))
    assert [row.action for row in response.context["plan"].rows] == ["unchanged"] * 5
    assert in_ui_language(roster.Action.UNCHANGED.label) in response.content.decode()
    admin_client.post(apply_url(response.context["roster_import"]))

    assert counts()[:2] == before[:2]
    assert dict(StaffProfile.objects.values_list("user__username", "updated_at")) == stamps
    second = RosterImport.objects.order_by("pk").last()
    assert (second.created_count, second.updated_count, second.unchanged_count) == (0, 0, 5)


def test_a_changed_row_updates_instead_of_duplicating(admin_client, roster_libraries):
    import_file(admin_client, csv_bytes(GOOD_ROWS))
    before = counts()
    untouched = StaffProfile.objects.get(user__username="budi").updated_at
    rows = [list(row) for row in GOOD_ROWS]
    rows[0][0], rows[0][4] = "Sari Wulandari Putri", "Kepala perpustakaan"

    response = preview(admin_client, csv_bytes(rows))
    sari_row = response.context["plan"].rows[0]
    assert sari_row.action == "update"
    assert sari_row.changed == ["name", "position"]
    admin_client.post(apply_url(response.context["roster_import"]))

    assert counts()[:2] == before[:2]
    sari = User.objects.get(username="sari.w")
    assert sari.first_name == "Sari Wulandari Putri"
    assert sari.staff_profile.position == "head"
    assert StaffProfile.objects.get(user__username="budi").updated_at == untouched
    latest = RosterImport.objects.order_by("pk").last()
    assert (latest.created_count, latest.updated_count, latest.unchanged_count) == (0, 1, 4)


def test_an_existing_account_keeps_its_other_groups(admin_client, roster_libraries):
    ahmad = factories.user(username="ahmad", role=Role.MENTOR, first_name="Ahmad Fauzi")
    import_file(admin_client, csv_bytes(GOOD_ROWS))
    ahmad = User.objects.get(pk=ahmad.pk)
    assert roles_of(ahmad) == {Role.MENTOR, Role.LEARNER}
    assert ahmad.has_usable_password()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", roster.FILE_EMPTY),
        ("blank.csv", b"\r\n ; \r\n", roster.FILE_EMPTY),
        ("header-only.csv", csv_bytes([]), roster.FILE_NO_ROWS),
        ("latin1.csv", csv_bytes([["José Peña", *GOOD_ROWS[0][1:]]], encoding="cp1252"), None),
        ("broken.xlsx", b"PK\x03\x04 this is not a workbook", roster.FILE_BAD_XLSX),
        ("roster.pdf", csv_bytes(GOOD_ROWS), None),
        ("roster.xls", b"\xd0\xcf\x11\xe0", None),
    ],
)
def test_file_problems_are_explained_and_nothing_is_kept(
    admin_client, roster_libraries, name, content, message
):
    before = counts()
    response = preview(admin_client, content, name)

    assert response.status_code == 200
    assert counts() == before
    (error,) = response.context["form"].errors["file"]
    if message is None:
        message = roster.FILE_NOT_UTF8 if name == "latin1.csv" else roster.FILE_WRONG_TYPE
    params = {"filename": name} if message is roster.FILE_WRONG_TYPE else {}
    with translation.override("id"):
        assert error == (str(message % params) if params else str(message))
    assert in_ui_language(message, **params) in response.content.decode()


def test_the_encoding_message_says_how_to_save_as_utf8():
    assert "CSV UTF-8" in str(roster.FILE_NOT_UTF8)


def test_missing_columns_are_named_on_the_page(admin_client, roster_libraries):
    header = [h for h in HEADER if h not in ("Perpustakaan", "Tahun Lahir")]
    content = csv_bytes([["a"] * len(header)], header=header)
    response = preview(admin_client, content)
    (error,) = response.context["form"].errors["file"]
    with translation.override("id"):
        labels = [str(roster.COLUMN_BY_KEY[key].label) for key in ("library", "birth_year")]
        assert error == str(roster.FILE_MISSING_COLUMNS % {"columns": ", ".join(labels)})


def test_too_large_a_file_is_refused_by_the_form(admin_client, roster_libraries, settings):
    settings.ROSTER_MAX_UPLOAD_BYTES = 100
    response = preview(admin_client, csv_bytes(GOOD_ROWS))
    assert response.context["form"].errors["file"]
    assert RosterImport.objects.count() == 0


def test_duplicate_username_in_the_file_names_both_rows(admin_client, roster_libraries):
    rows = [list(row) for row in GOOD_ROWS]
    rows[4][1] = "budi"  # row 6 repeats row 3's username
    before = counts()

    response = preview(admin_client, csv_bytes(rows))

    assert counts() == before
    (problem,) = response.context["problems"]
    assert (problem.row, problem.column) == (6, "username")
    expected = roster.ROW_DUPLICATE_USERNAME
    assert in_ui_language(expected, value="budi", first=3, row=6) in response.content.decode()


def test_xlsx_roster_imports(admin_client, roster_libraries):
    response = import_file(admin_client, xlsx_bytes(GOOD_ROWS), "roster.xlsx")
    assert response.status_code == 200
    assert set(
        User.objects.filter(staff_profile__library__isnull=False).values_list("username", flat=True)
    ) == {"sari.w", "budi", "dewi@example.org", "ahmad", "rina"}
    assert StaffProfile.objects.get(user__username="budi").birth_year == 1975


def test_semicolon_csv_with_bom_imports(admin_client, roster_libraries):
    import_file(admin_client, csv_bytes(GOOD_ROWS, delimiter=";", bom=True))
    assert StaffProfile.objects.filter(library__code="tunas-bangsa").count() == 4
    assert User.objects.get(username="budi").first_name == "Budi Santoso"


def test_confirming_twice_is_harmless(admin_client, roster_libraries):
    response = preview(admin_client, csv_bytes(GOOD_ROWS))
    url = apply_url(response.context["roster_import"])
    admin_client.post(url)
    after_first = counts()

    second = admin_client.post(url, follow=True)

    assert counts() == after_first
    assert second.redirect_chain[-1][0] == STAFF_LIST_URL
    *_first, message = get_messages(second.wsgi_request)
    assert message.level_tag == "warning"
    assert in_ui_language(services.ROSTER_ALREADY_APPLIED) in second.content.decode()
    roster_import = RosterImport.objects.get()
    assert (roster_import.created_count, roster_import.status) == (5, "applied")


def test_the_service_refuses_a_second_apply(roster_libraries, programme_admin):
    roster_import = services.roster_import_preview(
        uploaded_by=programme_admin, filename="r.csv", content=csv_bytes(GOOD_ROWS)
    )
    services.roster_import_apply(roster_import=roster_import, applied_by=programme_admin)
    with pytest.raises(services.RosterAlreadyApplied):
        services.roster_import_apply(roster_import=roster_import, applied_by=programme_admin)


def test_data_changed_since_the_preview_is_checked_again(admin_client, roster_libraries):
    response = preview(admin_client, csv_bytes(GOOD_ROWS))
    factories.user(username="sari-lama", email="sari@example.org")  # takes row 2's email
    before = counts()

    response = admin_client.post(apply_url(response.context["roster_import"]))

    assert response.status_code == 200
    assert counts() == before
    assert [(p.row, p.column) for p in response.context["problems"]] == [(2, "email")]
    assert RosterImport.objects.get().status == RosterImport.Status.PREVIEWED


@pytest.mark.parametrize("role", [Role.TRAINER, Role.MENTOR, Role.LEARNER])
def test_only_programme_admins_may_import(client, roster_libraries, programme_admin, role):
    roster_import = services.roster_import_preview(
        uploaded_by=programme_admin, filename="r.csv", content=csv_bytes(GOOD_ROWS)
    )
    person = factories.user(role=role)
    client.force_login(person)
    before = counts()

    responses = [
        client.get(UPLOAD_URL),
        client.post(UPLOAD_URL, {"file": upload(csv_bytes(GOOD_ROWS))}),
        client.get(apply_url(roster_import)),
        client.post(apply_url(roster_import)),
        client.get(reverse("lms_roster:template")),
    ]

    if role == Role.TRAINER:  # has the admin, but not this screen
        assert [r.status_code for r in responses] == [403] * 5
    else:  # not even the admin: sent to sign in
        assert {r.status_code for r in responses} == {302}
    assert counts() == before
    roster_import.refresh_from_db()
    assert roster_import.status == RosterImport.Status.PREVIEWED
    with pytest.raises(PermissionDenied):
        services.roster_import_apply(roster_import=roster_import, applied_by=person)


def test_anonymous_people_are_sent_to_the_admin_sign_in(client, roster_libraries):
    for response in (client.get(UPLOAD_URL), client.post(UPLOAD_URL)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_menu_item_is_shown_to_programme_admins_only(client, programme_admin):
    client.force_login(programme_admin)
    assert UPLOAD_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(factories.user(role=Role.TRAINER))
    assert UPLOAD_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
