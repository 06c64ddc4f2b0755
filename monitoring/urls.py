"""Front-end URLs of monitoring and evaluation: dashboards, exports, PDF reports and the
libraries' monthly reports."""

from django.urls import path

from .reporting.urls import urlpatterns as reporting_urls

app_name = "monitoring"

urlpatterns = [
    *reporting_urls,
]
