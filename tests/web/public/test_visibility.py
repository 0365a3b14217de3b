"""Only published rounds are public: every role gets 404 for anything else."""

import pytest
from django.urls import reverse

from paritrana.awards.domain.locking import round_unlock
from paritrana.awards.models import Result
from tests.web.public.builders import deliberate_and_lock, publish, published_cycle

pytestmark = pytest.mark.django_db


def round_urls(slug, key, category):
    return [
        reverse("public:round", args=[slug, key]),
        reverse("public:ranking", args=[slug, key, category]),
        reverse("public:ranking_csv", args=[slug, key, category]),
        reverse("public:methodology", args=[slug, key, category]),
    ]


def test_published_pages_are_public_for_every_role(published, role_client):
    slug = published.cycle.slug
    urls = [reverse("public:index"), reverse("public:cycle", args=[slug])]
    urls += round_urls(slug, "national", "PEMPROV") + round_urls(slug, "32", "KAB")
    for url in urls:
        assert role_client.get(url).status_code == 200, (role_client.role, url)


def test_locked_but_unpublished_round_is_404_for_every_role(store, role_client):
    p = published_cycle(publish_provincial=False)  # province 32 locked, not in publication
    index = role_client.get(reverse("public:index")).content.decode()
    cycle = role_client.get(reverse("public:cycle", args=[p.cycle.slug])).content.decode()
    for page in (index, cycle):
        assert reverse("public:round", args=[p.cycle.slug, "national"]) in page
        assert reverse("public:round", args=[p.cycle.slug, "32"]) not in page
    for url in round_urls(p.cycle.slug, "32", "KAB"):
        assert role_client.get(url).status_code == 404, (role_client.role, url)


def test_nothing_published_means_404_for_the_cycle(store, role_client):
    p = published_cycle(publish_provincial=False, publish_national=False)
    assert role_client.get(reverse("public:cycle", args=[p.cycle.slug])).status_code == 404
    for url in round_urls(p.cycle.slug, "national", "PEMPROV"):
        assert role_client.get(url).status_code == 404, (role_client.role, url)


def test_a_round_in_publication_but_not_locked_is_not_public(store, client):
    """Publication needs both: the lock and a results-public stage."""
    from tests.awards.builders import provincial, to_stage

    p = published_cycle()
    banten = provincial(p.cycle, "36")  # locked by the builder, never published
    assert client.get(reverse("public:round", args=[p.cycle.slug, "36"])).status_code == 404
    other = provincial(p.cycle, "11")  # never locked: publication stage alone is not enough
    to_stage(other, "PUBLICATION")
    assert client.get(reverse("public:round", args=[p.cycle.slug, "11"])).status_code == 404
    assert banten.is_locked


def test_unlocking_hides_a_cached_ranking_at_once(published, client):
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    assert client.get(url).status_code == 200  # now cached
    round_unlock(round=published.national, actor=None, reason="jury sheet corrected")
    assert client.get(url).status_code == 404


def test_relocking_serves_the_new_run_not_the_cached_ranking(published, client):
    """Same URL, a new final run: its rows (scorecard links) replace the cached ones."""
    rnd, pemprov = published.national, published.pemprov
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    old = set(final_results(rnd, pemprov))
    assert all(f"/results/scorecard/{pk}/" in client.get(url).content.decode() for pk in old)
    round_unlock(round=rnd, actor=None, reason="jury sheet corrected")
    assert client.get(url).status_code == 404
    deliberate_and_lock(rnd, pemprov)
    publish(rnd)
    new = set(final_results(rnd, pemprov))
    assert new
    assert not new & old
    html = client.get(url).content.decode()
    assert all(f"/results/scorecard/{pk}/" in html for pk in new)
    assert not any(f"/results/scorecard/{pk}/" in html for pk in old)


def final_results(rnd, category):
    results = Result.objects.filter(run__round=rnd, run__category=category, run__is_final=True)
    return results.values_list("pk", flat=True)


def test_unknown_cycle_round_and_category_are_404(published, client):
    slug = published.cycle.slug
    for url in (
        reverse("public:cycle", args=["nope"]),
        reverse("public:round", args=[slug, "99"]),
        reverse("public:ranking", args=[slug, "national", "NOPE"]),
        reverse("public:ranking", args=[slug, "32", "PEMPROV"]),  # no PEMPROV run in 32
        reverse("public:methodology", args=[slug, "national", "NOPE"]),
    ):
        assert client.get(url).status_code == 404, url
