"""Account services (HackSoft style: ``<entity>_<verb>``, keyword-only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from paritrana.accounts.models import Role, RoleAssignment, User
from paritrana.audit.domain import audit_log


def role_grant(
    *, user: User, role: Role, province_code: str | None = None, actor: object = None
) -> bool:
    """Give ``user`` the role (scoped to a province for provincial committees).

    Returns False when the user already held it, so scripts can be re-run.
    """
    if role == Role.PROVINCIAL_COMMITTEE and not province_code:
        raise ValueError("a provincial committee role needs a province")
    if role != Role.PROVINCIAL_COMMITTEE:
        province_code = None
    with transaction.atomic():
        _assignment, created = RoleAssignment.objects.get_or_create(
            user=user, role=role, province_id=province_code
        )
        if created:
            audit_log(
                actor=actor,
                action="role.grant",
                obj=user,
                after={"role": str(role), "province": province_code},
            )
    return created


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    full_name: str
    role: Role
    province_code: str | None = None


DEMO_PASSWORD = "paritrana-demo-2026"  # noqa: S105 - printed to the demo user on purpose

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("panitia", DEMO_PASSWORD, "Panitia Pusat (demo)", Role.NATIONAL_COMMITTEE),
    DemoAccount(
        "kanwil-jabar",
        DEMO_PASSWORD,
        "Panitia Provinsi Jawa Barat (demo)",
        Role.PROVINCIAL_COMMITTEE,
        "32",
    ),
    DemoAccount(
        "kanwil-banten",
        DEMO_PASSWORD,
        "Panitia Provinsi Banten (demo)",
        Role.PROVINCIAL_COMMITTEE,
        "36",
    ),
    DemoAccount("juri", DEMO_PASSWORD, "Juri (demo)", Role.JUROR),
    DemoAccount("kandidat", DEMO_PASSWORD, "Kandidat (demo)", Role.CANDIDATE),
    DemoAccount("data", DEMO_PASSWORD, "Petugas Data (demo)", Role.DATA_OFFICER),
)


def demo_accounts_ensure() -> tuple[DemoAccount, ...]:
    """Create the demo accounts if missing (idempotent); passwords are reset to the demo one."""
    for account in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(
            username=account.username, defaults={"full_name": account.full_name}
        )
        user.set_password(account.password)
        user.full_name = account.full_name
        user.save()
        role_grant(user=user, role=account.role, province_code=account.province_code)
    return DEMO_ACCOUNTS
