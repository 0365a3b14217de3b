"""Panels, their members and the jurors' profiles (what conflict flags are computed from)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from paritrana.accounts.models import Role
from paritrana.accounts.roles import has_role
from paritrana.audit.domain import audit_log
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.models import Assignment, JurorProfile, Panel, PanelMember, ScoreSheet


def _refuse_locked(round: Any) -> None:  # noqa: A002 - the domain's word
    if round.locked_at is not None:
        raise JudgingError(_("The round is locked; its jury can no longer change."))


def panel_create(*, round: Any, name: str, blind: bool, actor: Any) -> Panel:  # noqa: A002
    name = name.strip()
    if not name:
        raise JudgingError(_("Give the panel a name."))
    _refuse_locked(round)
    if Panel.objects.filter(round=round, name=name).exists():
        raise JudgingError(_("This round already has a panel named %(name)s.") % {"name": name})
    with transaction.atomic():
        panel = Panel.objects.create(round=round, name=name, blind=blind)
        audit_log(
            actor=actor,
            action="panel.create",
            obj=panel,
            after={"round": round.pk, "name": name, "blind": blind},
        )
    return panel


def panel_update(*, panel: Panel, name: str, blind: bool, actor: Any) -> Panel:
    name = name.strip()
    if not name:
        raise JudgingError(_("Give the panel a name."))
    _refuse_locked(panel.round)
    if Panel.objects.filter(round=panel.round_id, name=name).exclude(pk=panel.pk).exists():
        raise JudgingError(_("This round already has a panel named %(name)s.") % {"name": name})
    before = {"name": panel.name, "blind": panel.blind}
    with transaction.atomic():
        panel.name, panel.blind = name, blind
        panel.save(update_fields=["name", "blind"])
        audit_log(
            actor=actor,
            action="panel.update",
            obj=panel,
            before=before,
            after={"name": name, "blind": blind},
        )
    return panel


def panel_member_add(*, panel: Panel, juror: Any, actor: Any) -> PanelMember:
    _refuse_locked(panel.round)
    if not has_role(juror, Role.JUROR):
        raise JudgingError(_("%(user)s does not hold the juror role.") % {"user": juror})
    try:
        with transaction.atomic():
            member = PanelMember.objects.create(panel=panel, juror=juror)
            audit_log(actor=actor, action="panel.member_add", obj=panel, after={"juror": juror.pk})
    except IntegrityError as exc:
        raise JudgingError(_("%(user)s is already on this panel.") % {"user": juror}) from exc
    return member


def panel_member_remove(*, member: PanelMember, actor: Any) -> None:
    """Take a juror off a panel with his unstarted assignments; refused once he has scored."""
    panel = member.panel
    _refuse_locked(panel.round)
    assignments = Assignment.objects.filter(panel=panel, juror_id=member.juror_id)
    started = ScoreSheet.objects.filter(
        juror_id=member.juror_id,
        candidate_id__in=assignments.values("candidate_id"),
        scores__isnull=False,
    ).exists()
    if started:
        raise JudgingError(
            _("%(user)s has already scored candidates of this panel and cannot be removed.")
            % {"user": member.juror}
        )
    with transaction.atomic():
        removed = sorted(assignments.values_list("candidate_id", flat=True))
        assignments.delete()
        member.delete()
        audit_log(
            actor=actor,
            action="panel.member_remove",
            obj=panel,
            before={"juror": member.juror_id, "assignments": removed},
        )


def juror_profile_save(
    *,
    user: Any,
    home_province: Any,
    home_regency: Any,
    employer_name: str,
    employer_npp: str,
    actor: Any,
) -> JurorProfile:
    """Create or change a juror's profile; conflict flags follow it at once."""
    if home_regency is not None:
        if home_province is not None and home_regency.province_id != home_province.pk:
            raise JudgingError(
                _("%(regency)s is not in %(province)s.")
                % {"regency": home_regency, "province": home_province}
            )
        home_province = home_province or home_regency.province
    profile = JurorProfile.objects.filter(user=user).first() or JurorProfile(user=user)
    fields = ("home_province_id", "home_regency_id", "employer_name", "employer_npp")
    before = {f: getattr(profile, f) for f in fields} if profile.pk else None
    profile.home_province = home_province
    profile.home_regency = home_regency
    profile.employer_name = employer_name.strip()
    profile.employer_npp = employer_npp.strip()
    after = {f: getattr(profile, f) for f in fields}
    if before == after:
        return profile
    with transaction.atomic():
        profile.save()
        audit_log(actor=actor, action="juror_profile.save", obj=profile, before=before, after=after)
    return profile
