"""The methodology page is generated from the final run's record, not the live criteria."""

import re

import pytest
from django.urls import reverse

from paritrana.awards.models import CriteriaNode

pytestmark = pytest.mark.django_db


def test_methodology_reads_the_recorded_tree_weights_and_pipeline(published, client):
    # After publication the live criteria change (e.g. prepared for the next cycle)...
    CriteriaNode.objects.filter(category=published.pemprov, code="REG").update(
        weight=90, name="Regulasi (baru)"
    )
    url = reverse("public:methodology", args=[published.cycle.slug, "national", "PEMPROV"])
    response = client.get(url)
    method = response.context["method"]
    nodes = {n.code: n for n in method.nodes}
    # ...but the page shows what decided the ranking: REG 50 / CAK 50 as recorded.
    assert nodes["REG"].name == "Regulasi"
    assert nodes["REG"].weight == 50
    assert nodes["REG"].effective == pytest.approx(50)
    assert nodes["reg"].effective == pytest.approx(50)  # its aspect's only indicator
    assert nodes["ca"].source == "Computed indicator"
    assert nodes["ca"].ref == "coverage_active"
    assert nodes["ca"].indicator == "Active participants per working population"
    assert [s.name for s in method.steps] == ["normalise", "aggregate"]
    assert ("method", "minmax") in method.steps[0].params
    assert method.tie_breakers == ["CAK"]
    assert method.decimals == 6
    assert dict(method.groups) == {"JAWA_BALI": 3, "SUMATERA": 1}  # one engine run per zone
    run = published.national.runs.get(category=published.pemprov, is_final=True)
    assert method.digest == run.input_digest
    assert ("runs", "200") in method.sensitivity
    page = re.sub(r"\s+", " ", response.content.decode())
    client.cookies["django_language"] = "id"  # the cached methodology is per language
    nodes = {n.code: n for n in client.get(url).context["method"].nodes}
    assert nodes["ca"].source == "Indikator terhitung"
    assert "Regulasi (baru)" not in page
    assert run.input_digest in page


def test_effective_weights_multiply_down_the_tree(published, client):
    url = reverse("public:methodology", args=[published.cycle.slug, "32", "KAB"])
    nodes = {n.code: n for n in client.get(url).context["method"].nodes}
    # KAB: REG 40 (reg 100) and CAK 60 (ca 50, cb 50) -> ca is 30 % of the total.
    assert nodes["REG"].effective == pytest.approx(40)
    assert nodes["ca"].share == pytest.approx(50)
    assert nodes["ca"].effective == pytest.approx(30)
    assert sum(n.effective for n in nodes.values() if n.is_leaf) == pytest.approx(100)
