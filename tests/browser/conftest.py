"""Playwright driving Debian's chromium against pytest-django's live server.

The live server needs a transactional database, whose teardown empties every table --
including the reference regions the suite loads once per database. They are loaded again
after each browser test (when another test follows), so the tests after these still find
them, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from paritrana.accounts.models import Role
from tests.factories import user_with_role

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct-horse-battery"
_blocker: list[Any] = []


def _unavailable(reason: str) -> None:
    # CI must run these tests: a missing browser there is a broken setup, not a skip.
    message = f"{reason}; scripts/ensure-system.sh test installs it (never 'playwright install')."
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def _remember_blocker(django_db_blocker):
    _blocker.append(django_db_blocker)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    result = yield
    # After the transactional flush (a fixture finaliser, run inside the wrapped hook).
    if nextitem is not None and _blocker and "live_server" in getattr(item, "fixturenames", ()):
        from paritrana.regions.domain.loading import regions_load

        with _blocker[0].unblock():
            regions_load()
    return result


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Chromium for this package's tests only: the event loop of Playwright's sync API (and
    the permission given to Django below) ends with the last browser test."""
    if shutil.which(CHROMIUM) is None:
        _unavailable(f"Debian's chromium is not installed ({CHROMIUM} is missing)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # test's own (synchronous) database calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _one_request_at_a_time() -> Iterator[None]:
    """The live server handles one request at a time.

    SQLite's shared in-memory test database answers a second concurrent writer with "table
    is locked" at once, and a page's autosave may well overlap a click. Django's
    non-threaded server also closes each connection, so the browser never waits on it.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialServer(WSGIServer):
        # The live server thread installs the shared connections itself before serving;
        # only the threaded server needs them passed on to its request threads.
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("connections_override", None)
            super().__init__(*args, **kwargs)

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = SerialServer
    yield
    LiveServerThread.server_class = threaded


@pytest.fixture
def page_for(_one_request_at_a_time, browser, live_server) -> Iterator[Any]:
    """``page_for(**context_options)``: a fresh browser context in English, closed afterwards."""
    contexts = []

    def make(**options: Any) -> Any:
        context = browser.new_context(locale="en-US", base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def log_in(page: Any, username: str, next_url: str) -> None:
    """Through the real login form: django-axes needs the request on authenticate()."""
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")  # the header has a language form too
    assert "/accounts/login/" not in page.url, page.content()[:2000]


def screenshot(page: Any, path: Path, **options: Any) -> Path:
    page.screenshot(path=str(path), **options)
    assert path.stat().st_size > 0
    return path


def committee_member(province: str | None = None, **kwargs: Any) -> Any:
    role = Role.PROVINCIAL_COMMITTEE if province else Role.NATIONAL_COMMITTEE
    return user_with_role(role, province, **kwargs)
