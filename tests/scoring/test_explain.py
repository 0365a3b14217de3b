from __future__ import annotations

import numpy as np
import pytest

from paritrana.scoring.explain import COLUMNS, explain
from paritrana.scoring.pipeline import run_pipeline
from tests.scoring.builders import mini_frame, mini_tree, spec


def _sums_to_parent(result):
    table = explain(result)
    child = table[table["parent"] != ""]
    sums = child.groupby(["code", "parent"])["contribution"].sum()
    for (code, parent), total in sums.items():
        assert total == pytest.approx(result.scores.loc[code, parent])
    return table


def test_one_row_per_unit_and_node_with_contributions_summing_to_parent():
    result = run_pipeline(mini_frame(), mini_tree(), spec())
    table = _sums_to_parent(result)
    assert list(table.columns) == COLUMNS
    assert len(table) == 6 * 7
    first = table[table["code"] == "U0"]
    assert first["node"].tolist() == list(result.tree.top_down)


def test_arithmetic_contribution_is_weight_share_times_score():
    result = run_pipeline(mini_frame(), mini_tree(), spec())
    row = explain(result, ["U1"]).set_index("node").loc["A"]
    assert row["weight"] == pytest.approx(2 / 3)
    assert row["contribution"] == pytest.approx(2 / 3 * result.scores.loc["U1", "A"])
    assert row["ranked"] == 6


def test_geometric_contributions_still_sum_to_parent():
    result = run_pipeline(
        mini_frame(),
        mini_tree(),
        spec(normalise={"range": [1, 100]}, aggregate={"method": "geometric"}),
    )
    _sums_to_parent(result)


def test_missing_child_gets_no_weight_and_siblings_share_it():
    frame = mini_frame()
    frame.loc[0, "a1"] = np.nan
    result = run_pipeline(frame, mini_tree(), spec())
    rows = explain(result, ["U0"]).set_index("node")
    assert np.isnan(rows.loc["a1", "weight"])
    assert rows.loc["a2", "weight"] == 1.0


def test_strongest_and_weakest_indicators_by_rank():
    result = run_pipeline(mini_frame(), mini_tree(), spec())
    rows = explain(result).set_index(["code", "node"])
    ranks = result.ranks
    for code in result.scores.index:
        best = min(
            result.tree.indicators,
            key=lambda i: (ranks.loc[code, i], result.tree.indicators.index(i)),
        )
        assert rows.loc[(code, "Index"), "strongest"] == best
        assert rows.loc[(code, "a1"), "strongest"] == ""
