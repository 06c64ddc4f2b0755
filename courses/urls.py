"""Front-end URLs of the courses app, gathered from its view modules."""

from .views import dashboard, enrollment, learning, quiz

app_name = "courses"

urlpatterns = [
    *dashboard.urlpatterns,
    *enrollment.urlpatterns,
    *learning.urlpatterns,
    *quiz.urlpatterns,
]
