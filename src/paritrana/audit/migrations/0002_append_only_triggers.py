"""Database triggers that refuse changes to audit entries, whoever sends the SQL.

PostgreSQL refuses UPDATE and DELETE. SQLite refuses UPDATE only: Django's test flush
empties SQLite tables with DELETE, and a deleted entry is caught anyway by the chain
verification (broken link or head mismatch).
"""

from django.db import migrations

PG_UP = (
    """CREATE OR REPLACE FUNCTION paritrana_audit_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit entries are append-only';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION paritrana_audit_append_only()""",
)
PG_DOWN = (
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry",
    "DROP FUNCTION IF EXISTS paritrana_audit_append_only()",
)
SQLITE_UP = (
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_auditentry
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END""",
)
SQLITE_DOWN = ("DROP TRIGGER IF EXISTS audit_entry_append_only",)


def _run(sql_by_vendor):
    def run(apps, schema_editor):
        for statement in sql_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": PG_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
