"""Certificate PDFs: text a person (and a search) can read, embedded fonts, one page
whatever the name, a QR code that leads to the verification page, separate files from a
batch, the same text on every re-render, and the admin's live preview."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
import segno
from django.test import RequestFactory, override_settings
from pypdf import PdfReader
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from certificates import rendering
from certificates.models import CertificateTemplate, Signatory, TemplateLogo
from certificates.views.preview import template_preview_response
from tests.lms import factories as lms_factories

from . import factories

pytestmark = pytest.mark.django_db

MAX_BYTES = 60 * 1024
LONG_NAME = (
    "Raden Roro Siti Nurhaliza Kusumawardhani Puspitasari Rahmawati Anggraini Putri "
    "Maharani Dewi Sekar Ayu Wulandari binti Haji Muhammad Abdurrahman Soeryadiningrat"
)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def person(library, name: str):
    # Split near the middle: each part of a name has at most 150 characters in the database.
    words = name.split()
    half = max(1, len(words) // 2)
    first, last = " ".join(words[:half]), " ".join(words[half:])
    return lms_factories.user(library=library, first_name=first, last_name=last)


@pytest.fixture
def certificate(village_library, certificate_template):
    recipient = person(village_library, "Sari Wulandari")
    return factories.certificate(recipient=recipient, subject=village_library)


def test_the_pdf_reads_as_the_certificate_with_its_own_embedded_fonts(certificate):
    pdf = rendering.render_pdf(certificate)

    assert pages_of(pdf) == 1
    text = text_of(pdf)
    assert "Sari Wulandari" in text
    assert certificate.achievement_title in text
    assert certificate.code in text
    assert rendering.verify_url(certificate.code) in text
    assert "14 Mei 2026" in text  # the Indonesian template writes Indonesian dates
    assert "(12 jam)" in text
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
        # Only the app's own fonts: nothing picked up from the machine that rendered it.
        assert "Sebaya-" in font["/BaseFont"]
    assert len(pdf) < MAX_BYTES


def test_a_very_long_name_wraps_and_shrinks_but_the_certificate_stays_one_page(
    village_library, certificate_template
):
    assert len(LONG_NAME) >= 150
    recipient = person(village_library, LONG_NAME)
    certificate = factories.certificate(recipient=recipient, subject=village_library)

    pdf = rendering.render_pdf(certificate)

    assert pages_of(pdf) == 1
    assert LONG_NAME in text_of(pdf)
    assert rendering.name_size(LONG_NAME) > rendering.name_size("Sari Wulandari")


def test_portrait_templates_in_both_languages_print_both_texts(village_library):
    template = factories.template(
        name="Potret dua bahasa",
        orientation=CertificateTemplate.Orientation.PORTRAIT,
        language=CertificateTemplate.Language.BOTH,
    )
    recipient = person(village_library, "Budi Santoso")
    certificate = factories.certificate(
        recipient=recipient, subject=village_library, template_=template
    )

    pdf = rendering.render_pdf(certificate)

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert page.mediabox.width < page.mediabox.height
    text = text_of(pdf)
    assert "SERTIFIKAT" in text and "Certificate" in text
    assert "Diberikan kepada Budi Santoso" in text
    assert "Awarded to Budi Santoso" in text
    assert "14 Mei 2026" in text  # {date} in the Indonesian body…
    assert len(pdf) < MAX_BYTES


def test_an_english_template_writes_english_dates(village_library):
    template = factories.template(
        name="English only",
        language=CertificateTemplate.Language.ENGLISH,
        body_en="Awarded to {name} on {date} for {hours} hours.",
    )
    certificate = factories.certificate(
        recipient=person(village_library, "Dewi Lestari"),
        subject=village_library,
        template_=template,
        hours=Decimal("1.5"),
    )

    text = text_of(rendering.render_pdf(certificate))

    assert "Awarded to Dewi Lestari on 14 May 2026 for 1.5 hours." in text
    assert "Diberikan" not in text


def test_a_batch_gives_one_separate_pdf_per_certificate_in_order(
    village_library, certificate_template
):
    names = ["Agus Salim", "Ni Made Ayu Kusumawati", "Yohanes Manurung"]
    certificates = [
        factories.certificate(recipient=person(village_library, name), subject=village_library)
        for name in names
    ]

    # Two worker processes even for three: the forked path is what batches use.
    pdfs = rendering.render_pdfs(certificates, processes=2)

    assert len(pdfs) == 3
    for pdf, certificate, name in zip(pdfs, certificates, names, strict=True):
        assert pages_of(pdf) == 1
        text = text_of(pdf)
        assert name in text and certificate.code in text
        assert [other for other in names if other in text] == [name]
        assert len(pdf) < MAX_BYTES


def test_re_rendering_gives_the_same_pdf(certificate):
    first = rendering.render_pdf(certificate)
    again = rendering.render_pdf(certificate)
    (batched,) = rendering.render_pdfs([certificate])

    assert text_of(again) == text_of(first) == text_of(batched)
    assert again == first  # fixed identifier, no dates: byte for byte


def qr_grid(pdf: bytes) -> list[list[bool]]:
    """The QR code drawn on the page, read back from its PDF operators."""
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    drawing = content[content.rindex(" cm\n") :]
    runs = [tuple(map(float, run)) for run in re.findall(r"(\S+) (\S+) (\S+) 1 re", drawing)]
    size = int(max(y for _x, y, _w in runs)) + 1 + rendering.QR_BORDER
    grid = [[False] * size for _ in range(size)]
    for x, y, width in runs:
        for column in range(int(x), int(x + width)):
            grid[int(y)][column] = True
    return grid


def segno_grid(url: str) -> list[list[bool]]:
    qr = segno.make(url, error="m", micro=False)
    return [[bool(module) for module in row] for row in qr.matrix_iter(border=2)]


@override_settings(CERTIFICATE_ISSUER_URL="https://sebaya.example.id/")
def test_the_qr_code_on_the_page_encodes_the_public_verification_url(certificate):
    url = rendering.verify_url(certificate.code)
    assert url == f"https://sebaya.example.id/verifikasi/{certificate.code}/"

    grid = qr_grid(rendering.render_pdf(certificate))

    assert grid == segno_grid(url)
    assert grid != segno_grid(url.replace(certificate.code, "SBY-0000-0000-0000"))


def test_placeholders_are_filled_and_escaped(village_library):
    template = factories.template(
        name="Escaping", body="Untuk {name} dari {library}, {regency}: {achievement} {unknown"
    )
    certificate = factories.certificate(
        recipient=person(village_library, "Sari <b>Wulan</b>"),
        subject=village_library,
        template_=template,
        library_name="Perpustakaan & TBM",
    )

    html = rendering.Builder().certificate_html(certificate)

    assert "Sari &lt;b&gt;Wulan&lt;/b&gt;" in html and "<b>Wulan" not in html
    assert "Perpustakaan &amp; TBM" in html
    assert "{unknown" in html  # a broken placeholder prints as written, never crashes


def test_dates_and_hours_follow_the_language():
    assert rendering.format_date(date(2026, 5, 14), "id") == "14 Mei 2026"
    assert rendering.format_date(date(2026, 5, 14), "en") == "14 May 2026"
    assert rendering.format_hours(Decimal("12.0"), "id") == "12"
    assert rendering.format_hours(Decimal("1.5"), "id") == "1,5"
    assert rendering.format_hours(Decimal("1.5"), "en") == "1.5"
    assert rendering.format_hours(None, "id") == ""


def test_logos_signatures_and_background_are_embedded(village_library, certificate_template):
    image_model = get_image_model()
    image = image_model.objects.create(title="Logo", file=get_test_image_file())
    certificate_template.background = image
    certificate_template.save()
    TemplateLogo.objects.create(template=certificate_template, image=image)
    signatory = certificate_template.signatories.first()
    signatory.signature = image
    signatory.save()
    certificate = factories.certificate(
        recipient=person(village_library, "Rina Hasibuan"), subject=village_library
    )

    pdf = rendering.render_pdf(certificate)

    images = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/XObject"]
    assert len(images) >= 2  # the background, and the logo/signature (one image twice)
    assert "Rina Hasibuan" in text_of(pdf)


def unsaved_template() -> CertificateTemplate:
    template = CertificateTemplate(
        name="Belum disimpan",
        language=CertificateTemplate.Language.BOTH,
        title="Sertifikat",
        body="Diberikan kepada {name} atas {achievement}.",
        title_en="Certificate",
        body_en="Awarded to {name}.",
    )
    template.signatories = [Signatory(name="Ir. Bambang Supriyo", position="Ketua")]
    return template


def test_the_admin_preview_is_a_pdf_of_the_unsaved_template_with_sample_data(db):
    template = unsaved_template()

    response = template_preview_response(template)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    text = text_of(response.content)
    assert rendering.SAMPLE_NAME in text
    assert "Ir. Bambang Supriyo" in text
    assert template.pk is None  # previewing saves nothing


def test_wagtail_serves_the_preview_through_the_template(db, programme_admin):
    request = RequestFactory().get("/")
    request.user = programme_admin

    response = unsaved_template().serve_preview(request, "")

    assert response["Content-Type"] == "application/pdf"
    assert rendering.SAMPLE_NAME in text_of(response.content)


def test_a_batch_page_carries_only_the_images_it_shows(village_library, certificate_template):
    plain = factories.certificate(
        recipient=person(village_library, "Tanpa Gambar"), subject=village_library
    )
    pictured_template = factories.template(name="Dengan latar")
    pictured_template.background = get_image_model().objects.create(
        title="Latar", file=get_test_image_file()
    )
    pictured_template.save()
    pictured = factories.certificate(
        recipient=person(village_library, "Dengan Gambar"),
        subject=village_library,
        template_=pictured_template,
    )

    # One document holds both pages; each file keeps only what its own page draws.
    plain_pdf, pictured_pdf = rendering.render_pdfs([plain, pictured], processes=1)

    def images(pdf):
        return PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"].get("/XObject", {})

    assert len(images(pictured_pdf)) == 1
    assert len(images(plain_pdf)) == 0
    assert b"/Subtype /Image" not in plain_pdf
