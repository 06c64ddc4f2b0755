"""What every generated material shares: WeasyPrint with the platform's fonts (through
`lms.typesetting`), and the package ZIP.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from django.template.loader import render_to_string

from lms import typesetting

CSS_DIR = Path(__file__).resolve().parent.parent / "templates" / "peer_learning" / "pdf"

Progress = Callable[[int, int], None]


def layout(html: str, stylesheets: Iterable[str]):
    """A laid-out WeasyPrint document of `html` with base.css and `stylesheets` (file
    names in templates/peer_learning/pdf/)."""
    return typesetting.layout(html, [CSS_DIR / name for name in ("base.css", *stylesheets)])


def render_pdf(
    template: str,
    context: dict,
    stylesheets: Iterable[str],
    *,
    progress: Progress | None = None,
    done: int = 0,
    total: int = 0,
) -> bytes:
    """Fills `template`, lays it out and writes the PDF. When `progress` is given, reports
    `done + 1` of `total` after the layout (most of the time) and `total` at the end."""
    html = render_to_string(template, context)
    document = layout(html, stylesheets)
    if progress:
        progress(done + 1, total)
    pdf = document.write_pdf()
    if progress:
        progress(total, total)
    return pdf


def _write_part(html: str, stylesheets: tuple[str, ...]) -> bytes:
    typesetting.collect_between_documents()
    return layout(html, stylesheets).write_pdf()


def render_parts(
    template: str,
    contexts: list[dict],
    stylesheets: Iterable[str],
    *,
    progress: Progress | None = None,
    done: int = 0,
    total: int = 0,
    parallel: bool = True,
) -> bytes:
    """One PDF of several independent documents (`template` filled with each context),
    laid out side by side in forked processes (one per CPU) when `parallel`, then joined.
    Page counters restart in each part. The HTML is made here, where the database is;
    the workers never touch it. Reports one step of progress per part laid out."""
    from pypdf import PdfWriter

    stylesheets = tuple(stylesheets)
    htmls = [render_to_string(template, context) for context in contexts]
    parallel = parallel and typesetting.can_fork()
    processes = min(os.cpu_count() or 1, len(htmls)) if parallel else 1

    def parts():
        if processes == 1:
            for html in htmls:
                yield _write_part(html, stylesheets)
            return
        sheets = [CSS_DIR / name for name in ("base.css", *stylesheets)]
        with typesetting.worker_pool(processes, sheets) as pool:
            pending = [pool.apply_async(_write_part, (html, stylesheets)) for html in htmls]
            for result in pending:
                yield result.get()

    pdfs = []
    for part in parts():
        pdfs.append(part)
        done += 1
        if progress:
            progress(done, total)
    if len(pdfs) == 1:
        return pdfs[0]
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    out = io.BytesIO()
    writer.write(out)
    if progress:
        progress(total, total)
    return out.getvalue()


def package_zip(files: Iterable[tuple[str, bytes]]) -> bytes:
    """One ZIP of named files. PDFs and ZIPs hardly compress, so they are stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            method = zipfile.ZIP_STORED if name.endswith((".pdf", ".zip")) else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()
