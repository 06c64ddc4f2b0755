"""Front-end URLs of the mentoring app, gathered from its view modules."""

from .views import cascade, cohorts, district, manage, mentor

app_name = "mentoring"

urlpatterns = [
    *cohorts.urlpatterns,
    *cascade.urlpatterns,
    *mentor.urlpatterns,
    *district.urlpatterns,
    *manage.urlpatterns,
]
