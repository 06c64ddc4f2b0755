"""Site URLs: sign-in, the home page, the language switch, apps' own URLs, and Wagtail."""

from django.urls import include, path
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("lms.site_urls")),
]
# Apps add their front-end URLs through this hook, so removing an app removes its URLs.
for register_urls in hooks.get_hooks("sebaya_site_urls"):
    urlpatterns += register_urls()
# Wagtail's page tree comes last: it answers every path no one else took.
urlpatterns.append(path("", include(wagtail_urls)))
