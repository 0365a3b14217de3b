"""Suite-wide fixtures.

The suite runs twice in CI: on SQLite, then on PostgreSQL with PARITRANA_TEST_DB_ONLY=1,
which keeps only the tests that touch the database (pure-engine tests gain nothing from a
second run). The reference regions are loaded once per test database, as in production.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_REFERENCE = REPO_ROOT.parent / "shared" / "reference"
_DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("PARITRANA_TEST_DB_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") is not None or bool(
            _DB_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from paritrana.regions.domain.loading import regions_load

    with django_db_blocker.unblock():
        regions_load()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
