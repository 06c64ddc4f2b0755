"""`make bench-monitoring`: how long the monitoring dashboards take to build when nothing
is cached (the first view after figures change), on the national-scale data of
`make bench`; prints one JSON report.

`make bench` measures the pages as people get them, mostly from the cache. Here each
dashboard (programme, the biggest province, one kabupaten; this year so far) is built
BENCH_REQUESTS times (default 20) in this process with the cache emptied before each
build: median and p95 of the build, and its SQL queries. The PostgreSQL cluster and its
data are bench/site.py's (prepared the same way, kept in .bench/).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
BUDGET_MS = 300  # the budget for the programme dashboard


def _load_site():
    # By path: `import site` from bench/ would give Python's own site module.
    spec = importlib.util.spec_from_file_location("bench_site", ROOT / "bench" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


site = _load_site()


def measure(build, runs: int) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], set()
    build()  # the first build warms PostgreSQL's buffers and this process's imports
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            build()
            timings.append((time.perf_counter() - started) * 1000)
        queries.add(len(captured))
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(site.percentile(timings, 0.95), 2),
        "queries": sorted(queries),
        "runs": runs,
    }


def main() -> None:
    env = site.site_env(site.start_postgres())
    site.prepare_data(env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db.models import Count
    from django.utils import timezone, translation

    from lms.models import Regency
    from monitoring import dashboard
    from monitoring.models import Figure, ProgrammeFigure, ProvinceFigure
    from monitoring.periods import default_period
    from monitoring.selectors import dashboard as areas

    translation.activate("id")
    period = default_period(timezone.localdate())  # this year so far, as the page opens
    biggest = (
        Regency.objects.values("province_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "province_id")
        .first()["province_id"]
    )
    regency = Regency.objects.filter(province_id=biggest).order_by("pk").first()
    plan = {
        "programme": areas.programme(),
        "province": areas.province_area(biggest),
        "regency": areas.regency_area(regency.pk),
    }
    report = {
        "scale": site.SCALE,
        "database": "postgresql",
        "cells": {
            "regency": Figure.objects.count(),
            "province": ProvinceFigure.objects.count(),
            "programme": ProgrammeFigure.objects.count(),
        },
        "uncached_build": {},
    }
    for name, area in plan.items():
        report["uncached_build"][name] = measure(
            lambda area=area: dashboard.build(area=area, period=period), REQUESTS
        )
        site.log(f"{name}: {report['uncached_build'][name]['median_ms']} ms")
    programme = report["uncached_build"]["programme"]
    programme["budget_ms"] = BUDGET_MS
    programme["within_budget"] = programme["median_ms"] < BUDGET_MS
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
