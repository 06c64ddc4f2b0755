"""Wagtail's Site for a request, kept in memory instead of read on every request.

Wagtail looks the Site (with its root page) up by host name in the database for every
page it serves and every page URL it builds; both change only when an admin edits the
site settings. Each process keeps what it found for SITE_CACHE_SECONDS; a change made
in this process is seen at once, one made in another process within that time.
"""

import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, Site

_found: dict[tuple[str, str], tuple[float, Site | None]] = {}


def site_for(request) -> Site | None:
    """The Site answering this request (None when no site matches)."""
    key = (split_domain_port(request._get_raw_host())[0], str(request.get_port()))
    now = time.monotonic()
    cached = _found.get(key)
    if cached is not None and cached[0] > now:
        return cached[1]
    site = Site.find_for_request(request)  # with its root page (select_related)
    _found[key] = (now + settings.SITE_CACHE_SECONDS, site)
    return site


def forget_sites() -> None:
    _found.clear()


@receiver([post_save, post_delete], sender=Site)
def _site_changed(sender, **kwargs):
    forget_sites()


@receiver([post_save, post_delete])
def _root_page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and any(
        site is not None and site.root_page_id == instance.pk for _, site in _found.values()
    ):
        forget_sites()


class CachedSiteMiddleware:
    """Hands Wagtail the request's Site from memory (it reads `request._wagtail_site`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SITE_CACHE_SECONDS > 0:
            request._wagtail_site = site_for(request)
        return self.get_response(request)
