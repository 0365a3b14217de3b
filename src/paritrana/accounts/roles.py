"""Reading a user's roles once per request instead of once per permission check."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from paritrana.accounts.models import Role, User

_CACHE_ATTR = "_paritrana_roles"


def roles_of(user: User | AnonymousUser) -> frozenset[tuple[str, str | None]]:
    """The (role, province code) pairs the user holds; empty for anonymous or inactive users."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = frozenset(user.role_assignments.values_list("role", "province_id"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def has_role(user: User | AnonymousUser, role: Role) -> bool:
    return any(r == role for r, _p in roles_of(user))


def committee_provinces(user: User | AnonymousUser) -> frozenset[str]:
    """Province codes the user runs as a provincial committee member."""
    return frozenset(p for r, p in roles_of(user) if r == Role.PROVINCIAL_COMMITTEE and p)


def forget_roles(user: User) -> None:
    """Drop the per-request cache after the user's roles change."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
