"""Builders of staff roster files (CSV and XLSX bytes) for the roster import tests."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADER = [
    "Nama",
    "Nama Pengguna",
    "Email",
    "Perpustakaan",
    "Jabatan",
    "Jenis Kelamin",
    "Tahun Lahir",
    "Peran",
    "Telepon",
]

# Five good rows against the `roster_libraries` fixture; spreadsheet rows 2 to 6.
GOOD_ROWS = [
    [
        "Sari Wulandari",
        "sari.w",
        "sari@example.org",
        "tunas-bangsa",
        "Pustakawan",
        "P",
        "1990",
        "Peserta",
        "0812-3456-7890",
    ],
    [
        "Budi Santoso",
        "budi",
        "budi@example.org",
        "perpustakaan kab. lumajang",
        "Kepala perpustakaan",
        "L",
        "1975",
        "Pelatih",
        "",
    ],
    [
        "Dewi Lestari",
        "",
        "DEWI@Example.org",
        "tunas-bangsa",
        "librarian",
        "Perempuan",
        "1988",
        "pendamping",
        "+62 812 1111 2222",
    ],
    ["Ahmad Fauzi", "ahmad", "", "tunas-bangsa", "Relawan", "laki-laki", "2001", "peserta", ""],
    [
        "Rina Kartika",
        "rina",
        "rina@example.org",
        "TUNAS-BANGSA",
        "Staf",
        "F",
        "1995",
        "Admin Program",
        "",
    ],
]


def csv_bytes(rows, *, header=HEADER, delimiter=",", bom=False, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode(encoding)


def xlsx_bytes(rows, *, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        # Spreadsheets hold numbers as numbers: the birth year arrives as an int.
        sheet.append([int(value) if value.isdigit() else value or None for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "roster.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def staff_rows(count: int, *, library_code: str, prefix: str = "orang") -> list[list[str]]:
    """`count` distinct good rows, for size and query-count tests."""
    return [
        [
            f"Orang {n}",
            f"{prefix}{n}",
            f"{prefix}{n}@example.org",
            library_code,
            "Staf",
            "P" if n % 2 else "L",
            str(1960 + n % 40),
            "Peserta",
            "",
        ]
        for n in range(count)
    ]
