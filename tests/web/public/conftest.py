import pytest
from django.core.cache import cache

from paritrana.accounts.models import Role
from tests.awards.builders import write_store

# Browser tests here use tests/browser's chromium, its serial live server and the hook that
# reloads the reference regions after the live server's flush.
from tests.browser.conftest import (  # noqa: F401 - pytest finds fixtures and hooks by name
    _media,
    _one_request_at_a_time,
    _remember_blocker,
    browser,
    page_for,
    pytest_runtest_teardown,
)
from tests.factories import user_with_role
from tests.web.public.builders import published_cycle


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rankings are cached per run and lock time; tests must not see another test's pages.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english(client, settings):
    # Assertions read English text; the interface defaults to Bahasa Indonesia.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def store(tmp_path, settings):
    settings.ANALYTICS_DIR = write_store(tmp_path)
    settings.PARITRANA_INLINE_JOBS = True
    return tmp_path


@pytest.fixture
def published(store):
    return published_cycle()


#: Every role, including a second province's committee and no role at all.
ROLES = {
    "anonymous": None,
    "no_role": (None, None),
    "national": (Role.NATIONAL_COMMITTEE, None),
    "province_32": (Role.PROVINCIAL_COMMITTEE, "32"),
    "province_36": (Role.PROVINCIAL_COMMITTEE, "36"),
    "juror": (Role.JUROR, None),
    "candidate": (Role.CANDIDATE, None),
    "data_officer": (Role.DATA_OFFICER, None),
}


@pytest.fixture(params=sorted(ROLES))
def role_client(request, client):
    spec = ROLES[request.param]
    if spec is not None:
        client.force_login(user_with_role(spec[0], spec[1]))
    client.role = request.param
    return client
