import pytest

# The published cycle, the role matrix and the cache reset are the public pages' fixtures.
from tests.web.public.conftest import (  # noqa: F401 - pytest finds fixtures by name
    ROLES,
    _fresh_cache,
    published,
    role_client,
    store,
)
from tests.web.public.coverage_store import write_coverage_store


@pytest.fixture
def coverage_store(request):
    """Coverage tables of cycles 2023 and 2024 beside the award store's cycle c1."""
    return write_coverage_store(request.getfixturevalue("store"))
