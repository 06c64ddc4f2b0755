"""Times certificate PDFs for a 350-person PLM, naive versus batched; prints JSON.

Run with `make bench-certificates`. Builds NAMES certificates with distinct, realistic
Indonesian names (short, long and a few very long ones) as unsaved objects, so no
database is needed, then renders every one of them twice in the same run:

- naive: one fresh WeasyPrint document per certificate, one after another, no shared
  state (new font configuration and stylesheet each time);
- batched: `certificates.rendering.render_pdfs`, the path the background task uses.

Both start from the same HTML builder, so the ratio measures only how the PDFs are
made. Every batched PDF is checked: a separate one-page file whose extracted text holds
its own name and code and not its neighbour's.
"""

import io
import json
import os
import random
import re
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django  # noqa: E402

django.setup()

from certificates import codes, rendering  # noqa: E402
from certificates.models import Certificate, CertificateTemplate, Signatory  # noqa: E402
from lms import typesetting  # noqa: E402

NAMES = int(os.environ.get("BENCH_CERTIFICATES", "350"))
TARGET_RATIO = 5
SIZE_BUDGET = 60 * 1024

FIRST = (
    "Siti Dewi Sri Ayu Nur Putri Rina Wulan Fitri Indah Ratna Yuni Endang Lestari Kartika "
    "Agus Budi Joko Bambang Eko Hendra Rudi Wahyu Dedi Andi Rizky Fajar Yusuf Ahmad Muhammad "
    "Made Ketut Nyoman Wayan Gede Komang Putu Aisyah Nabila Zahra Salsabila Kurniawati Gusti"
).split()
MIDDLE = (
    "Nur Dwi Tri Eka Adi Ayu Rahma Kusuma Indra Surya Cahya Putra Putri Dharma Wira Sari "
    "Maharani Pratiwi Anggraini Permata Purnama Setya Budi Hadi Abdul Rahman Aulia Ratu"
).split()
FAMILY = (
    "Santoso Wijaya Saputra Hidayat Nugroho Kusumawati Rahayu Setiawan Pratama Hasibuan "
    "Siregar Nasution Lubis Harahap Simanjuntak Sitompul Tambunan Panjaitan Manurung "
    "Sinaga Wibowo Susanto Gunawan Hartono Sulistyowati Purwanto Suharto Prasetyo Sembiring "
    "Ginting Tarigan Pardede Matondang Lumbantobing Silalahi Sihombing Nainggolan Situmorang "
    "Mangkunegara Hamengkubuwono Prawirodirdjo Soeryadiningrat Tjokroaminoto Wiryosaputro"
).split()
PREFIXES = ("", "", "", "", "Hj. ", "H. ", "Dr. ", "Ir. ", "Drs. ", "Raden ", "R.A. ", "Ni ")
SUFFIXES = ("", "", "", "", ", S.Pd.", ", S.Kom.", ", S.IP.", ", M.Hum.", ", S.Sos., M.Si.")
LIBRARIES = (
    ("Perpustakaan Desa Tunas Bangsa", "Kabupaten Lumajang"),
    ("TBM Cahaya Ilmu", "Kabupaten Bantul"),
    ("Perpustakaan Desa Sukamaju", "Kabupaten Bandung"),
    ("Perpustakaan Umum Kabupaten Deli Serdang", "Kabupaten Deli Serdang"),
    ("TBM Lentera Pustaka Gampong Lamteh", "Kota Banda Aceh"),
    ("Perpustakaan Desa Pemenang Barat", "Kabupaten Lombok Utara"),
)


def distinct_names(count: int, rng: random.Random) -> list[str]:
    """Distinct names: most of 2-4 words, every 25th very long (up to ~200 characters)."""
    names: set[str] = set()
    ordered = []
    while len(ordered) < count:
        i = len(ordered)
        if i % 25 == 24:
            words = [rng.choice(FIRST)] + rng.sample(MIDDLE, 6) + rng.sample(FAMILY, 12)
            name = "Raden Mas " + " ".join(words) + rng.choice(SUFFIXES[4:])
            name = name[:200].rstrip(" ,.")
        else:
            words = [rng.choice(FIRST)] + rng.sample(MIDDLE, rng.randint(0, 2))
            words += rng.sample(FAMILY, rng.randint(1, 2))
            name = rng.choice(PREFIXES) + " ".join(words) + rng.choice(SUFFIXES)
        if name not in names:
            names.add(name)
            ordered.append(name)
    return ordered


def template() -> CertificateTemplate:
    tpl = CertificateTemplate(
        name="Peserta PLM",
        language=CertificateTemplate.Language.BOTH,
        orientation=CertificateTemplate.Orientation.LANDSCAPE,
        title="Sertifikat",
        body=(
            "Diberikan kepada {name} dari {library}, {regency}, sebagai peserta "
            "{achievement} selama {hours} jam pada {date}."
        ),
        title_en="Certificate",
        body_en="Awarded to {name} of {library}, {regency}, for taking part in {achievement}.",
    )
    tpl.signatories = [
        Signatory(name="Dra. Woro Titi Haryanti, M.A.", position="Deputi Bidang Pengembangan"),
        Signatory(name="Ir. Bambang Supriyo", position="Ketua Pelaksana PerpuSeru"),
    ]
    return tpl


def certificates(count: int) -> list[Certificate]:
    rng = random.Random(2026)
    tpl = template()
    made = []
    for i, name in enumerate(distinct_names(count, rng)):
        library, regency = rng.choice(LIBRARIES)
        made.append(
            Certificate(
                code=codes.new_code(),
                recipient_name=name,
                achievement_title="Peer Learning Meeting Kabupaten 2026",
                library_name=library,
                regency_name=regency,
                hours=Decimal(rng.choice(("8", "12", "16.5"))),
                achieved_on=date(2026, 5, 14) + timedelta(days=i % 3),
                template=tpl,
            )
        )
    return made


def naive_html(certificate: Certificate) -> str:
    """The same certificate with its QR code as segno's inline SVG, drawn by WeasyPrint."""
    import segno

    html = rendering.Builder().certificate_html(certificate)
    url = rendering.verify_url(certificate.code)
    svg = segno.make(url, error="m", micro=False).svg_inline(
        border=rendering.QR_BORDER, omitsize=True
    )
    box = f'id="{rendering.qr_anchor(certificate.code)}">'
    return html.replace(box, box + svg.replace("<svg ", '<svg style="width:100%;height:100%" '))


def naive(certificate: Certificate) -> bytes:
    """The obvious way: a new WeasyPrint document, fonts and stylesheet for each one."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = naive_html(certificate)
    base_url = typesetting.FONTS_URL
    font_config = FontConfiguration()
    css = CSS(filename=str(rendering.CSS_PATH), base_url=base_url, font_config=font_config)
    return HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[css], font_config=font_config
    )


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the batch's workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def sizes(pdfs: list[bytes]) -> dict:
    lengths = [len(p) for p in pdfs]
    return {
        "min": min(lengths),
        "median": int(statistics.median(lengths)),
        "max": max(lengths),
    }


def check(pdfs: list[bytes], made: list[Certificate]) -> dict:
    from pypdf import PdfReader

    problems = []
    for i, (pdf, certificate) in enumerate(zip(pdfs, made, strict=True)):
        reader = PdfReader(io.BytesIO(pdf))
        text = " ".join(reader.pages[0].extract_text().split())
        neighbour = made[(i + 1) % len(made)]
        if len(reader.pages) != 1:
            problems.append(f"{certificate.code}: {len(reader.pages)} pages")
        if certificate.recipient_name not in text or certificate.code not in text:
            problems.append(f"{certificate.code}: name or code missing from the text")
        if neighbour.code in text:
            problems.append(f"{certificate.code}: holds another certificate's code")
        fonts = re.findall(rb"/FontFile[23]?\b", pdf)
        if not fonts:
            problems.append(f"{certificate.code}: no embedded font")
    return {
        "pdfs": len(pdfs),
        "separate_one_page_with_own_name_and_code": not problems,
        "problems": problems[:10],
    }


def main() -> None:
    import weasyprint  # noqa: F401 - the one-second import is not part of either timing

    made = certificates(NAMES)
    start, cpu = time.perf_counter(), cpu_seconds()
    naive_pdfs = [naive(c) for c in made]
    naive_seconds, naive_cpu = time.perf_counter() - start, cpu_seconds() - cpu

    start, cpu = time.perf_counter(), cpu_seconds()
    batched_pdfs = rendering.render_pdfs(made)
    batched_seconds, batched_cpu = time.perf_counter() - start, cpu_seconds() - cpu

    naive_rate = len(made) / naive_seconds
    batched_rate = len(made) / batched_seconds
    ratio = batched_rate / naive_rate
    names = [c.recipient_name for c in made]
    report = {
        "certificates": len(made),
        "distinct_names": len(set(names)),
        "name_length": {"min": min(map(len, names)), "max": max(map(len, names))},
        "cpus": os.cpu_count(),
        "naive": {
            "seconds": round(naive_seconds, 2),
            "certificates_per_second": round(naive_rate, 1),
            "cpu_ms_per_certificate": round(1000 * naive_cpu / len(made), 1),
            "pdf_bytes": sizes(naive_pdfs),
        },
        "batched": {
            "seconds": round(batched_seconds, 2),
            "certificates_per_second": round(batched_rate, 1),
            "cpu_ms_per_certificate": round(1000 * batched_cpu / len(made), 1),
            "pdf_bytes": sizes(batched_pdfs),
            "pages_per_document": rendering.PAGES_PER_DOCUMENT,
        },
        "ratio": round(ratio, 2),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio >= TARGET_RATIO,
        "total_seconds": round(naive_seconds + batched_seconds, 2),
        # Other work on the machine slows the two parallel workers more than the one
        # naive process: the load average says how busy it was.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "every_pdf_under_60kb": max(len(p) for p in batched_pdfs) < SIZE_BUDGET,
        "check": check(batched_pdfs, made),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
