"""Conflicts of interest: flags computed from profiles, declarations, committee clearances.

A juror is conflicted with a candidate when he declared it, or when Paritrana flags it and
the committee has not cleared the flag (with a reason). Flags are recomputed on every read
so that they always follow the current profile and candidate list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.entities.models import Entity, EntityKind
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.models import ConflictClearance, ConflictDeclaration, JurorProfile

# Legal forms and punctuation do not make two employers different ("PT Maju Jaya Tbk" is
# "Maju Jaya"); they are dropped before names are compared.
_LEGAL_FORMS = re.compile(r"\b(pt|cv|tbk|persero|perum|ud|koperasi|pd|perseroda|ltd|inc)\b")
_NOT_WORD = re.compile(r"[^\w\s]")
_BUSINESSES = (EntityKind.BUSINESS, EntityKind.UKM)


def employer_key(name: str) -> str:
    """A comparable form of an employer's name."""
    text = _LEGAL_FORMS.sub(" ", _NOT_WORD.sub(" ", name.casefold()))
    return " ".join(text.split())


def conflict_flags(profile: JurorProfile | None, entity: Entity) -> list[str]:
    """Why Paritrana thinks this juror may be conflicted with this entity (empty: no flag)."""
    if profile is None:
        return []
    reasons = []
    if entity.kind == EntityKind.PROVINCE:
        if profile.home_province_id and profile.home_province_id == entity.province_id:
            reasons.append(_("home province is the candidate's province"))
    elif profile.home_regency_id and profile.home_regency_id == entity.regency_id:
        reasons.append(_("home regency/city is the candidate's regency/city"))
    if entity.kind in _BUSINESSES:
        npp = profile.employer_npp.strip()
        if npp and npp == entity.code:
            reasons.append(_("employer NPP is the candidate's NPP"))
        elif employer_key(profile.employer_name) and employer_key(
            profile.employer_name
        ) == employer_key(entity.name):
            reasons.append(_("employer is the candidate"))
    return reasons


@dataclass
class ConflictTable:
    """Every conflict between a set of jurors and candidates, read in four queries."""

    flags: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    declared: dict[tuple[int, int], str] = field(default_factory=dict)
    cleared: dict[tuple[int, int], str] = field(default_factory=dict)

    def is_conflicted(self, juror_id: int, candidate_id: int) -> bool:
        key = (juror_id, candidate_id)
        return key in self.declared or (bool(self.flags.get(key)) and key not in self.cleared)

    def reasons(self, juror_id: int, candidate_id: int) -> list[str]:
        key = (juror_id, candidate_id)
        declared = []
        if key in self.declared:
            declared.append(_("declared: %(reason)s") % {"reason": self.declared[key]})
        return declared + self.flags.get(key, [])

    def conflicted_pairs(self) -> set[tuple[int, int]]:
        keys = set(self.declared) | set(self.flags)
        return {key for key in keys if self.is_conflicted(*key)}


def conflicts_table(*, juror_ids: Iterable[int], candidates: Iterable[Any]) -> ConflictTable:
    """Conflicts of these jurors with these candidates (candidates with ``entity`` loaded)."""
    juror_ids = list(juror_ids)
    candidates = list(candidates)
    candidate_ids = [c.pk for c in candidates]
    profiles = {p.user_id: p for p in JurorProfile.objects.filter(user_id__in=juror_ids)}
    table = ConflictTable()
    for juror_id in juror_ids:
        for candidate in candidates:
            reasons = conflict_flags(profiles.get(juror_id), candidate.entity)
            if reasons:
                table.flags[(juror_id, candidate.pk)] = reasons
    pairs = {"juror_id__in": juror_ids, "candidate_id__in": candidate_ids}
    for model, target in (
        (ConflictDeclaration, table.declared),
        (ConflictClearance, table.cleared),
    ):
        for juror_id, candidate_id, reason in model.objects.filter(**pairs).values_list(
            "juror_id", "candidate_id", "reason"
        ):
            target[(juror_id, candidate_id)] = reason
    return table


def juror_is_conflicted(*, juror: Any, candidate: Any) -> bool:
    if ConflictDeclaration.objects.filter(juror=juror, candidate=candidate).exists():
        return True
    profile = JurorProfile.objects.filter(user=juror).first()
    if not conflict_flags(profile, candidate.entity):
        return False
    return not ConflictClearance.objects.filter(juror=juror, candidate=candidate).exists()


def conflict_declare(*, juror: Any, candidate: Any, reason: str) -> ConflictDeclaration:
    """The juror declares a conflict: from now on he cannot open or be assigned the candidate."""
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Say why you have a conflict of interest."))
    with transaction.atomic():
        declaration, created = ConflictDeclaration.objects.get_or_create(
            juror=juror, candidate=candidate, defaults={"reason": reason}
        )
        if not created:
            raise JudgingError(_("You have already declared a conflict with this candidate."))
        audit_log(
            actor=juror,
            action="conflict.declare",
            obj=candidate,
            after={"juror": juror.pk, "reason": reason},
        )
    return declaration


def conflict_clear(*, juror: Any, candidate: Any, reason: str, actor: Any) -> ConflictClearance:
    """The committee decides that a flagged conflict is not one; declared ones stay."""
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give the reason for clearing the conflict flag."))
    if ConflictDeclaration.objects.filter(juror=juror, candidate=candidate).exists():
        raise JudgingError(
            _("%(juror)s declared this conflict; a declared conflict cannot be cleared.")
            % {"juror": juror}
        )
    profile = JurorProfile.objects.filter(user=juror).first()
    flags = conflict_flags(profile, candidate.entity)
    if not flags:
        raise JudgingError(_("There is no conflict flag to clear."))
    with transaction.atomic():
        clearance, created = ConflictClearance.objects.get_or_create(
            juror=juror, candidate=candidate, defaults={"reason": reason, "cleared_by": actor}
        )
        if not created:
            raise JudgingError(_("This conflict flag is already cleared."))
        audit_log(
            actor=actor,
            action="conflict.clear",
            obj=candidate,
            before={"juror": juror.pk, "flags": flags},
            after={"juror": juror.pk, "cleared": True, "reason": reason},
        )
    return clearance
