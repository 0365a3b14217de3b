import itertools

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from typer.testing import CliRunner

from paritrana.audit.domain import audit_log, audit_verify
from paritrana.audit.models import AppendOnlyError, AuditEntry
from paritrana.cli import app
from paritrana.regions.models import Province
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _chain(n=4):
    user = UserFactory(username="auditor")
    province = Province.objects.get(code="32")
    return [
        audit_log(
            actor=user, action="test.change", obj=province, before={"i": i}, after={"i": i + 1}
        )
        for i in range(n)
    ]


def test_entries_link_and_verify():
    entries = _chain()
    assert entries[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    report = audit_verify()
    assert report.ok
    assert report.checked == 4
    assert entries[0].actor_label == str(UserFactory(username="auditor"))
    assert entries[0].object_type == "regions.Province"
    assert entries[0].object_id == "32"


def test_model_refuses_change_and_delete():
    entry = _chain(1)[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_database_refuses_raw_update():
    entry = _chain(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'forged' WHERE id = %s", [entry.pk])


def _tamper(sql, params):
    """What a DBA with full rights could do: drop the guard, then edit rows."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER audit_entry_append_only ON audit_auditentry"
            if connection.vendor == "postgresql"
            else "DROP TRIGGER audit_entry_append_only"
        )
        cursor.execute(sql, params)


def test_tampered_content_is_detected_at_the_right_entry():
    entries = _chain()
    _tamper("UPDATE audit_auditentry SET after = %s WHERE id = %s", ['{"i": 99}', entries[2].pk])
    report = audit_verify()
    assert not report.ok
    assert report.broken_at == entries[2].pk
    assert report.reason == "content does not match its hash"


def test_removed_entry_is_detected():
    entries = _chain()
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    report = audit_verify()
    assert not report.ok
    assert report.broken_at == entries[2].pk
    assert report.reason == "link to the previous entry is broken"


def test_removed_last_entry_is_detected():
    entries = _chain()
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    report = audit_verify()
    assert not report.ok
    assert "head does not match" in report.reason


def test_cli_verify_exit_codes():
    entries = _chain()
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output
    _tamper(
        "UPDATE audit_auditentry SET actor_label = %s WHERE id = %s", ["mallory", entries[0].pk]
    )
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1
    assert f"entry #{entries[0].pk}" in bad.output
    assert AuditEntry.objects.count() == 4


def test_log_page_verifies_the_chain_only_when_asked(client):
    from paritrana.accounts.models import Role
    from tests.factories import user_with_role

    entries = _chain()
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    page = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "entries in the chain" in page
    assert "Chain intact" not in page
    _tamper("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["forged", entries[1].pk])
    page = client.get("/audit/?verify=1", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Chain broken — #{entries[1].pk}" in page
