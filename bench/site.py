"""`make bench`: the whole site under gunicorn on PostgreSQL with national-scale data,
driven over loopback; prints one JSON report.

1. PostgreSQL: Debian's server (installed with apt when missing) in a cluster of its own
   under .bench/ (kept between runs: the seeded data is reused), on a free port.
2. Data: migrate, then `seed_demo --scale national` on the first run (its time is
   reported; data kept from before the monitoring app gets `monitoring_scale` once),
   collectstatic.
3. gunicorn: BENCH_WORKERS sync workers (default 2) on 127.0.0.1, production settings
   with persistent connections and a Server-Timing header (server time, SQL queries).
4. Pages: each key page requested BENCH_REQUESTS times (default 60) one after another:
   median and p95 of the server's own time, its queries, and the bytes a browser
   downloads (HTML gzip-compressed, and the stylesheets as WhiteNoise serves them).
5. Load: BENCH_USERS concurrent users (default 50) for BENCH_LOAD_SECONDS (default 20),
   each signed in as one of the people above and walking their pages: requests per
   second, errors, client-side latency.
6. Throughput: certificates per second (bench/certificates.py) and the badges of a
   350-person meeting (bench/plm_materials.py), each on its own throwaway database.

Everything started here is stopped at the end, whatever happens; each step has a time
limit, so the run ends by itself. `--prepare` stops after step 2 (seeding takes minutes).
"""

from __future__ import annotations

import atexit
import gzip
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DIR = Path(os.environ.get("BENCH_DIR", ROOT / ".bench"))
SCALE = os.environ.get("BENCH_SCALE", "national")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
PAGE_SECONDS = float(os.environ.get("BENCH_PAGE_SECONDS", "30"))
USERS = int(os.environ.get("BENCH_USERS", "50"))
LOAD_SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SEED_TIMEOUT = 30 * 60
DB_NAME, DB_USER, DB_PASSWORD = "sebaya_bench", "sebaya", "sebaya-bench"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/[^"]+)"')
SERVER_TIMING = re.compile(r'app;dur=([\d.]+), sql;desc="(\d+) queries"')

# Median server time budgets (ms) on the national-scale data.
BUDGETS = {
    "lesson": 15,
    "certificate_verify": 15,
    "learner_dashboard": 25,
    "mentor_dashboard": 60,
    "cascade_national_trainer": 150,
    "programme_dashboard": 300,
}

_started: list[subprocess.Popen] = []
_cleanups: list = []


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port(start: int) -> int:
    for port in range(start, start + 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    sys.exit(f"no free port from {start}")


def run(args: list[str], *, timeout: float = 600, owner: bool = False, **kwargs):
    """Runs a command to completion; `owner` runs it as the cluster's owner (postgres when
    the bench runs as root, which PostgreSQL refuses to run as)."""
    if owner and os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    kwargs.setdefault("cwd", "/")
    if "capture_output" not in kwargs:
        kwargs.setdefault("stdout", sys.stderr)  # stdout carries only the JSON report
    return subprocess.run(args, timeout=timeout, check=True, **kwargs)


@atexit.register
def _stop_everything() -> None:
    for process in reversed(_started):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    for cleanup in reversed(_cleanups):
        try:
            cleanup()
        except Exception as error:  # noqa: BLE001 - stopping must go on
            log(f"cleanup failed: {error}")


# ---- PostgreSQL -------------------------------------------------------------------------


def postgres_binaries() -> Path:
    def find():
        candidates = [Path("/usr/lib/postgresql/15/bin")] + sorted(
            Path("/usr/lib/postgresql").glob("*/bin"), reverse=True
        )
        for directory in candidates:
            if all((directory / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
                return directory
        return None

    found = find()
    if found is None:
        log("installing PostgreSQL (apt)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(["apt-get", "update", "-qq"], env=env, timeout=900)
        try:
            run(["apt-get", "install", "-y", "-qq", "postgresql-15"], env=env, timeout=900)
        except subprocess.CalledProcessError:
            run(["apt-get", "install", "-y", "-qq", "postgresql"], env=env, timeout=900)
        found = find()
    if found is None:
        sys.exit("PostgreSQL could not be installed")
    return found


def start_postgres() -> str:
    """Starts the bench's own cluster and returns its DATABASE_URL."""
    binaries = postgres_binaries()
    data, sock = BENCH_DIR / "pg", BENCH_DIR / "pg-socket"
    sock.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        for path in (BENCH_DIR, sock):
            shutil.chown(path, "postgres")
    if not (data / "PG_VERSION").exists():
        log("creating the PostgreSQL cluster")
        initdb = [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8"]
        initdb += ["--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]
        run(initdb, owner=True, stdout=subprocess.DEVNULL)
    port = free_port(54500)
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB "
        "-c work_mem=32MB -c maintenance_work_mem=512MB -c max_connections=200 "
        # An SSD, as on any server today: index lookups cost little more than sequential
        # reads. With the spinning-disk default (4) PostgreSQL read all 250,000 staff
        # profiles for the mentor dashboard instead of her 1,085 (43 ms against 3 ms).
        "-c random_page_cost=1.1 -c effective_cache_size=8GB"
    )
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(BENCH_DIR / "pg.log")]
    run([*pg_ctl, "-w", "-t", "120", "-o", options, "start"], owner=True)
    _cleanups.append(lambda: run([*pg_ctl, "-m", "fast", "-w", "stop"], owner=True, timeout=60))
    psql = [str(binaries / "psql"), "-h", str(sock), "-p", str(port), "-U", "postgres", "-q"]
    found = run(
        [*psql, "-tAc", f"SELECT 1 FROM pg_roles WHERE rolname = '{DB_USER}'"],
        owner=True,
        capture_output=True,
        text=True,
    )
    if found.stdout.strip() != "1":
        create = [f"CREATE ROLE {DB_USER} LOGIN CREATEDB PASSWORD '{DB_PASSWORD}'"]
        create.append(f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}")
        run([*psql, "-v", "ON_ERROR_STOP=1", "-c", create[0], "-c", create[1]], owner=True)
    return f"postgres://{DB_USER}:{DB_PASSWORD}@127.0.0.1:{port}/{DB_NAME}"


# ---- The site ---------------------------------------------------------------------------


def site_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "SEBAYA_SERVER_TIMING": "1",
        "SEBAYA_MEDIA_ROOT": str(BENCH_DIR / "media"),
        "SEBAYA_BASE_URL": "http://127.0.0.1",
        # One address sends every request here: the public verification limit would refuse it.
        "CERTIFICATE_VERIFY_RATE": "100000000",
    }


def prepare_data(env: dict) -> float | None:
    """Migrates and, on the first run, seeds; returns the seeding time (None: reused)."""
    manage = [PYTHON, str(ROOT / "manage.py")]
    log("migrating")
    run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, timeout=900)
    marker = BENCH_DIR / f"seeded-{SCALE}"
    seconds = None
    if not marker.exists():
        log(f"seed_demo --scale {SCALE} (first run only; the data is kept in {BENCH_DIR})")
        started = time.monotonic()
        run([*manage, "seed_demo", "--scale", SCALE], env=env, cwd=ROOT, timeout=SEED_TIMEOUT)
        seconds = round(time.monotonic() - started, 1)
        marker.write_text(f"{seconds}\n")
        (BENCH_DIR / f"seeded-{SCALE}-monitoring").write_text(f"{seconds}\n")
    monitoring = BENCH_DIR / f"seeded-{SCALE}-monitoring"
    if not monitoring.exists():
        # Data seeded before the monitoring app existed: add its part to what is kept.
        log(f"monitoring_scale --scale {SCALE} (first run since the app was added)")
        started = time.monotonic()
        run(
            [*manage, "monitoring_scale", "--scale", SCALE], env=env, cwd=ROOT, timeout=SEED_TIMEOUT
        )
        monitoring.write_text(f"{round(time.monotonic() - started, 1)}\n")
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, cwd=ROOT, timeout=300)
    return seconds


def start_gunicorn(env: dict) -> int:
    port = free_port(8700)
    process = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "lms.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        env=env,
        cwd=ROOT,
        stdout=sys.stderr,
    )
    _started.append(process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _headers, _body = get(port, "/masuk/")
            if status == 200:
                return port
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not answer within 60 s")


def get(port: int, path: str, cookie: str = "", connection=None, gzip_ok: bool = False):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        if own:
            connection.close()


# ---- Who and what is measured ----------------------------------------------------------


def personas(env: dict) -> dict:
    """Sessions for the people whose pages are measured, and their pages; made by this
    process straight in the database (the synthetic people have no passwords)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from certificates.models import Certificate
    from courses.models import CatalogPage, Enrollment, LessonPage
    from lms.models import Province, StaffProfile
    from mentoring.models import MentorAssignment, TrainingEdge
    from peer_learning.models import MeetingPage

    User = get_user_model()

    def cookie(user) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "lms.auth.UsernameOrEmailBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    learner = User.objects.get(username="peserta")
    enrollment = (
        Enrollment.objects.filter(user=learner, completed_at__isnull=True)
        .select_related("course")
        .first()
    )
    lesson = LessonPage.objects.live().descendant_of(enrollment.course).first()
    busiest = (
        MentorAssignment.objects.filter(library__isnull=False, ends_on__isnull=True)
        .values("mentor")
        .annotate(libraries=Count("pk"))
        .order_by("-libraries")
        .first()
    )
    mentor = User.objects.get(pk=busiest["mentor"])
    mentees = StaffProfile.objects.filter(
        library__mentor_assignments__mentor=mentor, library__mentor_assignments__ends_on=None
    ).count()
    district = mentor.staff_profile.library.regency_id
    top = (
        TrainingEdge.objects.filter(trainer__groups__name="Pelatih")
        .values("trainer", "curriculum")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    trainer = User.objects.get(pk=top["trainer"])
    admin = User.objects.get(username="admin")
    code = (
        Certificate.objects.filter(status="valid").order_by("pk").values_list("code", flat=True)[0]
    )
    biggest_province = (
        Province.objects.annotate(n=Count("regencies"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)[0]
    )
    national = MeetingPage.objects.filter(level="national").order_by("-pk").first()
    organiser = User.objects.get(username="pendamping")
    learner_cookie = cookie(learner)
    people = {
        "learner": {"who": "peserta", "cookie": learner_cookie},
        "mentor": {"who": f"{mentor.username} ({mentees} mentees)", "cookie": cookie(mentor)},
        "admin": {"who": "admin", "cookie": cookie(admin)},
        "organiser": {"who": "pendamping", "cookie": cookie(organiser)},
        "anyone": {"who": "not signed in", "cookie": ""},
    }
    pages = {
        "lesson": ("learner", lesson.url),
        "course": ("learner", enrollment.course.url),
        "learner_dashboard": ("learner", "/pelatihan-saya/"),
        "catalogue": ("learner", CatalogPage.objects.get().url),
        "mentor_dashboard": ("mentor", "/pendampingan/"),
        "cascade_national_trainer": (
            "admin",
            f"/kaskade/{top['curriculum']}/orang/{trainer.pk}/",
        ),
        "district_dashboard": ("mentor", f"/wilayah/{district}/"),
        "certificate_verify": ("anyone", f"/verifikasi/{code}/"),
        "plm_participant_list": ("organiser", f"/pbs/{national.pk}/peserta/"),
        # This year so far, the dashboard's default period.
        "programme_dashboard": ("admin", "/pemantauan/"),
        "province_dashboard": ("admin", f"/pemantauan/provinsi/{biggest_province}/"),
        "regency_dashboard": ("admin", f"/pemantauan/kabupaten/{district}/"),
    }
    from django.db import connection

    connection.close()
    return {"people": people, "pages": pages, "cascade_root": trainer.username}


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * share))]


def measure_page(port: int, path: str, cookie: str) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    status, headers, body = get(port, path, cookie, connection)
    if status != 200:
        return {"url": path, "status": status}
    # Steady state, not start-up: every gunicorn worker has rendered the page a few times
    # (sync workers close each connection, so requests go to either worker).
    for _warm in range(5 * WORKERS):
        get(port, path, cookie, connection)
    server, client, queries = [], [], set()
    deadline = time.monotonic() + PAGE_SECONDS
    for _ in range(REQUESTS):
        started = time.perf_counter()
        status, headers, body = get(port, path, cookie, connection)
        client.append((time.perf_counter() - started) * 1000)
        found = SERVER_TIMING.search(headers.get("Server-Timing", ""))
        if status != 200 or not found:
            return {"url": path, "status": status}
        server.append(float(found.group(1)))
        queries.add(int(found.group(2)))
        if time.monotonic() > deadline:
            break
    css = 0
    for href in STYLESHEET.findall(body.decode()):
        _s, css_headers, css_body = get(port, href, gzip_ok=True)
        css += len(css_body)
    connection.close()
    server.sort()
    client.sort()
    return {
        "url": path,
        "requests": len(server),
        "median_ms": round(statistics.median(server), 2),
        "p95_ms": round(percentile(server, 0.95), 2),
        "client_median_ms": round(statistics.median(client), 2),
        "queries": sorted(queries)[0] if len(queries) == 1 else sorted(queries),
        "html_bytes": len(body),
        "compressed_bytes": len(gzip.compress(body)) + css,
    }


def load(port: int, plan: dict) -> dict:
    """USERS threads, each one person walking her pages with a kept-alive connection."""
    people, pages = plan["people"], plan["pages"]
    walks = {}
    for who, path in pages.values():
        walks.setdefault(who, []).append(path)
    roles = sorted(walks)
    stop = time.monotonic() + LOAD_SECONDS
    lock = threading.Lock()
    latencies, errors = [], []

    def user(n: int) -> None:
        who = roles[n % len(roles)]
        cookie = people[who]["cookie"]
        rng = random.Random(n)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            path = rng.choice(walks[who])
            started = time.perf_counter()
            try:
                status, _h, _b = get(port, path, cookie, connection)
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(f"{path}: {status}")
        connection.close()

    threads = [threading.Thread(target=user, args=(n,)) for n in range(USERS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=LOAD_SECONDS + 120)
    seconds = time.monotonic() - started
    latencies.sort()
    return {
        "users": USERS,
        "seconds": round(seconds, 1),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / seconds, 1),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "client_median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "client_p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
    }


def throughput() -> dict:
    """The PDF benches, each on a throwaway SQLite database of its own."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.dev"}
    env.pop("DATABASE_URL", None)
    results = {}
    for name, script, keys in (
        ("certificates", "certificates.py", ("naive", "batched", "ratio")),
        ("plm_materials", "plm_materials.py", ("materials", "badges_within_budget")),
    ):
        log(f"throughput: {script}")
        try:
            done = subprocess.run(
                [PYTHON, str(ROOT / "bench" / script)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
                check=True,
            )
            report = json.loads(done.stdout)
            results[name] = {key: report.get(key) for key in keys}
        except (subprocess.SubprocessError, json.JSONDecodeError) as error:
            results[name] = {"error": str(error)[:300]}
    badges = results["plm_materials"].get("materials", {}) or {}
    if "badges" in badges:
        results["badges_350_seconds"] = badges["badges"]["seconds"]
        results["plm_materials"]["materials"] = {
            kind: {"seconds": value.get("seconds"), "status": value.get("status")}
            for kind, value in badges.items()
        }
    return results


def main() -> None:
    started = time.monotonic()
    database_url = start_postgres()
    env = site_env(database_url)
    seed_seconds = prepare_data(env)
    if "--prepare" in sys.argv:  # only the database and its data, for a later run
        print(json.dumps({"scale": SCALE, "seed_seconds": seed_seconds or "reused"}))
        return
    plan = personas(env)
    port = start_gunicorn(env)
    log(f"gunicorn on 127.0.0.1:{port}, {WORKERS} workers; measuring pages")
    pages = {}
    for name, (who, path) in plan["pages"].items():
        pages[name] = measure_page(port, path, plan["people"][who]["cookie"])
        budget = BUDGETS.get(name)
        if budget and "median_ms" in pages[name]:
            pages[name]["budget_ms"] = budget
            pages[name]["within_budget"] = pages[name]["median_ms"] < budget
        log(f"{name}: {pages[name].get('median_ms', pages[name].get('status'))}")
    log(f"load: {USERS} users for {LOAD_SECONDS:.0f} s")
    concurrency = load(port, plan)
    report = {
        "scale": SCALE,
        "database": "postgresql",
        "workers": WORKERS,
        "cpus": os.cpu_count(),
        "seed_seconds": seed_seconds if seed_seconds is not None else "reused",
        "people": {key: value["who"] for key, value in plan["people"].items()},
        "pages": pages,
        "load": concurrency,
        "throughput": throughput(),
        "budgets_met": all(page.get("within_budget", True) for page in pages.values())
        and concurrency["errors"] == 0,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
