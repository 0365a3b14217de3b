from __future__ import annotations

import numpy as np
import pytest

from paritrana.scoring.errors import DataError
from paritrana.scoring.tree_io import tree_from_dict
from paritrana.scoring.units import UnitColumns, prepare_units
from tests.scoring.builders import mini_frame, mini_tree


def test_splits_codes_names_groups_denominators_indicators():
    units = prepare_units(mini_frame(), mini_tree())
    assert list(units.codes) == [f"U{i}" for i in range(6)]
    assert list(units.indicators.columns) == ["a1", "a2", "b1", "b2"]
    assert list(units.denominators.columns) == ["Den_Pop"]
    assert list(units.groups.columns) == ["Group_Zone"]
    assert units.names["U1"] == "Unit 1"


def test_named_columns():
    frame = mini_frame().rename(columns={"code": "Kode", "Group_Zone": "zona"})
    cols = UnitColumns(code="Kode", groups=("zona",))
    units = prepare_units(frame, mini_tree(), cols)
    assert list(units.groups.columns) == ["zona"]


def test_duplicate_unit_codes_are_named():
    frame = mini_frame()
    frame.loc[3, "code"] = "U1"
    with pytest.raises(DataError, match="duplicate unit codes: U1"):
        prepare_units(frame, mini_tree())


def test_missing_code_column():
    with pytest.raises(DataError, match="no unit code column"):
        prepare_units(mini_frame().drop(columns="code"), mini_tree())


def test_missing_indicator_column_is_named():
    with pytest.raises(DataError, match=r"indicator column\(s\) missing from the data: b2"):
        prepare_units(mini_frame().drop(columns="b2"), mini_tree())


def test_missing_denominator_column_is_named():
    with pytest.raises(DataError, match=r"denominator column\(s\) missing.*Den_Pop"):
        prepare_units(mini_frame().drop(columns="Den_Pop"), mini_tree())


def test_non_numeric_cells_are_named_with_unit_and_value():
    frame = mini_frame()
    frame["a1"] = frame["a1"].astype(object)
    frame.loc[2, "a1"] = "n/a"
    with pytest.raises(DataError, match="column 'a1' has non-numeric values: unit 'U2' = 'n/a'"):
        prepare_units(frame, mini_tree())


def test_blank_text_is_missing_not_an_error():
    frame = mini_frame()
    frame["a1"] = frame["a1"].astype(object)
    frame.loc[2, "a1"] = " "
    units = prepare_units(frame, mini_tree())
    assert np.isnan(units.indicators.loc["U2", "a1"])


def test_infinite_values_are_refused():
    frame = mini_frame()
    frame.loc[1, "b2"] = np.inf
    with pytest.raises(DataError, match="'b2' has an infinite value for unit 'U1'"):
        prepare_units(frame, mini_tree())


def test_rubric_labels_become_level_values():
    tree = tree_from_dict(
        {
            "index": {
                "code": "I",
                "children": [
                    {
                        "code": "reg",
                        "levels": [
                            {"value": 0, "score": 0, "label": "none"},
                            {"value": 1, "score": 60, "label": "Perkada"},
                            {"value": 2, "score": 100, "label": "Perda"},
                        ],
                    }
                ],
            }
        }
    )
    frame = mini_frame(3).assign(reg=["Perda", "none", 1])
    units = prepare_units(frame, tree)
    assert units.indicators["reg"].tolist() == [2.0, 0.0, 1.0]
