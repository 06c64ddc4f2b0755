"""Certificate PDFs: HTML filled from the certificate and its template, laid out by WeasyPrint.

What a template's certificates share (texts, labels in the template's language, images
as data URIs) is read in the calling process, where the database is; everything after
that needs no database. A batch is laid out as a few multi-page documents in forked
worker processes that share fonts and styles, and every page is written out as its own
PDF keeping only the fonts and images that page uses. The QR code is segno's SVG path,
drawn into its box as PDF vector operators after layout (a tenth of the cost of
WeasyPrint's SVG renderer). `import weasyprint` takes about a second, so it happens
only when a PDF is rendered, never when a web process starts.
"""

from __future__ import annotations

import base64
import hashlib
import io
import math
import mimetypes
import os
import re
import string
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from lms import typesetting

APP_DIR = Path(__file__).resolve().parent
CSS_PATH = APP_DIR / "templates" / "certificates" / "pdf" / "certificate.css"
SECTION_TEMPLATE = "certificates/pdf/certificate.html"
DOCUMENT_TEMPLATE = "certificates/pdf/document.html"

# Printed labels, in the language(s) of the template.
CODE_LABEL = _("Certificate code")
VERIFY_LABEL = _("Verify at")
SAMPLE_ACHIEVEMENT = _("Digital literacy training for library staff")
SAMPLE_LIBRARY = _("Sukamaju Village Library")
SAMPLE_REGENCY = _("Bandung Regency")
# A name is a name in every language: the sample is not translated.
SAMPLE_NAME = "Siti Nurhaliza Rahmawati"
SAMPLE_CODE = "SBY-0000-0000-0000"

# Wagtail rendition specs of the images a template uses.
BACKGROUND_SPEC = "max-1600x1600|format-jpeg|jpegquality-70"
LOGO_SPEC = "height-180"
SIGNATURE_SPEC = "max-600x200"

QR_BORDER = 2  # modules of quiet zone around the QR code, inside its white box

# Longer names print smaller (classes name-1 … name-5 of certificate.css): a name of
# 200 characters stays within three lines, so the certificate stays one page.
NAME_SIZES = ((32, 1), (50, 2), (80, 3), (130, 4))
LONG_BODY = 420  # characters of text from which the body prints smaller

# Batches: pages per WeasyPrint document (they share font subsetting and set-up), and
# fewer certificates than this per process are not worth a fork.
PAGES_PER_DOCUMENT = 25
MIN_PAGES_PER_PROCESS = 8


class RenderError(Exception):
    pass


# ---- Filling the text --------------------------------------------------------------


@dataclass(frozen=True)
class Values:
    """What the placeholders of one certificate are filled with."""

    name: str
    achievement: str
    library: str
    regency: str
    achieved_on: date
    hours: Decimal | None
    code: str

    @classmethod
    def of(cls, certificate) -> Values:
        return cls(
            name=certificate.recipient_name,
            achievement=certificate.achievement_title,
            library=certificate.library_name,
            regency=certificate.regency_name,
            achieved_on=certificate.achieved_on,
            hours=certificate.hours,
            code=certificate.code,
        )

    @classmethod
    def sample(cls) -> Values:
        return cls(
            name=SAMPLE_NAME,
            achievement=str(SAMPLE_ACHIEVEMENT),
            library=str(SAMPLE_LIBRARY),
            regency=str(SAMPLE_REGENCY),
            achieved_on=timezone.localdate(),
            hours=Decimal(12),
            code=SAMPLE_CODE,
        )


def format_date(day: date, lang: str) -> str:
    """ "14 Mei 2026" in Indonesian, "14 May 2026" in English."""
    with translation.override(lang):
        return dateformat.format(day, "j F Y")


def format_hours(hours: Decimal | None, lang: str) -> str:
    if hours is None:
        return ""
    hours = Decimal(hours)
    text = str(hours.quantize(Decimal(1)) if hours == hours.to_integral_value() else hours)
    return text.replace(".", ",") if lang == "id" else text


_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def fill(text: str, values: Values, lang: str) -> list[SafeString]:
    """The template text as escaped HTML paragraphs, placeholders filled. Paragraphs are
    separated by an empty line; an unknown placeholder is printed as written."""
    filled = {
        "name": values.name,
        "achievement": values.achievement,
        "library": values.library,
        "regency": values.regency,
        "date": format_date(values.achieved_on, lang),
        "hours": format_hours(values.hours, lang),
        "code": values.code,
    }
    try:
        parts = [
            (literal, field) for literal, field, _spec, _conv in string.Formatter().parse(text)
        ]
    except ValueError:  # an unmatched brace: only an unsaved preview can have one
        parts, start = [], 0
        for match in _PLACEHOLDER.finditer(text):
            parts.append((text[start : match.start()], match[1]))
            start = match.end()
        parts.append((text[start:], None))
    html = []
    for literal, field in parts:
        html.append(escape(literal))
        if field is not None:
            html.append(escape(filled.get(field, f"{{{field}}}")))
    paragraphs = re.split(r"\n\s*\n", "".join(html).strip())
    return [mark_safe(p.strip().replace("\n", "<br>")) for p in paragraphs if p.strip()]


def name_size(name: str) -> int:
    for limit, size in NAME_SIZES:
        if len(name) <= limit:
            return size
    return len(NAME_SIZES) + 1


# ---- QR code -----------------------------------------------------------------------


def verify_url(code: str) -> str:
    """The public verification page of a certificate: what its QR code encodes."""
    base = settings.CERTIFICATE_ISSUER_URL.rstrip("/")
    return base + reverse("certificates:verify", args=[code])


def qr_anchor(code: str) -> str:
    """The HTML id of the box the QR code of a certificate is drawn in."""
    return f"qr-{code}"


def qr_path(url: str) -> str:
    """segno's SVG path data of the QR code: one horizontal line per run of dark modules,
    one unit wide, on a grid with a quiet zone of QR_BORDER modules."""
    import segno

    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(border=QR_BORDER, omitsize=True)
    return re.search(r' d="([^"]+)"', svg).group(1)


_PATH_COMMAND = re.compile(r"([MmHh])\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?")


def qr_modules(path: str) -> tuple[int, list[tuple[float, float, float]]]:
    """The dark runs (x, y of the top edge, length) an SVG QR path of segno draws, and the
    width of its grid in modules."""
    x = y = 0.0
    runs = []
    for command, first, second in _PATH_COMMAND.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:  # a horizontal stroke, one module wide, centred on y
            length = float(first) if command == "h" else float(first) - x
            runs.append((x, y - 0.5, length))
            x += length
    # The bottom row always has dark modules (a finder pattern), then the quiet zone.
    size = int(max(y for _x, y, _length in runs)) + 1 + QR_BORDER if runs else 0
    return size, runs


def qr_operators(path: str, box: tuple[float, float, float, float]) -> bytes:
    """PDF operators filling the QR code's dark modules into `box` (x, y, width, height
    in points, from the bottom left), as one path: vector, no seams between modules."""
    size, runs = qr_modules(path)
    x, y, width, height = box
    module = min(width, height) / size
    fmt = "{:g} {:g} {:g} 1 re".format
    ops = [f"q 0 g {module:.5f} 0 0 {-module:.5f} {x:.3f} {y + height:.3f} cm"]
    ops += [fmt(rx, ry, length) for rx, ry, length in runs]
    ops.append("f Q")
    return "\n".join(ops).encode()


# ---- Building the HTML (in the calling process) ------------------------------------


def _languages(template) -> list[str]:
    return {"id": ["id"], "en": ["en"]}.get(template.language, ["id", "en"])


def _label(label, languages: list[str]) -> str:
    texts = []
    for lang in languages:
        with translation.override(lang):
            texts.append(str(label))
    return " / ".join(dict.fromkeys(texts))


class Builder:
    """Reads what the certificates of a template share (text, labels, images) once
    however many certificates use it. Needs the database; what it returns does not."""

    def __init__(self):
        self._images: dict[tuple[int, str], str] = {}
        self._pages: dict[tuple, dict] = {}

    def image(self, image, spec: str) -> str:
        if image is None:
            return ""
        key = (image.pk, spec)
        if key not in self._images:
            rendition = image.get_rendition(spec)
            with rendition.file.open("rb") as handle:
                data = handle.read()
            mime = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
            self._images[key] = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        return self._images[key]

    def page(self, template) -> dict:
        """What every certificate of a template shares, as plain data."""
        key = ("saved", template.pk) if template.pk is not None else ("unsaved", id(template))
        if key in self._pages:
            return self._pages[key]
        languages = _languages(template)
        titles = {"id": template.title, "en": template.title_en}
        page = {
            "orientation": template.orientation,
            "lang": languages[0],
            "languages": languages,
            "issuer": template.issuer_name,
            "titles": [
                {"text": titles[lang], "css": "title" if i == 0 else "title-second"}
                for i, lang in enumerate(languages)
                if titles[lang]
            ],
            "background": self.image(template.background, BACKGROUND_SPEC),
            "logos": [self.image(logo.image, LOGO_SPEC) for logo in template.logos.all()],
            "signatories": [
                {
                    "name": s.name,
                    "position": s.position,
                    "signature": self.image(s.signature, SIGNATURE_SPEC),
                }
                for s in list(template.signatories.all())[:3]
            ],
            "code_label": _label(CODE_LABEL, languages),
            "verify_label": _label(VERIFY_LABEL, languages),
            "bodies": {"id": template.body, "en": template.body_en},
        }
        self._pages[key] = page
        return page

    def items(self, certificates) -> list[tuple[dict, Values]]:
        return [(self.page(c.template), Values.of(c)) for c in certificates]

    def certificate_html(self, certificate) -> str:
        """The whole HTML document of one certificate."""
        return document_html(self.items([certificate]))


def section_html(page: dict, values: Values) -> str:
    """One certificate's <section> (one page). Needs no database."""
    bodies = []
    for i, lang in enumerate(page["languages"]):
        paragraphs = fill(page["bodies"][lang], values, lang)
        if not paragraphs:
            continue
        long = sum(len(p) for p in paragraphs) > LONG_BODY
        css = ("body-first" if i == 0 else "body-second") + (" body-long" if long else "")
        bodies.append({"paragraphs": paragraphs, "css": css})
    url = verify_url(values.code)
    return render_to_string(
        SECTION_TEMPLATE,
        {
            "page": page,
            "name": values.name,
            "name_size": name_size(values.name),
            "bodies": bodies,
            "code": values.code,
            "verify_url": url,
            "qr_anchor": qr_anchor(values.code),
        },
    )


def _title(values: Values) -> str:
    return f"{values.name} · {values.code}"


def document_html(items: list[tuple[dict, Values]]) -> str:
    """An HTML document of one page per certificate."""
    sections = [section_html(page, values) for page, values in items]
    page, values = items[0]
    return render_to_string(
        DOCUMENT_TEMPLATE,
        {
            "sections": mark_safe("".join(sections)),
            "lang": page["lang"],
            "title": _title(values) if len(items) == 1 else "",
        },
    )


# ---- WeasyPrint (in whichever process renders) ------------------------------------


def layout(html: str):
    """Lays out an HTML document with this process's fonts and the certificate stylesheet."""
    return typesetting.layout(html, [CSS_PATH])


def _identifier(code: str) -> bytes:
    # The same certificate always gets the same PDF identifier.
    return hashlib.md5(code.encode(), usedforsecurity=False).hexdigest().encode()


_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]+)")
_PRUNED = ("/Font", "/XObject", "/ExtGState", "/Pattern", "/Shading", "/ColorSpace")


def _keep_used_resources(page, content: bytes) -> None:
    """Gives the page its own resources with only what its content draws: WeasyPrint
    shares one resource dictionary between all pages of a document, so without this each
    split page would carry every other page's images."""
    from pypdf.generic import DictionaryObject, NameObject

    used = {b"/" + name for name in _NAME.findall(content)}
    own = DictionaryObject()
    for key, value in page["/Resources"].get_object().items():
        value = value.get_object()
        if key in _PRUNED and isinstance(value, DictionaryObject):
            value = DictionaryObject(
                {NameObject(k): v for k, v in value.items() if k.encode() in used}
            )
        own[NameObject(key)] = value
    page[NameObject("/Resources")] = own


def split_pdf(pdf: bytes, codes: list[str], qr_boxes: list, qr_paths: list[str]) -> list[bytes]:
    """One PDF per page of a laid-out document, each with only the fonts and images its
    page uses, and its QR code drawn in its box."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, StreamObject

    reader = PdfReader(io.BytesIO(pdf))
    files = []
    for page, code, box, path in zip(reader.pages, codes, qr_boxes, qr_paths, strict=True):
        content = page.get_contents().get_data()
        _keep_used_resources(page, content)
        writer = PdfWriter()
        page = writer.add_page(page)
        # WeasyPrint's drawing is wrapped in q/Q so the QR code starts from the page's
        # own coordinates whatever state WeasyPrint leaves.
        stream = StreamObject()
        stream.set_data(b"q\n" + content + b"\nQ\n" + qr_operators(path, box))
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
        writer.add_metadata({"/Producer": "Sebaya (WeasyPrint, pypdf)", "/Title": code})
        identifier = ByteStringObject(_identifier(code))
        writer._ID = ArrayObject([identifier, identifier])  # the same on every re-render
        out = io.BytesIO()
        writer.write(out)
        files.append(out.getvalue())
    return files


def render_document(items: list[tuple[dict, Values]]) -> list[bytes]:
    """Renders certificates as one document of one page each and splits it into one PDF
    per certificate. Needs no database, so it runs in worker processes."""
    typesetting.collect_between_documents()
    codes = [values.code for _page, values in items]
    document = layout(document_html(items))
    if len(document.pages) != len(codes):
        raise RenderError(
            f"{len(codes)} certificates were laid out as {len(document.pages)} pages: "
            "a certificate did not fit on one page."
        )
    boxes = []
    for number, (page, code) in enumerate(zip(document.pages, codes, strict=True), 1):
        if qr_anchor(code) not in page.anchors:
            raise RenderError(f"Page {number} is not the certificate {code}.")
        # Anchors are in CSS pixels from the top left; PDF points run from the bottom.
        x1, y1, x2, y2 = (v * 0.75 for v in page.anchors[qr_anchor(code)])
        boxes.append((x1, page.height * 0.75 - y2, x2 - x1, y2 - y1))
    paths = [qr_path(verify_url(code)) for code in codes]
    return split_pdf(document.write_pdf(), codes, boxes, paths)


# ---- The API the app calls --------------------------------------------------------


def render_pdf(certificate) -> bytes:
    """One certificate, one PDF."""
    return _render([certificate], processes=1)[0]


def render_pdfs(certificates, *, processes: int | None = None) -> list[bytes]:
    """Many certificates, one separate single-page PDF each, in the same order.

    Templates and images are read here; the HTML is built and laid out, as documents of
    up to PAGES_PER_DOCUMENT pages, in `processes` forked workers (default: one per CPU
    when there is enough work) that never touch the database."""
    return _render(list(certificates), processes=processes)


def _render(certificates: list, *, processes: int | None) -> list[bytes]:
    if not certificates:
        return []
    count = len(certificates)
    if processes is None:
        processes = min(os.cpu_count() or 1, math.ceil(count / MIN_PAGES_PER_PROCESS))
    if not typesetting.can_fork():
        processes = 1
    processes = max(1, min(processes, count))
    per_document = max(1, min(PAGES_PER_DOCUMENT, math.ceil(count / processes)))
    builder = Builder()
    jobs = (
        builder.items(certificates[start : start + per_document])
        for start in range(0, count, per_document)
    )
    if processes == 1:
        return [pdf for job in jobs for pdf in render_document(job)]
    # Imported here so that forked workers inherit them instead of each importing them.
    import pypdf  # noqa: F401
    import segno  # noqa: F401

    with typesetting.worker_pool(processes, [CSS_PATH]) as pool:
        # A document is queued as soon as its certificates are read: workers start
        # laying out while this process reads the rest.
        pending = [pool.apply_async(render_document, (job,)) for job in jobs]
        return [pdf for result in pending for pdf in result.get()]


def render_sample(template) -> bytes:
    """A PDF of the template filled with sample data, for the admin preview. The template
    may be unsaved (the admin form's instance): its logos and signatories are read from
    memory."""
    page = Builder().page(template)
    return render_document([(page, Values.sample())])[0]
