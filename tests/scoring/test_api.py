from __future__ import annotations

from paritrana.scoring import api
from tests.scoring.builders import TREE, mini_frame


def test_score_from_plain_dicts_and_everything_the_web_app_needs():
    result = api.score(mini_frame(), TREE, {"steps": {"normalise": {}, "aggregate": {}}})
    assert set(result.datasets) == {"raw", "normalised", "aggregated"}
    assert result.ranks["Index"].notna().all()
    assert len(api.explain(result, ["U0"])) == len(result.tree.top_down)
    sens = api.monte_carlo(result, api.SensitivityParams(runs=10))
    assert list(sens.table.index) == list(result.scores.index)
    assert api.compare_results(result, result)["change"].eq(0).all()
    assert api.tree_to_dict(result.tree)["index"]["code"] == "Index"
