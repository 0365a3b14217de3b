"""Screening started from the web runs as a background task, not in the request."""

import pytest

from paritrana.awards.domain.screening import screening_start
from paritrana.awards.models import Candidate, JobStatus, ScreeningJob

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_start_enqueues_after_commit_and_the_task_records_the_outcome(
    small_cycle, settings, django_capture_on_commit_callbacks
):
    settings.PARITRANA_INLINE_JOBS = False
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = screening_start(cycle=small_cycle, actor=None)
    assert job.status == JobStatus.RUNNING
    assert not Candidate.objects.exists()  # nothing ran inside the request
    assert len(callbacks) == 1
    callbacks[0]()  # the commit hands the job to the task backend
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.summary["proposed"] > 0
    assert Candidate.objects.filter(round__cycle=small_cycle).exists()


def test_a_second_start_while_running_is_refused(small_cycle, settings):
    settings.PARITRANA_INLINE_JOBS = False
    settings.TASKS = IMMEDIATE
    ScreeningJob.objects.create(cycle=small_cycle, status=JobStatus.RUNNING)
    with pytest.raises(Exception, match="already running"):
        screening_start(cycle=small_cycle, actor=None)
