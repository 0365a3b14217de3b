"""Driving one round through its stages, doing each stage's work with the domain functions.

The work of a stage is chosen by the round's *current* stage, and every piece of work skips
what is already done (submitted questionnaires, decided answers, submitted sheets), so an
interrupted demo resumes where it stopped instead of duplicating anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from paritrana.accounts.models import User
from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.locking import round_lock
from paritrana.awards.domain.rounds import round_advance
from paritrana.awards.domain.shortlist import candidate_confirm, candidate_remove
from paritrana.awards.models import Candidate, CandidateStatus, Category, Round, RoundLevel
from paritrana.demo.jury import interviews_score, panel_prepare
from paritrana.demo.people import committee_actor
from paritrana.demo.portal import accounts_invite, questionnaires_fill, round_candidates
from paritrana.demo.progress import Progress
from paritrana.demo.verification import candidate_verify, round_verify
from paritrana.judging.models import Assignment

LOCKED = "LOCKED"  # a target beyond the stages: run until the round is locked
NO_DATA = "Tidak ada data kepesertaan untuk periode penilaian; tidak dapat dinilai."
WITHDREW = "Kepala desa menyatakan mengundurkan diri dari penilaian (surat 12 Maret 2025)."

#: A village withdraws only from a shortlist that stays longer than the podium.
MIN_VILLAGES = 3


@dataclass
class Context:
    seed: int
    cache: Path  # rendered evidence PDFs
    progress: Progress
    #: Demo logins added to a round's panel before the assignment (round pk -> users).
    extra_jurors: dict[int, list[User]] = field(default_factory=dict)
    #: Pairs (juror pk, candidate pk) left unscored in a parked interview stage.
    leave_open: Callable[[Round], set[tuple[int, int]]] = lambda _rnd: set()


def _label(rnd: Round) -> str:
    return rnd.province.name if rnd.province_id else "Nasional"


def shortlist_settle(rnd: Round, ctx: Context, parked: bool) -> None:
    """Confirm the proposals; a province without data cannot be assessed, and one village
    withdraws, so the shortlist shows removals with their reasons too."""
    if parked:
        return
    actor = committee_actor(rnd)
    proposed = [c for c in round_candidates(rnd) if c.status == CandidateStatus.PROPOSED]
    ctx.progress.phase(f"{_label(rnd)}: shortlist", total=len(proposed))
    villages = [c for c in proposed if c.category.code == "DESA"]
    withdrawing = villages[-1] if len(villages) > MIN_VILLAGES else None
    for c in proposed:
        if c.screening_score is None and rnd.level == RoundLevel.NATIONAL:
            candidate_remove(candidate=c, version=c.version, reason=NO_DATA, actor=actor)
        elif c is withdrawing:
            candidate_remove(candidate=c, version=c.version, reason=WITHDREW, actor=actor)
        else:
            candidate_confirm(candidate=c, version=c.version, actor=actor)
        ctx.progress.advance()


def submissions_work(rnd: Round, ctx: Context, parked: bool) -> None:
    candidates = round_candidates(rnd)
    ctx.progress.phase(f"{_label(rnd)}: candidate accounts", total=len(candidates))
    accounts_invite(rnd=rnd, progress=ctx.progress)
    ctx.progress.phase(f"{_label(rnd)}: questionnaires + evidence", total=len(candidates))
    questionnaires_fill(
        rnd=rnd, seed=ctx.seed, cache=ctx.cache, progress=ctx.progress, drafts=parked
    )


def verification_work(rnd: Round, ctx: Context, parked: bool) -> None:
    candidates = round_candidates(rnd)
    ctx.progress.phase(f"{_label(rnd)}: verification", total=len(candidates))
    if not parked:
        round_verify(rnd=rnd, seed=ctx.seed, progress=ctx.progress)
        return
    # Parked here: the first half is verified, the rest waits for the committee.
    actor = committee_actor(rnd)
    for candidate in candidates[: len(candidates) // 2]:
        candidate_verify(candidate=candidate, seed=ctx.seed, actor=actor)
        ctx.progress.advance()


def interview_work(rnd: Round, ctx: Context, parked: bool) -> None:
    ctx.progress.phase(f"{_label(rnd)}: jury panel and assignment", total=None)
    size = 7 if rnd.level == RoundLevel.NATIONAL else 5
    panel_prepare(rnd=rnd, size=size, extra=ctx.extra_jurors.get(rnd.pk, ()))
    total = Assignment.objects.filter(panel__round=rnd).count()
    ctx.progress.phase(f"{_label(rnd)}: interviews scored", total=total)
    leave_open = ctx.leave_open(rnd) if parked else set()
    interviews_score(rnd=rnd, seed=ctx.seed, progress=ctx.progress, leave_open=leave_open)


def _deliberated_categories(rnd: Round) -> list[Category]:
    confirmed = Candidate.objects.filter(round=rnd, status=CandidateStatus.CONFIRMED)
    return list(Category.objects.filter(pk__in=confirmed.values("category_id")).order_by("order"))


def deliberation_work(rnd: Round, ctx: Context, parked: bool) -> None:
    actor = committee_actor(rnd)
    categories = _deliberated_categories(rnd)
    ctx.progress.phase(f"{_label(rnd)}: deliberation", total=len(categories))
    for category in categories:
        deliberation_run(round=rnd, category=category, actor=actor)
        ctx.progress.advance()
    if not parked:
        round_lock(round=rnd, actor=actor)


WORK: dict[str, Callable[[Round, Context, bool], None]] = {
    "SCREENING": shortlist_settle,
    "SUBMISSION": submissions_work,
    "VERIFICATION": verification_work,
    "INTERVIEW": interview_work,
    "DELIBERATION": deliberation_work,
}


def round_drive(*, rnd: Round, until: str, ctx: Context) -> None:
    """Work through the stages up to ``until`` (a stage code, or LOCKED)."""
    while True:
        rnd = Round.objects.select_related("stage", "province", "cycle").get(pk=rnd.pk)
        if rnd.locked_at is not None:
            return
        code = rnd.stage.code
        parked = code == until
        work = WORK.get(code)
        if work is not None:
            work(rnd, ctx, parked)
        if parked or Round.objects.get(pk=rnd.pk).locked_at is not None:
            return
        round_advance(round=rnd, actor=committee_actor(rnd))


def round_publish(*, rnd: Round) -> None:
    """Move a locked round on to the publication stage (results public)."""
    rnd = Round.objects.select_related("stage").get(pk=rnd.pk)
    if rnd.locked_at is not None and not rnd.stage.results_public:
        round_advance(round=rnd, actor=committee_actor(rnd))
