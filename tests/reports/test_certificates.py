import io
import zipfile

import pytest
from django.core.management import call_command

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import Award
from paritrana.reports.domain.certificates import (
    award_scorecard_url,
    certificate_render,
    certificates_batch_start,
)
from paritrana.reports.models import BatchStatus, Certificate, CertificateBatch
from tests.reports.conftest import result_of

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_certificate_pdf_with_the_scorecard_url(published):
    run = published[3]
    award = Award.objects.get(round=published[0], place=1)
    url = award_scorecard_url(award)
    assert url == f"https://paritrana.example/results/scorecard/{result_of(run, '32.02').pk}/"
    pdf = certificate_render(award=award)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 5000


def test_no_certificates_before_publication(locked):
    award = Award.objects.filter(round=locked[0]).first()
    with pytest.raises(RefusedError, match="not published"):
        certificate_render(award=award)
    with pytest.raises(RefusedError, match="not published"):
        certificates_batch_start(round=locked[0], actor=None)


def test_batch_task_generates_every_winner_and_reports_progress(
    published, settings, django_capture_on_commit_callbacks, client
):
    settings.TASKS = IMMEDIATE
    rnd = published[0]
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificates_batch_start(round=rnd, actor=None)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 3, 3)
    assert batch.task_id
    winners = set(Certificate.objects.values_list("award__candidate__entity__code", flat=True))
    assert winners == {"32.02", "32.05", "32.04"}  # only the three places, not 32.03 or 32.01
    assert all(bytes(c.pdf).startswith(b"%PDF") for c in Certificate.objects.all())


def test_batch_through_the_database_queue_and_the_worker(
    published, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """The production path: the task waits in the database until a worker runs it.

    The worker closes "old" connections between tasks; inside the test's transaction
    Django counts the test connection as one (autocommit off) and PostgreSQL would lose
    it, so that housekeeping alone is switched off here.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rnd = published[0]
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificates_batch_start(round=rnd, actor=None)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.QUEUED
    with pytest.raises(RefusedError, match="already being generated"):
        certificates_batch_start(round=rnd, actor=None)
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay")
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 3)


def test_progress_is_shown_in_the_page_and_polled_while_running(published, client, people):
    rnd = published[0]
    batch = CertificateBatch.objects.create(round=rnd, status=BatchStatus.RUNNING, total=3, done=1)
    client.force_login(people["committee32"])
    page = client.get(f"/results/certificates/round/{rnd.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    assert "1 of 3" in html
    assert f'hx-get="/results/certificates/batch/{batch.pk}/"' in html
    assert "htmx" in html  # the script django-htmx ships
    CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.DONE, done=3)
    fragment = client.get(
        f"/results/certificates/batch/{batch.pk}/",
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "3 of 3" in fragment.content.decode()
    assert "hx-get" not in fragment.content.decode()  # finished: polling stops


def test_start_from_the_page_and_download_the_zip(
    published, client, people, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    rnd = published[0]
    client.force_login(people["committee32"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/results/certificates/round/{rnd.pk}/")
    assert response.status_code == 302
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/results/certificates/round/{rnd.pk}.zip").content)
    )
    assert len(archive.namelist()) == 3
    award = Award.objects.get(round=rnd, place=1)
    client.logout()
    pdf = client.get(f"/results/certificates/{award.pk}.pdf")  # public, served from the store
    assert pdf.status_code == 200
    assert pdf.content == bytes(Certificate.objects.get(award=award).pdf)


def test_a_winners_public_scorecard_links_its_certificate(published, client):
    run = published[3]
    award = Award.objects.get(round=published[0], place=1)
    page = client.get(f"/results/scorecard/{result_of(run, '32.02').pk}/").content.decode()
    certificate = f"/results/certificates/{award.pk}.pdf"
    assert certificate in page
    response = client.get(certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
