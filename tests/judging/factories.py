"""Judging fixtures built through the real services (actor None = the system)."""

from __future__ import annotations

import itertools

from paritrana.accounts.models import Role
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus, Round
from paritrana.entities.domain import entity_for_employer, entity_for_province, entity_for_regency
from paritrana.judging.domain.panels import juror_profile_save, panel_create, panel_member_add
from paritrana.regions.models import Province, Regency
from tests.awards.factories import make_cycle
from tests.factories import user_with_role

_npp = itertools.count(1)


def interview_round(*, province: str = "32", stage: str = "INTERVIEW") -> Round:
    """A provincial round of a fresh cycle, moved to the given stage."""
    cycle = make_cycle()
    rnd = cycle.rounds.get(province_id=province)
    rnd.stage = cycle.stages.get(code=stage)
    rnd.save(update_fields=["stage"])
    return rnd


def set_stage(rnd: Round, code: str) -> None:
    rnd.stage = rnd.cycle.stages.get(code=code)
    rnd.save(update_fields=["stage"])


def regency_candidate(rnd: Round, regency: str, **kwargs) -> Candidate:
    entity = entity_for_regency(regency=Regency.objects.get(code=regency))
    return _candidate(rnd, "PEMDA", entity, **kwargs)


def province_candidate(rnd: Round, province: str) -> Candidate:
    entity = entity_for_province(province=Province.objects.get(code=province))
    return _candidate(rnd, "PEMPROV", entity)


def business_candidate(
    rnd: Round, *, name: str, regency: str, npp: str | None = None, small: bool = False
) -> Candidate:
    entity = entity_for_employer(
        npp=npp or f"NPP{next(_npp):08d}",
        name=name,
        regency_code=regency,
        sector="MANUFAKTUR",
        scale="KECIL" if small else "BESAR",
        small=small,
    )
    return _candidate(rnd, "UKM" if small else "BU-MANUFAKTUR", entity)


def _candidate(rnd: Round, category_code: str, entity, **kwargs) -> Candidate:
    return Candidate.objects.create(
        round=rnd,
        category=rnd.cycle.categories.get(code=category_code),
        entity=entity,
        status=kwargs.get("status", CandidateStatus.CONFIRMED),
        origin=CandidateOrigin.MANUAL,
    )


def make_juror(*, province=None, regency=None, employer="", npp="", **kwargs):
    """A juror; with a profile when any of its fields is given."""
    user = user_with_role(Role.JUROR, **kwargs)
    if province or regency or employer or npp:
        juror_profile_save(
            user=user,
            home_province=Province.objects.get(code=province) if province else None,
            home_regency=Regency.objects.get(code=regency) if regency else None,
            employer_name=employer,
            employer_npp=npp,
            actor=None,
        )
    return user


def make_panel(rnd: Round, jurors, *, blind: bool = False, name: str = "Panel A"):
    panel = panel_create(round=rnd, name=name, blind=blind, actor=None)
    for juror in jurors:
        panel_member_add(panel=panel, juror=juror, actor=None)
    return panel
