from __future__ import annotations

import pytest

from paritrana.scoring.errors import SpecError
from paritrana.scoring.spec import spec_from_dict


def _raw(steps, **extra):
    return {"name": "t", "steps": steps, **extra}


def test_round_trip_through_dict():
    raw = _raw(
        {
            "impute": {"by": "Group_Zone"},
            "treat": {"winmax": 3},
            "normalise": {"range": [1, 100]},
            "aggregate": {},
        },
        ranks={"decimals": 2, "tie_breakers": ["A"]},
        sensitivity={"runs": 10, "normalise": [{"method": "zscore"}]},
        units={"code": "Kode", "groups": ["Group_Zone"]},
    )
    spec = spec_from_dict(raw)
    again = spec_from_dict(spec.to_dict())
    assert again == spec
    assert spec.params("normalise").range == (1.0, 100.0)
    assert spec.units.groups == ("Group_Zone",)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_raw({"normalise": {}}), "the 'aggregate' step is required"),
        (_raw({"normalise": {}, "blend": {}, "aggregate": {}}), "unknown step 'blend'"),
        (
            _raw({"normalise": {"metod": "zscore"}, "aggregate": {}}),
            "step 'normalise': unknown parameter",
        ),
        (_raw({"normalise": {}, "aggregate": {}}, extras=1), "unknown section"),
        (
            _raw({"normalise": {}, "aggregate": {}}, ranks={"decimal": 2}),
            "ranks: unknown parameter",
        ),
        (_raw({"normalise": {}, "aggregate": {}}, sensitivity={"runs": 0}), "runs >= 1"),
        (
            _raw(
                {"normalise": {}, "aggregate": {}}, sensitivity={"aggregate": [{"method": "max"}]}
            ),
            "'max' is not one of",
        ),
    ],
)
def test_refusals(raw, message):
    with pytest.raises(SpecError, match=message):
        spec_from_dict(raw)


def test_steps_run_in_canonical_order_whatever_the_yaml_order():
    spec = spec_from_dict(_raw({"aggregate": {}, "normalise": {}, "impute": {}}))
    assert list(spec.steps) == ["impute", "normalise", "aggregate"]
