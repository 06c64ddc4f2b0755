"""Front-end URLs of monitoring and evaluation: dashboards, exports, PDF reports and the
libraries' monthly reports."""

from django.urls import path

from .reporting.urls import urlpatterns as reporting_urls
from .views import dashboard, jobs

app_name = "monitoring"

urlpatterns = [
    path("pemantauan/", dashboard.home, name="home"),
    path("pemantauan/provinsi/<int:province_id>/", dashboard.province, name="province"),
    path("pemantauan/kabupaten/<int:regency_id>/", dashboard.regency, name="regency"),
    path("pemantauan/perbarui/", jobs.refresh, name="refresh"),
    path("pemantauan/perbarui/<int:job_id>/", jobs.refresh_job, name="refresh_job"),
    path("pemantauan/laporan-pdf/", jobs.report_request, name="report_request"),
    path("pemantauan/laporan-pdf/<int:job_id>/", jobs.report_job, name="report_job"),
    path(
        "pemantauan/laporan-pdf/<int:job_id>/unduh/",
        jobs.report_download,
        name="report_download",
    ),
    *reporting_urls,
]
