from __future__ import annotations

import pandas as pd
import pytest

from paritrana.scoring.errors import TreeError
from paritrana.scoring.tree_io import (
    load_tree_tables,
    tree_from_coinr0,
    tree_from_dict,
    tree_from_imeta,
    tree_to_dict,
)
from tests.scoring.builders import TREE, mini_tree


def test_own_format_round_trips():
    tree = mini_tree()
    again = tree_from_dict(tree_to_dict(tree))
    assert again.top_down == tree.top_down
    assert [again.node(c) for c in again.top_down] == [tree.node(c) for c in tree.top_down]


def test_own_format_carries_every_indicator_field():
    raw = {
        "index": {
            "code": "I",
            "children": [
                {
                    "code": "x",
                    "direction": -1,
                    "target": 3,
                    "goalposts": [0, 10],
                    "levels": [
                        {"value": 0, "score": 0, "label": "none"},
                        {"value": 1, "score": 100},
                    ],
                }
            ],
        }
    }
    node = tree_from_dict(raw).node("x")
    assert (node.direction, node.target, node.goalposts) == (-1, 3.0, (0.0, 10.0))
    assert [lv.label for lv in node.levels] == ["none", None]
    assert tree_from_dict(tree_to_dict(tree_from_dict(raw))).node("x") == node


def test_unknown_key_is_refused():
    raw = {"index": {"code": "I", "children": [{"code": "x", "wieght": 2}]}}
    with pytest.raises(TreeError, match="node 'x' has unknown keys: wieght"):
        tree_from_dict(raw)


def test_non_numeric_weight_is_refused():
    raw = {"index": {"code": "I", "children": [{"code": "x", "weight": "heavy"}]}}
    with pytest.raises(TreeError, match="node 'x': weight must be a number"):
        tree_from_dict(raw)


def test_coinr_imeta():
    imeta = pd.DataFrame(
        {
            "iCode": ["x", "y", "Asp", "Idx", "Den_Pop"],
            "iName": ["X", "Y", "Aspect", "Index", "Population"],
            "Level": [1, 1, 2, 3, None],
            "Direction": [1, -1, None, None, None],
            "Weight": [1, 2, 1, 1, None],
            "Parent": ["Asp", "Asp", "Idx", None, None],
            "Type": ["Indicator", "Indicator", "Aggregate", "Aggregate", "Denominator"],
        }
    )
    tree = tree_from_imeta(imeta)
    assert tree.top_down == ("Idx", "Asp", "x", "y")
    assert tree.node("y").direction == -1
    assert tree.node("y").weight == 2


def _indmeta() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "IndName": ["X", "Y", "Z"],
            "IndCode": ["x", "y", "z"],
            "Direction": [1, -1, 1],
            "IndWeight": [1, 1, 3],
            "Denominator": ["Den_Pop", None, None],
            "Agg1": ["P", "P", "Q"],
            "Agg2": ["Idx", "Idx", "Idx"],
        }
    )


def _aggmeta() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "AgLevel": [2, 2, 3],
            "Code": ["P", "Q", "Idx"],
            "Name": ["P", "Q", "I"],
            "Weight": [1, 2, 1],
        }
    )


def test_coinr0_indmeta_and_aggmeta():
    tree = tree_from_coinr0(_indmeta(), _aggmeta())
    assert tree.children("Idx") == ("P", "Q")
    assert tree.node("Q").weight == 2
    assert tree.node("x").denominator == "Den_Pop"


def test_coinr0_aggregate_with_two_parents():
    ind = _indmeta()
    ind.loc[2, "Agg1"] = "P"
    agg = pd.concat([_aggmeta(), pd.DataFrame({"AgLevel": [3], "Code": ["Other"]})])
    ind.loc[2, "Agg2"] = "Other"
    with pytest.raises(TreeError, match="'P' has two parents"):
        tree_from_coinr0(ind, agg)


def test_coinr0_aggregate_missing_from_aggmeta():
    ind = _indmeta()
    ind.loc[2, "Agg1"] = "Nope"
    with pytest.raises(TreeError, match="'Nope' is used in IndMeta but not defined"):
        tree_from_coinr0(ind, _aggmeta())


def test_load_dispatches_on_file_kind(tmp_path):
    import yaml

    (tmp_path / "tree.yaml").write_text(yaml.safe_dump(TREE))
    assert load_tree_tables(tmp_path / "tree.yaml").indicators == ("a1", "a2", "b1", "b2")
    _indmeta().to_csv(tmp_path / "ind.csv", index=False)
    _aggmeta().to_csv(tmp_path / "agg.csv", index=False)
    assert load_tree_tables(tmp_path / "ind.csv", tmp_path / "agg.csv").root == "Idx"
    with pytest.raises(TreeError, match="give its AggMeta too"):
        load_tree_tables(tmp_path / "ind.csv")
    pd.DataFrame({"foo": [1]}).to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(TreeError, match="not a tree"):
        load_tree_tables(tmp_path / "bad.csv")
