"""Published scorecards are cached per lock; unpublished ones never touch that cache."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.locking import round_lock, round_unlock
from paritrana.awards.models import ScoringRun
from paritrana.reports.domain.scorecard import scorecard_cache_key
from tests.awards.builders import to_stage
from tests.reports.conftest import result_of

pytestmark = pytest.mark.django_db

PROVISIONAL = "Provisional: these results are not published yet"


@pytest.fixture(autouse=True)
def _english(client):
    english(client)


def english(client):
    # Assertions read English text; the interface defaults to Bahasa Indonesia.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url_of(result):
    return f"/results/scorecard/{result.pk}/"


def as_user(client, user):
    client.logout()  # forgets the language cookie too
    if user is not None:
        client.force_login(user)
    return english(client)


def public_entries(result):
    """What the public cache holds for ``result``: the result row and the built card."""
    keys = (f"paritrana:reports:result:{result.pk}", scorecard_cache_key(result))
    return [key for key in keys if cache.get(key) is not None]


def test_a_cached_published_scorecard_needs_only_the_visibility_query(client, published):
    result = result_of(published[3], "32.04")
    assert client.get(url_of(result)).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url_of(result))
    assert result.candidate.entity.name in again.content.decode()
    assert "47.50" in again.content.decode()  # the total score, from the cached body
    ours = [q for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(ours) == 1  # still published with the same lock and final run?


def test_unlocking_hides_a_cached_scorecard_at_once(client, published, people):
    rnd, _category, _c, run = published
    result = result_of(run, "32.04")
    page = client.get(url_of(result))
    assert page.status_code == 200
    assert PROVISIONAL not in page.content.decode()
    assert public_entries(result)  # now cached
    round_unlock(round=rnd, actor=None, reason="jury sheet corrected")
    assert client.get(url_of(result)).status_code == 302  # to the login page
    committee = as_user(client, people["committee32"]).get(url_of(result))
    assert committee.status_code == 200
    assert PROVISIONAL in committee.content.decode()  # not the cached public page


def test_a_superseded_run_is_not_served_from_the_cache(client, published, people):
    run = published[3]
    result = result_of(run, "32.04")
    assert client.get(url_of(result)).status_code == 200  # now cached
    ScoringRun.objects.filter(pk=run.pk).update(is_final=False)  # the lock time unchanged
    assert client.get(url_of(result)).status_code == 302
    own = as_user(client, people["own_candidate"]).get(url_of(result))
    assert PROVISIONAL in own.content.decode()


def test_a_relocked_round_serves_its_new_run_and_not_the_old_card(client, published, people):
    rnd, category, _c, old_run = published
    old = result_of(old_run, "32.04")
    assert client.get(url_of(old)).status_code == 200  # now cached
    round_unlock(round=rnd, actor=None, reason="jury sheet corrected")
    to_stage(rnd, "DELIBERATION")
    new_run = deliberation_run(round=rnd, category=category, actor=None)
    round_lock(round=rnd, actor=None)
    to_stage(rnd, "PUBLICATION")
    new = result_of(new_run, "32.04")
    assert new.pk != old.pk
    page = client.get(url_of(new))
    assert page.status_code == 200
    assert PROVISIONAL not in page.content.decode()
    assert page.context["body_cache_key"] == scorecard_cache_key(new)
    assert client.get(url_of(old)).status_code == 302  # the old run is no longer final
    assert PROVISIONAL in as_user(client, people["committee32"]).get(url_of(old)).content.decode()


def test_a_provisional_scorecard_never_enters_the_public_cache(client, locked, people):
    """Locked but not published: the committee and the candidate see a provisional card,
    which is neither stored nor served once the round is published."""
    rnd, _category, _c, run = locked
    result = result_of(run, "32.04")
    for role in ("committee32", "own_candidate"):
        page = as_user(client, people[role]).get(url_of(result))
        assert page.status_code == 200
        assert PROVISIONAL in page.content.decode()
        assert page.context["body_cache_key"] == ""  # the body is not fragment-cached
    assert public_entries(result) == []
    to_stage(rnd, "PUBLICATION")
    public = as_user(client, None).get(url_of(result))
    assert public.status_code == 200
    assert PROVISIONAL not in public.content.decode()
    assert len(public_entries(result)) == 2
