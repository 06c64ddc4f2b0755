"""The generated materials: what each PDF says, and the jobs that make them."""

import datetime
import io
import re
import zipfile

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from pypdf import PdfReader
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from lms import achievements
from lms.models import Library
from lms.roles import Role
from peer_learning import materials
from peer_learning.materials import agenda, attendance, badges, certificates
from peer_learning.models import AgendaSession, CheckIn, MaterialJob, Registration, Story
from peer_learning.models.stories import StoryPhoto
from peer_learning.services import materials as service
from tests.lms import factories
from tests.peer_learning import builders

Kind = MaterialJob.Kind
Status = MaterialJob.Status
CERTIFICATES_APP = pytest.mark.skipif(
    not django_apps.is_installed("certificates"), reason="the certificates app is removed"
)


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def no_progress(done, total):
    assert 0 <= done <= total


@pytest.fixture
def organiser(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="panitia-kab")


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(
        organiser=regency_library,
        title="PBS Kabupaten Lumajang",
        slug="pbs-lumajang",
        days=2,
    )


@pytest.fixture
def two_regencies(village_library):
    """Two village libraries in another kabupaten of another province, and the fixture's."""
    other = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Batang")
    sodong = factories.library(
        name="Perpustakaan Desa Sodong", regency=other.regency, mentor_library=other
    )
    return [village_library, sodong]


# ---- What each PDF says --------------------------------------------------------------


def test_agenda_lists_sessions_in_time_order_day_by_day(meeting, village_library, learner):
    builders.session(meeting, day=1, start="13:00", end="14:00", title="Rencana tindak lanjut")
    later = builders.session(
        meeting,
        day=0,
        start="10:30",
        end="12:00",
        title="Kelas berbagi",
        room="Ruang B",
        kind=AgendaSession.Kind.SHARING_CLASS,
        speakers="Ibu Sri Wahyuni",
    )
    builders.session(
        meeting,
        day=0,
        start="08:00",
        end="09:00",
        title="Registrasi peserta",
        kind=AgendaSession.Kind.REGISTRATION,
    )
    Story.objects.create(
        meeting=meeting,
        library=village_library,
        author=learner,
        kind=Story.Kind.IMPACT,
        theme=Story.Theme.COMMUNITY,
        title="Kaos sablon Tlogosih",
        text="Cerita",
        status=Story.Status.ACCEPTED,
        session=later,
    )
    with translation.override("en"):
        text = " ".join(pdf_pages(agenda.render(meeting, no_progress)))
    order = [
        text.index(title)
        for title in ("Registrasi peserta", "Kelas berbagi", "Rencana tindak lanjut")
    ]
    assert order == sorted(order)
    assert text.index("Day 1") < order[0] < text.index("Day 2") < order[2]
    assert "08:00–09:00" in text and "Ruang B" in text and "Ibu Sri Wahyuni" in text
    assert "Sharing class" in text
    assert order[1] < text.index("Kaos sablon Tlogosih") < order[2]


def test_participant_list_groups_by_province_and_kabupaten_with_counts(meeting, two_regencies):
    people = builders.participants(meeting, 6, libraries=two_regencies)
    builders.participants(meeting, 2, libraries=two_regencies, role=Registration.Role.SPEAKER)
    builders.participants(
        meeting, 1, libraries=two_regencies, status=Registration.Status.WAITLISTED
    )
    with translation.override("en"):
        data = materials.render(Kind.PARTICIPANTS, meeting, no_progress)
    text = " ".join(pdf_pages(data))
    assert "Participants: 8" in text
    assert "Speaker (narasumber) 2" in text and "Participant 6" in text
    assert "Female 4" in text and "Male 4" in text
    assert "Village library 8" in text
    for library in two_regencies:
        assert str(library.regency) in text
        assert library.regency.province.name in text
    for registration in people:
        assert registration.user.first_name in text


def test_attendance_sheet_has_every_kabupaten_each_day_and_check_in_times(
    meeting, two_regencies, organiser
):
    first, second = builders.participants(meeting, 2, libraries=two_regencies)
    at = timezone.make_aware(datetime.datetime(2030, 5, 19, 7, 45))
    checkin = CheckIn.objects.create(
        registration=second, day=meeting.days[1], method=CheckIn.Method.MANUAL
    )
    CheckIn.objects.filter(pk=checkin.pk).update(at=at)
    with translation.override("en"):
        pages = pdf_pages(materials.render(Kind.ATTENDANCE, meeting, no_progress))
    # One page per kabupaten per day.
    assert len(pages) == 4
    for page in pages:
        assert "Signature" in page
    regencies = [str(library.regency) for library in two_regencies]
    for day, day_pages in (("Day 1", pages[:2]), ("Day 2", pages[2:])):
        assert all(day in page for page in day_pages)
        assert {regency for regency in regencies for page in day_pages if regency in page} == set(
            regencies
        )
    day2_page = next(p for p in pages[2:] if second.user.first_name in p)
    assert "07:45" in day2_page
    assert str(second.library.regency) in day2_page
    assert not any("07:45" in page for page in pages[:2])
    assert first.user.first_name in " ".join(pages[:2])


def test_big_attendance_sheets_are_laid_out_day_by_day_in_parallel(
    meeting, two_regencies, monkeypatch
):
    people = builders.participants(meeting, 3, libraries=two_regencies)
    monkeypatch.setattr(attendance, "PARALLEL_FROM_ROWS", 1)
    steps = []
    data = attendance.render(meeting, lambda done, total: steps.append((done, total)))
    pages = pdf_pages(data)
    assert len(pages) == 4
    for registration in people:
        assert sum(registration.user.first_name in page for page in pages) == 2
    assert steps[-1] == (4, 4)


def test_badges_fit_eight_to_a_sheet_with_every_name(meeting, village_library):
    people = builders.participants(meeting, 20, libraries=[village_library])
    long_name = "Raden Ajeng " + " ".join(["Kusumawardhani Prawirodirdjo"] * 5)
    # Over 150 characters: the database keeps it as first and last name.
    words = long_name.split()
    people[3].user.first_name, people[3].user.last_name = " ".join(words[:6]), " ".join(words[6:])
    people[3].user.save()
    steps = []
    pages = pdf_pages(badges.render(meeting, lambda done, total: steps.append((done, total))))
    assert len(pages) == 3
    text = " ".join(pages)
    for registration in people[:3] + people[4:]:
        assert registration.user.first_name in text
        assert registration.code in text
    assert "Raden Ajeng Kusumawardhani" in text
    assert steps[-1][0] == steps[-1][1] and steps[0][0] == 0


def test_badge_qr_opens_the_meetings_check_in_with_the_code(meeting, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sebaya.example/"
    url = badges.checkin_url(meeting_id=meeting.pk, code="PABCD2345")
    assert url == f"https://sebaya.example/pbs/{meeting.pk}/hadir/?kode=PABCD2345"
    svg = badges.qr_svg(url)
    assert svg.startswith('<svg class="qr-svg" ') and "<path" in svg


def test_long_names_print_smaller():
    assert badges.name_size("Sari") == 1
    assert badges.name_size("x" * 60) < badges.name_size("x" * 200)


def test_story_book_has_cover_contents_with_page_numbers_and_stories(
    meeting, two_regencies, learner
):
    image = Image.objects.create(title="Lapak", file=get_test_image_file())
    stories = []
    for library, theme, title in (
        (two_regencies[0], Story.Theme.ICT, "Kelas komputer ibu-ibu PKK"),
        (two_regencies[1], Story.Theme.COMMUNITY, "Dupa herbal Tianyar"),
        (two_regencies[0], Story.Theme.COMMUNITY, "Kaos sablon Tlogosih"),
    ):
        stories.append(
            Story.objects.create(
                meeting=meeting,
                library=library,
                author=learner,
                kind=Story.Kind.OBSTACLE,
                theme=theme,
                title=title,
                text="Awalnya sulit.\n\nLalu berhasil.",
                solution="Belajar bersama.",
                beneficiaries_female=12,
                beneficiaries_male=5,
                status=Story.Status.ACCEPTED,
            )
        )
    StoryPhoto.objects.create(story=stories[0], image=image, caption="Foto kelas")
    Story.objects.create(
        meeting=meeting,
        library=two_regencies[0],
        author=learner,
        kind=Story.Kind.IMPACT,
        theme=Story.Theme.OTHER,
        title="Masih draf",
        text="-",
    )
    with translation.override("en"):
        data = materials.render(Kind.STORY_BOOK, meeting, no_progress)
    pages = pdf_pages(data)
    assert meeting.title in pages[0] and meeting.theme in pages[0] and "3 stories" in pages[0]
    assert "Contents" in pages[1]
    for story in stories:
        assert story.title in pages[1]
        # The page number the contents give is the page the story is on.
        number = int(re.search(re.escape(story.title) + r" — [^.]+?\.+ ?(\d+)", pages[1])[1])
        assert story.title in pages[number - 1]
    text = " ".join(pages)
    assert "Masih draf" not in text
    assert "Women: 12" in text and "Men: 5" in text and "Total: 17" in text
    assert "Foto kelas" in text
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data


def test_certificates_come_from_the_certificates_app(meeting, organiser, monkeypatch):
    calls = []
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("sari-SBY-1.pdf", b"%PDF-1.7")

    def certificate_bundle(*, kind, subject, requested_by):
        calls.append((kind, subject.pk, requested_by))
        return bundle.getvalue()

    monkeypatch.setattr(achievements, "certificates_available", lambda: True)
    monkeypatch.setattr(achievements, "certificate_bundle", certificate_bundle)
    data = materials.render(Kind.CERTIFICATES, meeting, no_progress, requested_by=organiser)
    assert data == bundle.getvalue()
    assert calls == [("plm_attendance", meeting.pk, organiser)]


@CERTIFICATES_APP
def test_no_certificates_before_anybody_attended(meeting, organiser):
    assert Kind.CERTIFICATES in materials.available_kinds()  # the certificates app is here
    job = MaterialJob.objects.create(
        meeting=meeting, kind=Kind.CERTIFICATES, requested_by=organiser
    )
    with translation.override("en"):
        job = service.material_run(job=job)
        assert job.error == str(certificates.NOBODY_ATTENDED)
    assert job.status == Status.FAILED


def test_without_a_certificates_app_certificates_are_not_offered(
    meeting, programme_admin, monkeypatch
):
    monkeypatch.setattr(achievements, "certificates_available", lambda: False)
    assert Kind.CERTIFICATES not in materials.available_kinds()
    with pytest.raises(ValidationError):
        service.material_request(
            meeting=meeting, kind=Kind.CERTIFICATES, requested_by=programme_admin
        )
    job = MaterialJob.objects.create(meeting=meeting, kind=Kind.CERTIFICATES)
    with translation.override("en"):
        job = service.material_run(job=job)
        assert job.error == str(certificates.NOT_AVAILABLE)
    assert job.status == Status.FAILED


# ---- Jobs --------------------------------------------------------------------------


def test_a_requested_material_is_made_in_the_background(
    meeting, organiser, village_library, django_capture_on_commit_callbacks
):
    builders.session(meeting, title="Pembukaan")
    with django_capture_on_commit_callbacks(execute=True):
        job = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    job.refresh_from_db()
    assert job.status == Status.FINISHED, job.error
    assert job.file.name.endswith("pbs-lumajang-agenda.pdf")
    assert job.seconds > 0 and job.finished_at and job.started_at
    assert job.percent == 100 and job.done == job.total > 0
    assert "Pembukaan" in " ".join(pdf_pages(job.file.read()))


def test_asking_twice_while_waiting_returns_the_same_job(
    meeting, organiser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = service.material_request(meeting=meeting, kind=Kind.BADGES, requested_by=organiser)
        second = service.material_request(meeting=meeting, kind=Kind.BADGES, requested_by=organiser)
    assert first.pk == second.pk
    assert len(callbacks) == 1
    assert MaterialJob.objects.filter(meeting=meeting).count() == 1
    other = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    assert other.pk != first.pk


def test_a_lost_job_does_not_block_a_new_request(meeting, organiser):
    stuck = MaterialJob.objects.create(meeting=meeting, kind=Kind.AGENDA, status=Status.RUNNING)
    MaterialJob.objects.filter(pk=stuck.pk).update(
        started_at=timezone.now() - service.STALE_AFTER - datetime.timedelta(minutes=1)
    )
    job = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    assert job.pk != stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == Status.FAILED and stuck.error == str(service.ABANDONED)


def test_a_failing_material_is_recorded_and_a_retry_succeeds(
    meeting, organiser, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        good = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    good.refresh_from_db()
    assert good.status == Status.FINISHED

    def broken(meeting, progress):
        progress(1, 4)
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(agenda, "render", broken)
    with django_capture_on_commit_callbacks(execute=True):
        failed = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    failed.refresh_from_db()
    assert failed.status == Status.FAILED
    assert failed.error == "layout exploded" and not failed.file
    good.refresh_from_db()
    assert good.file and good.file.read().startswith(b"%PDF")  # still downloadable

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retry = service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    retry.refresh_from_db()
    assert retry.pk not in (good.pk, failed.pk)
    assert retry.status == Status.FINISHED
    good.refresh_from_db()
    assert not good.file  # replaced by the newer file


def test_the_package_zips_every_other_material_making_the_missing_ones(
    meeting, organiser, village_library, django_capture_on_commit_callbacks
):
    builders.participants(meeting, 3, libraries=[village_library])
    with django_capture_on_commit_callbacks(execute=True):
        service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    agenda_job = MaterialJob.objects.get(kind=Kind.AGENDA)
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        package = service.material_request(
            meeting=meeting, kind=Kind.PACKAGE, requested_by=organiser
        )
    package.refresh_from_db()
    assert package.status == Status.FINISHED, package.error
    assert package.file.name.endswith("pbs-lumajang-package.zip")
    with zipfile.ZipFile(io.BytesIO(package.file.read())) as archive:
        names = set(archive.namelist())
        assert archive.read("pbs-lumajang-agenda.pdf") == agenda_job.file.open("rb").read()
        assert "pbs-lumajang-badges.pdf" in names
        readme = archive.read("README.txt").decode()
    if django_apps.is_installed("certificates"):
        assert "Nobody has checked in yet" in readme  # no certificates yet
    assert names == {
        "README.txt",
        *(
            f"pbs-lumajang-{kind}.pdf"
            for kind in ("agenda", "participants", "attendance", "badges", "story_book")
        ),
    }
    # The agenda was reused, the others were made (and are listed as jobs of their own).
    assert MaterialJob.objects.filter(kind=Kind.AGENDA).count() == 1
    assert MaterialJob.objects.filter(status=Status.FINISHED).count() == 6


def test_the_package_leaves_out_certificates_that_cannot_be_made(meeting, organiser, monkeypatch):
    monkeypatch.setattr(achievements, "certificates_available", lambda: True)
    monkeypatch.setattr(achievements, "certificate_bundle", lambda **kwargs: None)
    with translation.override("en"):
        job = MaterialJob.objects.create(meeting=meeting, kind=Kind.PACKAGE, requested_by=organiser)
        job = service.material_run(job=job)
    assert job.status == Status.FINISHED, job.error
    with zipfile.ZipFile(io.BytesIO(job.file.read())) as archive:
        readme = archive.read("README.txt").decode()
        assert not any(name.endswith(".zip") for name in archive.namelist())
    assert "Left out: Certificates of attendance" in readme
    assert MaterialJob.objects.get(kind=Kind.CERTIFICATES).status == Status.FAILED


def test_a_failing_part_fails_the_package(meeting, organiser, monkeypatch):
    monkeypatch.setattr(badges, "render", lambda meeting, progress: 1 / 0)
    job = MaterialJob.objects.create(meeting=meeting, kind=Kind.PACKAGE, requested_by=organiser)
    with translation.override("en"):
        job = service.material_run(job=job)
    assert job.status == Status.FAILED
    assert job.error.startswith("Name badges could not be made: division by zero")


def test_only_organisers_request_materials(meeting, learner, village_library):
    other_mentor = factories.user(role=Role.MENTOR, library=village_library)
    for user in (learner, other_mentor):
        with pytest.raises(PermissionDenied):
            service.material_request(meeting=meeting, kind=Kind.AGENDA, requested_by=user)
    assert not MaterialJob.objects.exists()


def test_unknown_materials_are_refused(meeting, programme_admin):
    with pytest.raises(ValidationError):
        service.material_request(meeting=meeting, kind="poster", requested_by=programme_admin)


def test_a_job_is_run_once(meeting, organiser):
    job = MaterialJob.objects.create(meeting=meeting, kind=Kind.AGENDA, requested_by=organiser)
    service.material_run(job=job)
    finished_at = MaterialJob.objects.get(pk=job.pk).finished_at
    again = service.material_run(job=MaterialJob.objects.get(pk=job.pk))
    assert again.finished_at == finished_at


@CERTIFICATES_APP
def test_certificates_of_attendance_through_the_certificates_app(
    meeting, organiser, village_library
):
    from tests.certificates import factories as certificate_factories

    certificate_factories.rule(kind="plm_attendance")
    first, _second = builders.participants(meeting, 2, libraries=[village_library])
    CheckIn.objects.create(registration=first, day=meeting.starts_on, method=CheckIn.Method.CODE)
    job = MaterialJob.objects.create(
        meeting=meeting, kind=Kind.CERTIFICATES, requested_by=organiser
    )
    job = service.material_run(job=job)
    assert job.status == Status.FINISHED, job.error
    assert job.file.name.endswith("pbs-lumajang-certificates.zip")
    with zipfile.ZipFile(io.BytesIO(job.file.read())) as archive:
        names = archive.namelist()
    assert len(names) == 1 and names[0].endswith(".pdf")


# ---- Cost ----------------------------------------------------------------------------


class _LaidOut:
    """Stands in for a WeasyPrint document: the reads and the HTML are what is measured."""

    pages: list = []

    def copy(self, pages):
        return self

    def write_pdf(self):
        return b"%PDF-1.7 stand-in"


def material_queries(monkeypatch, meeting, kind) -> int:
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from peer_learning.materials import common

    def fill_only(template, contexts, stylesheets, **kwargs):
        contexts = contexts if isinstance(contexts, list) else [contexts]
        for context in contexts:
            render_to_string(template, context)
        return b"%PDF-1.7 stand-in"

    monkeypatch.setattr(common, "layout", lambda html, stylesheets: _LaidOut())
    monkeypatch.setattr(common, "render_pdf", fill_only)
    monkeypatch.setattr(common, "render_parts", fill_only)
    with CaptureQueriesContext(connection) as captured:
        materials.render(kind, meeting, no_progress)
    return len(captured)


@pytest.mark.parametrize("kind", [Kind.PARTICIPANTS, Kind.ATTENDANCE, Kind.BADGES])
def test_lists_of_people_cost_the_same_for_30_and_350(
    monkeypatch, regency_library, two_regencies, kind
):
    costs = []
    for n in (30, 350):
        meeting = builders.meeting(organiser=regency_library, days=3, capacity=400)
        people = builders.participants(meeting, n, libraries=two_regencies)
        CheckIn.objects.bulk_create(
            [
                CheckIn(registration=r, day=day, method=CheckIn.Method.MANUAL)
                for r in people[::2]
                for day in meeting.days[:2]
            ]
        )
        costs.append(material_queries(monkeypatch, meeting, kind))
    assert costs[0] == costs[1]
    assert costs[0] <= 5
