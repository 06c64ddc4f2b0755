"""A small per-address limit on public certificate lookups, so codes cannot be guessed
by brute force and the verification pages stay up for everyone.

Counts live in the cache (one counter per address per minute), so the limit holds
across processes as long as they share a cache.
"""

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

WINDOW_SECONDS = 60
TOO_MANY = _("Too many certificate checks from your connection. Wait a minute, then try again.")


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: a client can write any X-Forwarded-For it likes. Behind a
    # proxy, the proxy must set REMOTE_ADDR to the visitor's address.
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(request: HttpRequest, *, cost: int = 1, scope: str = "verify") -> int | None:
    """Counts `cost` lookups for the request's address. Returns the seconds to wait when
    the address is over `settings.CERTIFICATE_VERIFY_RATE` per minute, otherwise None."""
    if cost <= 0:
        return None
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"certificates:rate:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key, cost)
    except ValueError:  # the counter expired between add() and incr()
        cache.set(key, cost, timeout=WINDOW_SECONDS + 1)
        count = cost
    if count <= settings.CERTIFICATE_VERIFY_RATE:
        return None
    return max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999))


def too_many_response(request: HttpRequest, retry_after: int, *, as_json: bool) -> HttpResponse:
    if as_json:
        response = JsonResponse({"status": "rate_limited", "detail": str(TOO_MANY)}, status=429)
    else:
        response = render(
            request,
            "certificates/verify_limited.html",
            {"message": TOO_MANY, "retry_after": retry_after},
            status=429,
        )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(
    *, cost: int | Callable[[HttpRequest], int] = 1, as_json: bool = False
) -> Callable:
    """Decorates a view: each request costs `cost` lookups (a number, or a function of the
    request); over the limit the view answers 429 with a Retry-After header."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            weight = cost(request) if callable(cost) else cost
            retry_after = hit(request, cost=weight)
            if retry_after is not None:
                return too_many_response(request, retry_after, as_json=as_json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
