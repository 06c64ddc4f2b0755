"""Front-end URLs of the libraries' monthly reports, included by monitoring.urls into the
"monitoring" namespace (so: reverse("monitoring:report_home"))."""

from datetime import date

from django.urls import path, register_converter

from . import views


class MonthConverter:
    """A month as 2025-05 in the URL, the first day of it in the view."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> date:
        year, month = value.split("-")
        return date(int(year), int(month), 1)  # ValueError (month 13): not found

    def to_url(self, value: date) -> str:
        return f"{value:%Y-%m}"


register_converter(MonthConverter, "report_month")

urlpatterns = [
    path("laporan/", views.home, name="report_home"),
    path("laporan/dampingan/", views.mentored, name="report_mentored"),
    path("laporan/perpustakaan/<int:library_id>/", views.library_reports, name="report_library"),
    path("laporan/perpustakaan/<int:library_id>/tulis/", views.choose_month, name="report_write"),
    path(
        "laporan/perpustakaan/<int:library_id>/<report_month:month>/",
        views.report_month,
        name="report_month",
    ),
]
