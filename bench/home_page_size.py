"""Weighs and times the home page of a signed-in learner; prints one JSON report.

Run with `make bench-home` (it migrates and loads the demo data first). Uses the demo
account `peserta` and Django's test client in-process, so the times are server time
without the network: median and p95 over the requests made.
"""

import gzip
import json
import os
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

REQUESTS = 200


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Each request would empty the query log that the count below reads.
    request_started.disconnect(reset_queries)
    client = Client()
    client.force_login(get_user_model().objects.get(username="peserta"))
    response = client.get("/")
    if response.status_code != 200:
        sys.exit(f"home page answered {response.status_code}")
    html = response.content
    css = Path(finders.find("lms/sebaya.css")).read_bytes()

    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    query_count = len(captured)  # read now: the log is a bounded deque
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get("/")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    report = {
        "page": "home (signed-in learner, demo account peserta)",
        "html_bytes": len(html),
        "html_gzip_bytes": gzipped(html),
        "css_bytes": len(css),
        "css_gzip_bytes": gzipped(css),
        "total_gzip_bytes": gzipped(html) + gzipped(css),
        "budget_gzip_bytes": 30 * 1024,
        "queries": query_count,
        "requests": REQUESTS,
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
    }
    report["within_budget"] = report["total_gzip_bytes"] < report["budget_gzip_bytes"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
