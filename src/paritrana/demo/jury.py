"""Jury panels, conflicts, automatic assignment and simulated interviews.

Jurors differ the way real panels do: some are lenient, some severe, and every score has
noise around the candidate's merit. That is what the engine's juror statistics (leniency,
ICC) and the optional per-juror normalisation are for, so the demo shows them at work.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from paritrana.accounts.models import User
from paritrana.awards.models import Candidate, Round, RoundLevel
from paritrana.demo.answers import candidate_key, candidate_quality
from paritrana.demo.people import committee_actor, jurors_for
from paritrana.demo.portal import round_candidates
from paritrana.demo.progress import Progress
from paritrana.entities.models import EntityKind
from paritrana.judging.domain.assignments import assignments_generate
from paritrana.judging.domain.conflicts import conflict_declare
from paritrana.judging.domain.panels import juror_profile_save, panel_create, panel_member_add
from paritrana.judging.domain.queries import jury_criteria
from paritrana.judging.domain.sheets import ScoreInput, sheet_save, sheet_submit
from paritrana.judging.models import (
    Assignment,
    ConflictDeclaration,
    JurorProfile,
    Panel,
    PanelMember,
    ScoreSheet,
)
from paritrana.regions.models import Province

K = 3  # jurors per candidate
#: Leniency of the n-th juror of a panel, in rubric points (1-10 scale).
LENIENCY = (1.2, -1.3, 0.0, 0.5, -0.6, 0.2, -0.2)
NOISE = 0.7
ABSTAIN = 0.03
NATIONAL_HOMES = ("32", "31", "35", "73", "36", "12", "64")
_COMMENTS = (
    (7.5, "Paparan meyakinkan; komitmen pimpinan terlihat dari anggaran multi-tahun."),
    (5.5, "Program berjalan, tetapi keberlanjutan anggaran belum terjamin."),
    (0.0, "Data cakupan belum didukung rencana aksi yang jelas."),
)


def _panel(rnd: Round, actor: User) -> Panel:
    existing = Panel.objects.filter(round=rnd).order_by("pk").first()
    if existing is not None:
        return existing
    where = rnd.province.name if rnd.province_id else "Nasional"
    # The national panel scores blind, so the demo shows both modes.
    blind = rnd.level == RoundLevel.NATIONAL
    return panel_create(round=rnd, name=f"Panel Juri {where}", blind=blind, actor=actor)


def _profiles(rnd: Round, jurors: list[User], actor: User) -> None:
    """Home regions; the first juror lives where a candidate is, so a conflict is flagged."""
    candidates = round_candidates(rnd)
    regencies = [c.entity.regency for c in candidates if c.entity.regency_id]
    for n, juror in enumerate(jurors):
        if JurorProfile.objects.filter(user=juror).exists():
            continue
        if rnd.level == RoundLevel.NATIONAL:
            home = Province.objects.get(code=NATIONAL_HOMES[n % len(NATIONAL_HOMES)])
            regency = None
        else:
            home = rnd.province
            regency = regencies[0] if n == 0 and regencies else None
        juror_profile_save(
            user=juror,
            home_province=home,
            home_regency=regency,
            employer_name="Universitas Padjadjaran" if n % 2 else "Dinas Tenaga Kerja",
            employer_npp="",
            actor=actor,
        )


def _declare_one(rnd: Round, jurors: list[User]) -> None:
    """A juror declares a conflict with a business (e.g. he advised it), as jurors do."""
    business = next(
        (c for c in round_candidates(rnd) if c.entity.kind == EntityKind.BUSINESS), None
    )
    if business is None or len(jurors) <= 1:
        return
    if not ConflictDeclaration.objects.filter(juror=jurors[1], candidate=business).exists():
        conflict_declare(
            juror=jurors[1],
            candidate=business,
            reason="Pernah menjadi konsultan K3 perusahaan ini (2023).",
        )


def panel_prepare(*, rnd: Round, size: int, extra: Iterable[User] = ()) -> Panel:
    """Panel, members, profiles, one declared conflict and the automatic assignment."""
    actor = committee_actor(rnd)
    panel = _panel(rnd, actor)
    prefix = (rnd.province_id or "nasional").lower()
    jurors = jurors_for(prefix, size) + list(extra)
    present = set(PanelMember.objects.filter(panel=panel).values_list("juror_id", flat=True))
    for juror in jurors:
        if juror.pk not in present:
            panel_member_add(panel=panel, juror=juror, actor=actor)
    _profiles(rnd, jurors[:size], actor)
    if not Assignment.objects.filter(panel=panel).exists():
        _declare_one(rnd, jurors)
        assignments_generate(panel=panel, k=K, actor=actor)
    return panel


def _score(merit: float, leniency: float, rng: random.Random) -> str:
    value = merit + leniency + rng.gauss(0, NOISE)
    return f"{min(max(round(value * 2) / 2, 1.0), 10.0):g}"


def _sheet(juror: User, candidate: Candidate, leniency: float, seed: int) -> None:
    rng = random.Random(f"{seed}:sheet:{juror.username}:{candidate_key(candidate)}")  # noqa: S311 - simulation, not secrets
    merit = 3.5 + 5.5 * candidate_quality(candidate)
    entries = {}
    for criterion in jury_criteria(category=candidate.category_id):
        if rng.random() < ABSTAIN:
            entries[criterion.pk] = ScoreInput(abstained=True, comment="Tidak dapat menilai.")
        else:
            entries[criterion.pk] = ScoreInput(
                value=_score(merit + rng.gauss(0, 0.5), leniency, rng)
            )
    comment = next(text for floor, text in _COMMENTS if merit >= floor)
    sheet_save(juror=juror, candidate=candidate, entries=entries, comment=comment, actor=juror)
    sheet_submit(juror=juror, candidate=candidate, actor=juror)


def interviews_score(
    *,
    rnd: Round,
    seed: int,
    progress: Progress,
    leave_open: AbstractSet[tuple[int, int]] = frozenset(),
) -> None:
    """Every assigned juror scores and submits, except the (juror, candidate) pairs left open."""
    members = list(
        PanelMember.objects.filter(panel__round=rnd)
        .order_by("panel_id", "pk")
        .values_list("juror_id", flat=True)
    )
    leniency = {j: LENIENCY[n % len(LENIENCY)] for n, j in enumerate(members)}
    done = set(
        ScoreSheet.objects.filter(candidate__round=rnd, submitted_at__isnull=False).values_list(
            "juror_id", "candidate_id"
        )
    )
    assignments = (
        Assignment.objects.filter(panel__round=rnd)
        .select_related(
            "juror",
            "candidate__entity",
            "candidate__category",
            "candidate__round",
            "candidate__promoted_from",
        )
        .order_by("candidate_id", "juror_id")
    )
    for a in assignments:
        pair = (a.juror_id, a.candidate_id)
        if pair not in done and pair not in leave_open:
            _sheet(a.juror, a.candidate, leniency[a.juror_id], seed)
        progress.advance()
