"""Background work of the certificates app: rendering PDFs, one or a whole batch.

Runs on the configured task backend: the database worker (`manage.py db_worker`) on one
machine, the immediate backend in tests.
"""

from django_tasks import task


@task()
def render_certificate(certificate_id: int) -> bool:
    from .models import Certificate
    from .services.rendering import certificate_render

    certificate = (
        Certificate.objects.select_related("template")
        .prefetch_related("template__signatories__signature", "template__logos__image")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.is_rendered:
        return True
    return certificate_render(certificate=certificate)


@task()
def render_batch(batch_id: int) -> str:
    from .models import Batch
    from .services.rendering import batch_run

    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:
        return "missing"
    return batch_run(batch=batch).status
