"""The demo catalogue as plain data: one module per curriculum, loaded by `courses.demo`.

Rich text is HTML in the form Wagtail stores (<p>, <b>, <i>, <ul>, <ol>, <li>), written
across several lines for reading; the loader joins the lines. Content is teaching text
in Indonesian, not translated through gettext: trainers own it in the admin.

A curriculum is a dict with title, slug, summary, description and courses. A course
adds tier ("regency" or "village"), estimated_hours, tags, optional prerequisites (slugs
of courses listed earlier) and modules. A module has title, slug, summary, lessons and
one quiz. A lesson has title, slug, minutes and a body of tuples:

    ("heading", text)
    ("paragraph", html)
    ("callout", "tip" | "note" | "warning", html)
    ("practice_task", title, instructions_html, min_words)

A quiz has title, slug, intro and questions, each a tuple:

    ("single_choice", question, [(option, correct, feedback), ...], explanation)
    ("multiple_choice", question, [(option, correct, feedback), ...], explanation)
    ("true_false", statement, True | False, feedback_when_right, feedback_when_wrong)
    ("short_answer", question, "exact" | "keywords", [accepted, ...], when_right, when_wrong)
"""

from . import (
    advokasi,
    fasilitator,
    pelayanan_prima,
    pelibatan_masyarakat,
    teknologi_informasi,
)

CATALOG = {
    "title": "Katalog Pelatihan",
    "slug": "pelatihan",
    "intro": """
        <p>Pelatihan untuk pengelola perpustakaan desa, Taman Bacaan Masyarakat (TBM) dan
        staf perpustakaan kabupaten/kota, disusun dari kurikulum program PerpuSeru dan
        Transformasi Perpustakaan Berbasis Inklusi Sosial. Belajar sesuai waktu Anda,
        pelajaran demi pelajaran, lalu uji pemahaman Anda dengan kuis di akhir setiap
        modul.</p>
    """,
}

# In catalogue order; a course's prerequisites must come before it.
CURRICULA = [
    teknologi_informasi.CURRICULUM,
    pelayanan_prima.CURRICULUM,
    advokasi.CURRICULUM,
    pelibatan_masyarakat.CURRICULUM,
    fasilitator.CURRICULUM,
]
