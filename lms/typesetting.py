"""WeasyPrint for every app that makes PDFs: the platform's own fonts, set up once per process.

The fonts are Noto Sans and Noto Serif (OFL, see fonts/OFL.txt), so a PDF never depends
on the fonts of the machine that made it; a stylesheet names them by file name
(`src: url("NotoSans-Regular.ttf")`). Font set-up costs more than laying out a page, so
the font configuration and every parsed stylesheet are kept for the process, and big
batches are laid out in forked worker processes that inherit them.

`import weasyprint` takes about a second: it happens inside these functions, never when a
web process starts.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONTS_URL = FONTS_DIR.as_uri() + "/"

# Rules of WeasyPrint's user-agent stylesheet that our documents never need (list
# markers, footnotes): each gives every element a pseudo-element to style, together
# about a third of the time spent on styles.
_UNUSED_UA_RULES = ("::marker", "::footnote-", "::note-")

_engine = None  # (HTML class, FontConfiguration), set up once per process
_stylesheets: dict[str, object] = {}


def engine():
    """The HTML class (with the trimmed user-agent stylesheet) and the font configuration
    shared by every document laid out in this process."""
    global _engine
    if _engine is None:
        from weasyprint import CSS, HTML
        from weasyprint import html as weasyprint_html
        from weasyprint.text.fonts import FontConfiguration

        ua = "\n".join(
            line
            for line in weasyprint_html.UA.splitlines()
            if not line.startswith(_UNUSED_UA_RULES)
        )
        ua_sheet = CSS(string=ua, counter_style=weasyprint_html.UA_COUNTER_STYLE)

        class SebayaHTML(HTML):
            def _ua_stylesheets(self, forms=False):
                return [ua_sheet]

        _engine = (SebayaHTML, FontConfiguration())
        atexit.register(_forget)
    return _engine


def _forget() -> None:
    # Let the font configuration clean up its files while the interpreter is whole.
    global _engine
    _engine = None
    _stylesheets.clear()


def stylesheet(path: Path | str):
    """The stylesheet file at `path`, parsed once for the process; its font URLs resolve
    against the platform's fonts folder."""
    key = str(path)
    if key not in _stylesheets:
        from weasyprint import CSS

        _html, font_config = engine()
        _stylesheets[key] = CSS(filename=key, base_url=FONTS_URL, font_config=font_config)
    return _stylesheets[key]


def layout(html: str, stylesheets: Iterable[Path | str]):
    """A laid-out WeasyPrint document of `html` with the stylesheets at these paths."""
    html_class, font_config = engine()
    return html_class(string=html, base_url=FONTS_URL).render(
        stylesheets=[stylesheet(path) for path in stylesheets], font_config=font_config
    )


def can_fork() -> bool:
    """Whether this process may lay documents out in forked workers (a daemon process,
    such as a pool's own worker, may not start processes)."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _close_idle_connections() -> None:
    """A forked child must never use its parent's database connection: close those not
    inside a transaction (they reopen on the next query); children never query."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


def _worker_start() -> None:
    # Layout makes many short-lived objects: the collector scanning the whole inherited
    # heap again and again costs a fifth of the time. Collect once per document instead.
    gc.freeze()
    gc.disable()


def collect_between_documents() -> None:
    """Called by a worker before each document: the collection its start turned off."""
    if not gc.isenabled():
        gc.collect()


@contextmanager
def worker_pool(processes: int, stylesheets: Iterable[Path | str] = ()):
    """A pool of `processes` forked workers that share this process's fonts and the given
    stylesheets, set up here once instead of in each child (about half a second each).
    Each child works on its own copy of that memory; WeasyPrint starts no threads, so
    forking it is safe. The work given to the pool must not touch the database."""
    _close_idle_connections()
    engine()
    for path in stylesheets:
        stylesheet(path)
    with multiprocessing.get_context("fork").Pool(processes, initializer=_worker_start) as pool:
        yield pool
