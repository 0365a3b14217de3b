from __future__ import annotations

import pytest

from paritrana.scoring.errors import MethodError
from paritrana.scoring.pipeline import run_pipeline
from paritrana.scoring.sobol_ranks import sobol_of_ranks
from paritrana.scoring.spec import SensitivityParams
from tests.scoring.builders import mini_frame, mini_tree, spec


def test_indices_per_unit_and_summary():
    result = run_pipeline(mini_frame(12, seed=2), mini_tree(), spec(normalise={"range": [1, 100]}))
    params = SensitivityParams(spread=0.5, aggregate=({}, {"method": "geometric"}))
    sobol = sobol_of_ranks(result, params, n=64, seed=1)
    assert list(sobol.summary.index) == ["weight A", "weight B", "aggregate"]
    assert sobol.evaluations == 64 * 5
    assert len(sobol.per_unit) == 12
    assert (sobol.summary["ST"] >= sobol.summary["S1"] - 0.1).all()


def test_nothing_uncertain_is_refused():
    result = run_pipeline(mini_frame(), mini_tree(), spec())
    with pytest.raises(MethodError, match="nothing is uncertain"):
        sobol_of_ranks(result, SensitivityParams(spread=0), n=8)
