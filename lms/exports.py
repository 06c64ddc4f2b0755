"""Every table a page offers for download, as CSV or XLSX: one Table shape, two file formats."""

import csv
import io
from dataclasses import dataclass, field

from django.http import Http404, HttpResponse
from django.utils.text import slugify

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def requested_format(request) -> str | None:
    """The download a URL asks for with ?format=csv|xlsx, or None for the page itself.
    An unknown format is not found, rather than silently showing the page."""
    fmt = request.GET.get("format")
    if not fmt:
        return None
    if fmt not in FORMATS:
        raise Http404
    return fmt


@dataclass
class Table:
    """What a page shows as a table: a title, column headings and rows of plain values."""

    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


def export_response(table: Table, fmt: str, *, filename: str = "") -> HttpResponse:
    """The table as a download named `filename` (default: from its title); `fmt` is "csv"
    or "xlsx" (anything else: ValueError)."""
    filename = filename or slugify(table.title) or "tabel"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(column) for column in table.columns])
        writer.writerows(table.rows)
        # A BOM so that Excel opens the UTF-8 file with Indonesian names intact.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=str(table.title)[:31] or "Sheet1")
        sheet.append([str(column) for column in table.columns])
        for row in table.rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
