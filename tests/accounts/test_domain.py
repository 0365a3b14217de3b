import pytest

from paritrana.accounts.domain import DEMO_ACCOUNTS, demo_accounts_ensure, role_grant
from paritrana.accounts.models import Role, RoleAssignment, User
from paritrana.accounts.roles import committee_provinces, forget_roles
from paritrana.audit.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_grant_is_idempotent_and_audited():
    user = UserFactory()
    assert role_grant(user=user, role=Role.PROVINCIAL_COMMITTEE, province_code="32")
    assert not role_grant(user=user, role=Role.PROVINCIAL_COMMITTEE, province_code="32")
    assert RoleAssignment.objects.filter(user=user).count() == 1
    assert AuditEntry.objects.filter(action="role.grant").count() == 1
    forget_roles(user)
    assert committee_provinces(user) == {"32"}


def test_provincial_role_needs_a_province():
    with pytest.raises(ValueError, match="needs a province"):
        role_grant(user=UserFactory(), role=Role.PROVINCIAL_COMMITTEE)


def test_demo_accounts_twice():
    demo_accounts_ensure()
    demo_accounts_ensure()
    assert User.objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS]).count() == len(
        DEMO_ACCOUNTS
    )
    assert {r for (r,) in RoleAssignment.objects.values_list("role")} == set(Role.values)
