"""Background tasks (django-tasks; the database backend in production, run by
``paritrana worker``)."""

from __future__ import annotations

from django_tasks import task

from paritrana.reports.domain.certificates import certificates_batch_run
from paritrana.reports.models import CertificateBatch


@task()
def certificates_generate(*, batch_id: int) -> int:
    """Generate every certificate of a batch's round; returns how many."""
    batch = CertificateBatch.objects.select_related("round__stage", "round__cycle").get(pk=batch_id)
    certificates_batch_run(batch=batch)
    batch.refresh_from_db()
    return batch.done
