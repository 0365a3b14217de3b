"""Certificates (piagam) for the winners of published rounds, one PDF per award.

Winners are the ``Award`` rows of a published round: places 1-3 set by the lock and the
special awards. Each certificate carries a QR code and the printed URL of the winner's
public scorecard, so anyone holding the paper can check the result behind it. A round's
certificates are generated in one background task (``tasks.certificates_generate``) that
reports its progress in ``CertificateBatch``.
"""

from __future__ import annotations

import hashlib
from typing import Any

import segno
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Award, Result, Round
from paritrana.reports.domain.pdf import pdf_render
from paritrana.reports.models import BatchStatus, Certificate, CertificateBatch
from paritrana.submissions.conf import site_url


def round_awards(rnd: Round) -> QuerySet[Award]:
    """The awards of a round, for certificates: places first, then special awards."""
    return (
        Award.objects.filter(round=rnd)
        .select_related(
            "candidate__entity__province", "category", "round__cycle", "round__province"
        )
        .order_by("category__order", "group", "place", "special")
    )


def award_result(award: Award) -> Result | None:
    """The winner's result in the final run (special awards have no run of their own)."""
    runs = award.round.runs.filter(category_id=award.category_id, is_final=True)
    run_id = award.run_id or runs.values_list("pk", flat=True).first()
    return Result.objects.filter(run_id=run_id, candidate_id=award.candidate_id).first()


def award_scorecard_url(award: Award, *, base_url: str | None = None) -> str:
    result = award_result(award)
    if result is None:
        return (base_url or site_url()) + reverse("web:home")
    return (base_url or site_url()) + reverse("reports:scorecard", args=[result.pk])


def certificate_render(*, award: Award, base_url: str | None = None) -> bytes:
    """The certificate of one award as PDF bytes (refused unless its round is published)."""
    if not round_is_published(award.round):
        raise RefusedError(f"{award.round} is not published: no certificates yet.")
    url = award_scorecard_url(award, base_url=base_url)
    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    return pdf_render(
        template="reports/certificate_pdf.html",
        context={"award": award, "url": url, "qr": qr, "cycle": award.round.cycle},
    )


def certificates_batch_start(*, round: Round, actor: Any) -> CertificateBatch:  # noqa: A002 - 'round' is the domain's word
    """Queue the generation of every certificate of a published round."""
    from paritrana.reports.tasks import certificates_generate  # noqa: PLC0415 - tasks import this module

    if not round_is_published(round):
        raise RefusedError(f"{round} is not published: no certificates yet.")
    if CertificateBatch.objects.filter(
        round=round, status__in=(BatchStatus.QUEUED, BatchStatus.RUNNING)
    ).exists():
        raise RefusedError("Certificates of this round are already being generated.")
    batch = CertificateBatch.objects.create(
        round=round,
        actor=actor if getattr(actor, "pk", None) else None,
        total=round_awards(round).count(),
    )
    # enqueue after commit: a worker must find the batch row when it picks the task up
    transaction.on_commit(lambda: _enqueue(batch, certificates_generate))
    return batch


def _enqueue(batch: CertificateBatch, task: Any) -> None:
    result = task.enqueue(batch_id=batch.pk)
    CertificateBatch.objects.filter(pk=batch.pk).update(task_id=str(result.id))


def certificates_batch_run(*, batch: CertificateBatch, base_url: str | None = None) -> None:
    """Generate and store each certificate, counting progress as it goes (the task body)."""
    CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.RUNNING)
    try:
        awards = list(round_awards(batch.round))
        CertificateBatch.objects.filter(pk=batch.pk).update(total=len(awards))
        for done, award in enumerate(awards, start=1):
            pdf = certificate_render(award=award, base_url=base_url)
            Certificate.objects.update_or_create(
                award=award,
                defaults={"pdf": pdf, "sha256": hashlib.sha256(pdf).hexdigest(), "batch": batch},
            )
            CertificateBatch.objects.filter(pk=batch.pk).update(done=done)
    except Exception as exc:
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.DONE, finished_at=timezone.now()
    )
