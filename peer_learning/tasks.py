"""Background work of Peer Learning Meetings: making a meeting's materials.

Runs on the configured task backend: the database worker (`manage.py db_worker`) on one
machine, the immediate backend in tests.
"""

from django.conf import settings
from django_tasks import task


@task()
def make_material(job_id: int, language: str = "") -> str:
    from .models import MaterialJob
    from .services.materials import material_run

    job = MaterialJob.objects.select_related("meeting", "requested_by").filter(pk=job_id).first()
    if job is None:
        return "missing"
    return material_run(job=job, language=language or settings.LANGUAGE_CODE).status
