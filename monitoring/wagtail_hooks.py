"""How the monitoring app plugs into the site: URLs, menu, home panels, admin, demo data
and its own figures (the library reports) for the summary table."""

from django.urls import include, path
from wagtail import hooks


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("monitoring.urls"))]
