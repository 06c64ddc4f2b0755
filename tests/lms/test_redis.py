"""What more than one machine shares, against a real Redis server: the cache (and the
certificate rate limit counted in it) and the task queue on RQ.

Skipped unless SEBAYA_TEST_REDIS_URL names a Redis database these tests may empty
(redis://127.0.0.1:6379/15, say); CI starts a throwaway server for them (.ci/run, the
"redis" stage).
"""

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("SEBAYA_TEST_REDIS_URL", "")
if not REDIS_URL:
    pytest.skip(
        "needs a Redis server: set SEBAYA_TEST_REDIS_URL=redis://127.0.0.1:6379/15 "
        "(a database the tests may empty)",
        allow_module_level=True,
    )

redis = pytest.importorskip("redis")
django_rq = pytest.importorskip("django_rq")
pytest.importorskip("django_tasks_rq")

from django.apps import apps  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.cache.backends.redis import RedisCache  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks import task, task_backends  # noqa: E402
from django_tasks.base import TaskResultStatus  # noqa: E402
from django_tasks.signals import task_enqueued  # noqa: E402
from rq import SimpleWorker  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "sebaya-test",
    }
}
RQ_SETTINGS = {
    "RQ_QUEUES": {"default": {"URL": REDIS_URL}},
    "RQ": {"JOB_CLASS": "django_tasks_rq.Job"},
    "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
}


@task()
def add(a: int, b: int) -> int:
    return a + b


@task()
def explode(message: str) -> None:
    raise ValueError(message)


def another_client() -> RedisCache:
    """A cache client of its own, as another web process has."""
    return RedisCache(REDIS_URL, {"KEY_PREFIX": "sebaya-test"})


@pytest.fixture(autouse=True)
def redis_server():
    """The test database of the Redis server, empty before and after each test."""
    server = redis.Redis.from_url(REDIS_URL)
    server.flushdb()
    yield server
    server.flushdb()
    server.close()


@pytest.fixture
def redis_cache():
    with override_settings(CACHES=REDIS_CACHES):
        yield caches["default"]


@pytest.fixture
def rq_backend():
    with override_settings(**RQ_SETTINGS):
        yield django_rq.get_queue("default")


def enqueued_results() -> tuple[list, Callable[[], None]]:
    """Collects the result of every task enqueued until the returned function is called."""
    results = []

    def collect(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(collect, weak=False)
    return results, lambda: task_enqueued.disconnect(collect)


def work_the_queue() -> bool:
    """A burst worker in this process (SimpleWorker: no fork), as `rqworker --burst` runs."""
    worker = django_rq.get_worker("default", worker_class=SimpleWorker)
    return worker.work(burst=True)


# ---- The cache ----------------------------------------------------------------------


def test_what_one_cache_client_writes_another_reads():
    web_1, web_2 = another_client(), another_client()
    assert web_1._cache.get_client() is not web_2._cache.get_client()

    web_1.set("greeting", {"text": "Selamat pagi"}, timeout=30)
    assert web_2.get("greeting") == {"text": "Selamat pagi"}
    assert web_2.add("greeting", "replaced") is False
    web_2.delete("greeting")
    assert web_1.get("greeting") is None


def test_another_process_reads_and_increments_what_this_one_wrote(redis_cache):
    redis_cache.set("visits", 41, timeout=30)
    child = (
        "import sys\n"
        "from django.conf import settings\n"
        "settings.configure(CACHES={'default': {"
        "'BACKEND': 'django.core.cache.backends.redis.RedisCache',"
        f" 'LOCATION': {REDIS_URL!r}, 'KEY_PREFIX': 'sebaya-test'}}}})\n"
        "from django.core.cache import cache\n"
        "print(cache.get('visits'), cache.incr('visits'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["41", "42"]
    assert redis_cache.get("visits") == 42


def test_incr_from_many_clients_at_once_loses_no_count():
    clients = [another_client() for _ in range(4)]
    clients[0].set("counter", 0, timeout=60)
    seen: list[int] = []
    lock = threading.Lock()

    def count(client):
        mine = [client.incr("counter") for _ in range(50)]
        with lock:
            seen.extend(mine)

    threads = [threading.Thread(target=count, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert clients[1].get("counter") == 200
    # Every increment saw its own value: none was lost or repeated.
    assert sorted(seen) == list(range(1, 201))


# ---- The certificate rate limit in Redis ----------------------------------------------


@pytest.fixture
def ratelimit(monkeypatch, redis_cache):
    if not apps.is_installed("certificates"):
        pytest.skip("the certificates app is removed")
    from certificates import ratelimit

    # The middle of one minute, so a test never straddles two counting windows.
    clock = type("Clock", (), {"time": staticmethod(lambda: 1_780_000_050.0)})
    monkeypatch.setattr(ratelimit, "time", clock)
    redis_cache.clear()
    yield ratelimit
    redis_cache.clear()


@override_settings(CERTIFICATE_VERIFY_RATE=3)
def test_the_verify_page_limit_is_counted_in_redis(ratelimit, client, redis_server, db):
    page = reverse("certificates:verify", args=["SBY-AAAA-BBBB-CCCC"])
    assert [client.get(page).status_code for _ in range(3)] == [404, 404, 404]
    response = client.get(page)
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    # Another address is not held back.
    assert client.get(page, REMOTE_ADDR="10.1.2.3").status_code == 404

    # The counter lives in Redis, where every web process finds it, and it expires.
    (key,) = redis_server.keys("*certificates:rate:verify:127.0.0.1:*")
    assert 0 < redis_server.ttl(key) <= ratelimit.WINDOW_SECONDS + 1
    prefix, version, name = key.decode().split(":", 2)
    assert (prefix, version) == ("sebaya-test", "1")
    assert another_client().get(name) == 4


@override_settings(CERTIFICATE_VERIFY_RATE=10)
def test_the_limit_holds_when_many_web_processes_count_at_once(ratelimit):
    """Eight threads, each with its own cache connection (as separate processes have),
    make 40 lookups from one address: exactly the allowed 10 get through."""
    request = RequestFactory().get("/verifikasi/", REMOTE_ADDR="192.0.2.7")
    allowed: list[bool] = []
    connections: list = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def visitor():
        own_cache = caches["default"]  # per thread
        start.wait()
        mine = [ratelimit.hit(request) is None for _ in range(5)]
        with lock:
            allowed.extend(mine)
            connections.append(own_cache)

    threads = [threading.Thread(target=visitor) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len({id(connection) for connection in connections}) == 8
    assert len(allowed) == 40
    assert allowed.count(True) == 10
    assert ratelimit.hit(request) == 30


# ---- Tasks on RQ --------------------------------------------------------------------


def test_a_task_goes_to_the_redis_queue_and_a_worker_runs_it(rq_backend):
    results, stop = enqueued_results()
    try:
        enqueued = add.enqueue(2, 3)
    finally:
        stop()

    assert [r.id for r in results] == [enqueued.id]
    assert rq_backend.job_ids == [enqueued.id]
    assert add.get_result(enqueued.id).status == TaskResultStatus.READY

    assert work_the_queue() is True

    assert rq_backend.count == 0
    result = add.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5
    assert result.finished_at is not None
    assert len(result.worker_ids) == 1


def test_a_failing_task_is_recorded_as_failed_with_its_error(rq_backend):
    enqueued = explode.enqueue("kertas habis")
    work_the_queue()

    result = explode.get_result(enqueued.id)
    assert result.status == TaskResultStatus.FAILED
    assert [error.exception_class_path for error in result.errors] == ["builtins.ValueError"]
    assert "kertas habis" in result.errors[0].traceback


def test_the_worker_command_of_production_runs_what_the_web_process_enqueued(rq_backend):
    enqueued = add.enqueue(20, 22)
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY="only-for-this-worker-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="sebaya.example.id",
        DATABASE_URL="postgres://sebaya:unused@db.internal:5432/sebaya",
        REDIS_URL=REDIS_URL,
    )
    worker = subprocess.run(
        [sys.executable, "manage.py", "rqworker", "default", "--burst"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr

    result = add.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL, worker.stderr
    assert result.return_value == 42


def test_a_certificate_batch_is_rendered_by_an_rq_worker(
    rq_backend, django_capture_on_commit_callbacks, db
):
    if not apps.is_installed("certificates"):
        pytest.skip("the certificates app is removed")
    from wagtail import hooks

    from certificates.models import Batch, Certificate
    from certificates.services.rendering import batch_retry
    from certificates.tasks import render_batch
    from lms.achievements import ACHIEVEMENT_KINDS_HOOK
    from lms.models import Library
    from tests.certificates import factories
    from tests.lms import factories as lms_factories

    library = lms_factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Lumajang")
    factories.template()
    certificates = [
        factories.certificate(
            recipient=lms_factories.user(library=library, first_name=first, last_name=last),
            subject=library,
        )
        for first, last in [("Sari", "Wulandari"), ("Budi", "Santoso")]
    ]
    batch = Batch.objects.create(title="Pelatihan TIK", total=2)
    batch.certificates.set(certificates)

    results, stop = enqueued_results()
    with hooks.register_temporarily(ACHIEVEMENT_KINDS_HOOK, lambda: [factories.test_kind()]):
        try:
            with django_capture_on_commit_callbacks(execute=True):
                batch_retry(batch=batch)
        finally:
            stop()

        # Queued in Redis behind Wagtail's own tasks (its reference index, updated as the
        # rows above were saved), not run yet: the web process only enqueued it.
        (enqueued,) = results
        queued = rq_backend.job_ids
        assert queued[-1] == enqueued.id
        assert Batch.objects.get(pk=batch.pk).status == Batch.Status.QUEUED
        assert not any(c.is_rendered for c in Certificate.objects.filter(batches=batch))

        assert work_the_queue() is True

    assert rq_backend.count == 0
    backend = task_backends["default"]
    assert {backend.get_result(job_id).status for job_id in queued} == {TaskResultStatus.SUCCESSFUL}
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.failed) == (Batch.Status.FINISHED, 2, 0)
    for certificate in certificates:
        certificate.refresh_from_db()
        assert certificate.is_rendered
    result = render_batch.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == Batch.Status.FINISHED
