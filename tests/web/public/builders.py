"""Published results built through the real award services (screening aside).

A provincial round (Jawa Barat, 32) with the KAB category scored on computed indicators
only, and the national round with the provinces ranked within their zones. Deliberation
lock and publication (``round_stage_set`` to PUBLICATION) are the real ``awards.domain``
functions, and the visibility rule (``awards.domain.publication``) is never bypassed.
"""

from __future__ import annotations

from dataclasses import dataclass

from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.locking import award_special_set, round_lock
from paritrana.awards.domain.rounds import round_stage_set
from paritrana.awards.models import (
    AwardCycle,
    Candidate,
    CandidateOrigin,
    CandidateStatus,
    Category,
    Round,
    Stage,
)
from paritrana.entities.domain import entity_for_province, entity_for_regency
from paritrana.regions.models import Province, Regency
from tests.awards.builders import COMPUTED_ONLY, SMALL_PEMPROV, national, provincial, to_stage
from tests.awards.factories import make_cycle

KAB_CODES = ("32.01", "32.02", "32.03", "32.04", "32.05")
PROVINCE_CODES = ("32", "36", "31", "11")


def confirm(rnd: Round, category: Category, entities: list) -> dict[str, Candidate]:
    return {
        e.code: Candidate.objects.create(
            round=rnd,
            category=category,
            entity=e,
            status=CandidateStatus.CONFIRMED,
            origin=CandidateOrigin.MANUAL,
        )
        for e in entities
    }


def _regencies(codes: tuple[str, ...]) -> list:
    return [entity_for_regency(regency=r) for r in Regency.objects.filter(code__in=codes)]


def publish(rnd: Round) -> Round:
    """Move a locked round into the results-public stage, as the committee does."""
    stage = Stage.objects.get(cycle_id=rnd.cycle_id, code="PUBLICATION")
    round_stage_set(round=rnd, stage=stage, actor=None)
    rnd.refresh_from_db()
    return rnd


def deliberate_and_lock(rnd: Round, category: Category) -> None:
    to_stage(rnd, "DELIBERATION")
    deliberation_run(round=rnd, category=category, actor=None)
    round_lock(round=rnd, actor=None)


@dataclass
class Published:
    cycle: AwardCycle
    provincial: Round
    national: Round
    kab: Category
    pemprov: Category
    kab_candidates: dict[str, Candidate]
    province_candidates: dict[str, Candidate]


def published_cycle(*, publish_provincial: bool = True, publish_national: bool = True) -> Published:
    """A cycle whose round of province 32 and national round are locked (and published)."""
    cycle = make_cycle(templates=(SMALL_PEMPROV, COMPUTED_ONLY), analytics_cycle="c1")
    kab, pemprov = cycle.categories.get(code="KAB"), cycle.categories.get(code="PEMPROV")
    prov = provincial(cycle, "32")
    kab_candidates = confirm(prov, kab, _regencies(KAB_CODES))
    deliberate_and_lock(prov, kab)
    banten = provincial(cycle, "36")
    confirm(banten, kab, _regencies(("36.01", "36.02")))
    deliberate_and_lock(banten, kab)
    nat = national(cycle)
    provinces = [
        entity_for_province(province=p) for p in Province.objects.filter(code__in=PROVINCE_CODES)
    ]
    province_candidates = confirm(nat, pemprov, provinces)
    to_stage(nat, "DELIBERATION")
    deliberation_run(round=nat, category=pemprov, actor=None)
    deliberation_run(round=nat, category=kab, actor=None)  # the two promoted winners
    award_special_set(
        round=nat,
        category=pemprov,
        candidate=province_candidates["36"],
        name="Terbaik Inovasi",
        actor=None,
    )
    round_lock(round=nat, actor=None)
    if publish_provincial:
        prov = publish(prov)
    if publish_national:
        nat = publish(nat)
    return Published(cycle, prov, nat, kab, pemprov, kab_candidates, province_candidates)
