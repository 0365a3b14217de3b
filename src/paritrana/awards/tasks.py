"""Background tasks of the award workflow (django-tasks, run by ``paritrana worker``)."""

from __future__ import annotations

from django_tasks import task

from paritrana.accounts.models import User
from paritrana.awards.models import ScreeningJob


@task()
def screening_job_run(*, job_id: int, actor_id: int | None) -> str:
    """Run a screening job started from the web; the job row records its outcome."""
    from paritrana.awards.domain.screening import screening_job_execute  # noqa: PLC0415 - avoids an import cycle

    job = ScreeningJob.objects.select_related("cycle").get(pk=job_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    screening_job_execute(job=job, actor=actor)
    job.refresh_from_db()
    return str(job.status)
