"""List pages cost a fixed number of queries, however many rounds and candidates they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from paritrana.awards.domain.publication import published_rounds
from paritrana.web.public.links import package_digest
from tests.awards.builders import provincial
from tests.web.public.builders import publish, published_cycle

pytestmark = pytest.mark.django_db


def ours(captured):
    """Leave out the result package the reports app builds (and stores) once per lock."""
    return [
        q
        for q in captured
        if "reports_" not in q["sql"] and not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]


def queries(client, url):
    for rnd in published_rounds():
        package_digest(rnd)  # built and stored once per lock, by the reports app
    cache.clear()  # cold: the cached pages would hide an N+1
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ours(ctx.captured_queries))


def test_ranking_pages_do_not_grow_with_candidates_or_zones(published, client):
    slug = published.cycle.slug
    national = queries(client, reverse("public:ranking", args=[slug, "national", "PEMPROV"]))
    provincial_ = queries(client, reverse("public:ranking", args=[slug, "32", "KAB"]))
    assert national == provincial_  # 4 provinces in 2 zones vs 5 regencies
    assert national <= 7


def test_index_cycle_and_round_pages_do_not_grow_with_rounds(published, client):
    slug = published.cycle.slug
    urls = [
        reverse("public:index"),
        reverse("public:cycle", args=[slug]),
        reverse("public:round", args=[slug, "32"]),
    ]
    before = [queries(client, url) for url in urls]
    publish(provincial(published.cycle, "36"))  # a third published round
    published_cycle()  # and a second published cycle
    after = [queries(client, url) for url in urls]
    assert before == after
    assert queries(client, reverse("public:round", args=[slug, "national"])) == before[2]
    assert max(before) <= 5


def test_cached_ranking_needs_only_the_visibility_lookups(published, client):
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    assert len(ours(ctx.captured_queries)) <= 2  # the published round, its final run
