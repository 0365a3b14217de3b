"""Candidates at work: accounts invited, questionnaires answered with evidence, submitted."""

from __future__ import annotations

from pathlib import Path

from paritrana.accounts.models import User
from paritrana.awards.models import Candidate, CandidateStatus, Round
from paritrana.demo.answers import answer_for, candidate_rng
from paritrana.demo.pdfs import as_upload, dossier_pdf
from paritrana.demo.people import candidate_email, committee_actor
from paritrana.demo.progress import Progress
from paritrana.submissions.domain.accounts import candidate_invite
from paritrana.submissions.domain.answers import answer_save, submission_submit
from paritrana.submissions.domain.evidence import evidence_upload
from paritrana.submissions.domain.values import value_claims_something, value_display
from paritrana.submissions.models import CandidateAccount, Question, Submission


def round_candidates(rnd: Round) -> list[Candidate]:
    return list(
        Candidate.objects.filter(round=rnd)
        .exclude(status=CandidateStatus.REMOVED)
        .select_related("entity__province", "entity__regency", "category", "promoted_from")
        .order_by("category__order", "screening_rank", "pk")
    )


def candidate_user(candidate: Candidate) -> User | None:
    """The organisation's account; a promoted winner keeps its provincial one."""
    ids = [candidate.pk] + ([candidate.promoted_from_id] if candidate.promoted_from_id else [])
    link = CandidateAccount.objects.filter(candidate_id__in=ids).select_related("user").first()
    return link.user if link else None


def accounts_invite(*, rnd: Round, progress: Progress) -> None:
    actor = committee_actor(rnd)
    for candidate in round_candidates(rnd):
        if candidate_user(candidate) is None:
            candidate_invite(
                candidate=candidate,
                email=candidate_email(candidate),
                full_name=f"Penanggung jawab {candidate.entity.name}"[:200],
                actor=actor,
            )
        progress.advance()


def _questions(candidate: Candidate) -> list[Question]:
    return list(Question.objects.filter(category_id=candidate.category_id).order_by("order", "pk"))


def questionnaire_fill(
    *, candidate: Candidate, seed: int, cache: Path, submit: bool = True, share: float = 1.0
) -> None:
    """Answer ``share`` of the questions (in order) with evidence; submit when asked."""
    submission = Submission.objects.filter(candidate=candidate).first()
    if submission is not None and submission.is_submitted:
        return  # done on an earlier run
    actor = candidate_user(candidate)
    rng = candidate_rng(seed=seed, candidate=candidate)
    questions = _questions(candidate)
    questions = questions[: max(1, round(len(questions) * share))]
    answers = [(q, answer_for(question=q, candidate=candidate, rng=rng)) for q in questions]
    saved = [
        (q, answer_save(candidate=candidate, question=q, raw=raw, actor=actor))
        for q, raw in answers
    ]
    needing = [
        q
        for q, a in saved
        if q.evidence_required and value_claims_something(question=q, value=a.value)
    ]
    if needing:
        lines = [(q.text, value_display(question=q, value=a.value)) for q, a in saved]
        data = dossier_pdf(candidate=candidate, lines=lines, cache=cache)
        have = set(
            Submission.objects.get(candidate=candidate).evidence.values_list(
                "question_id", flat=True
            )
        )
        for q in needing:
            if q.pk not in have:
                name = f"bukti-{q.code.replace('_', '-')}.pdf"
                evidence_upload(
                    candidate=candidate, question=q, upload=as_upload(data, name), actor=actor
                )
    if submit:
        submission_submit(candidate=candidate, actor=actor)


def questionnaires_fill(
    *, rnd: Round, seed: int, cache: Path, progress: Progress, drafts: bool = False
) -> None:
    """Every candidate submits; with ``drafts`` (a round parked in SUBMISSION) every third
    candidate has submitted and the others are part-way through, as a week before the deadline."""
    for i, candidate in enumerate(round_candidates(rnd)):
        finished = not drafts or i % 3 == 0
        questionnaire_fill(
            candidate=candidate,
            seed=seed,
            cache=cache,
            submit=finished,
            share=1.0 if finished else 0.5,
        )
        progress.advance()
