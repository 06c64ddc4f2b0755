"""Weighs and times the pages a learner uses most, at the demo data size; prints JSON.

Run with `make bench-pages` (it migrates and loads the demo data first). Signs in as the
demo learner `peserta` and requests each page in-process with Django's test client, so the
times are server time without the network: median and p95 over REQUESTS requests. Bytes
are the page's HTML plus every stylesheet it links, gzip-compressed as WhiteNoise serves
them.
"""

import gzip
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
BUDGET_GZIP_BYTES = 30 * 1024  # a learner page, HTML + CSS, compressed
STYLESHEET = re.compile(rb'<link rel="stylesheet" href="/static/([^"]+)"')


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def learner_urls(user) -> dict[str, str]:
    """The pages to measure, found from the demo learner's own data."""
    from courses.models import CatalogPage, Enrollment, LessonPage

    enrollment = (
        Enrollment.objects.filter(user=user, completed_at__isnull=True)
        .select_related("course")
        .first()
    )
    if enrollment is None:
        sys.exit("the demo learner has no course in progress: run `make demo` first")
    lesson = LessonPage.objects.live().descendant_of(enrollment.course).first()
    return {
        "home": "/",
        "dashboard": "/pelatihan-saya/",
        "catalogue": CatalogPage.objects.get().url,
        "course": enrollment.course.url,
        "lesson": lesson.url,
    }


def measure(client: Client, url: str) -> dict:
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    html = response.content
    css = b"".join(
        Path(finders.find(path.decode())).read_bytes() for path in STYLESHEET.findall(html)
    )
    reset_queries()  # a full log (it is bounded) would make the count below read 0
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # read now: the log is a bounded deque
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    total = gzipped(html) + gzipped(css)
    return {
        "url": url,
        "queries": queries,
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
        "html_bytes": len(html),
        "html_gzip_bytes": gzipped(html),
        "css_gzip_bytes": gzipped(css),
        "total_gzip_bytes": total,
        "within_30kb_budget": total < BUDGET_GZIP_BYTES,
    }


def main() -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Each request would empty the query log that the counts read.
    request_started.disconnect(reset_queries)
    user = get_user_model().objects.get(username="peserta")
    client = Client()
    client.force_login(user)
    report = {
        "learner": "peserta (demo data)",
        "database": connection.vendor,
        "requests_per_page": REQUESTS,
        "pages": {name: measure(client, url) for name, url in learner_urls(user).items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
