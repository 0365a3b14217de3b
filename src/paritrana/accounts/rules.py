"""Permission predicates (django-rules). Views name a permission; this file decides it.

Object-level checks take the object the view acts on: a province for provincial scope.
Later apps add their own predicates (juror assigned to candidate, candidate owns
submission) in their own ``rules.py``.
"""

from __future__ import annotations

from typing import Any

import rules

from paritrana.accounts.models import Role
from paritrana.accounts.roles import committee_provinces, has_role


@rules.predicate
def is_national_committee(user: Any) -> bool:
    return has_role(user, Role.NATIONAL_COMMITTEE)


@rules.predicate
def is_provincial_committee(user: Any) -> bool:
    return has_role(user, Role.PROVINCIAL_COMMITTEE)


@rules.predicate
def is_juror(user: Any) -> bool:
    return has_role(user, Role.JUROR)


@rules.predicate
def is_candidate(user: Any) -> bool:
    return has_role(user, Role.CANDIDATE)


@rules.predicate
def is_data_officer(user: Any) -> bool:
    return has_role(user, Role.DATA_OFFICER)


@rules.predicate
def runs_province(user: Any, province: Any) -> bool:
    """Provincial committee member of this province (the object is a Province or its code)."""
    if province is None:
        return False
    code = getattr(province, "code", province)
    return code in committee_provinces(user)


has_any_role = (
    is_national_committee | is_provincial_committee | is_juror | is_candidate | is_data_officer
)

# Public pages need no rule. Everything below is checked by the views that name it.
rules.add_perm("accounts.view_dashboard", has_any_role)
rules.add_perm("regions.change_zones", is_national_committee)
rules.add_perm("regions.view_province_office", is_national_committee | runs_province)
rules.add_perm("audit.view_log", is_national_committee)
rules.add_perm("analytics.import_data", is_data_officer | is_national_committee)
