"""Ranks of every node, with explicit and deterministic tie rules. Never random.

For each node, units are ordered by their score (higher is better), rounded to
``decimals`` first when set (COINr ranks its rounded results). Units still equal are
ordered by each ``tie_breakers`` node in turn (a node never breaks its own ties); units
equal on all of these share the best rank of their group ("min" method: 1, 2, 2, 4).
A unit without a score has no rank; a missing tie-breaker value counts as the worst.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from paritrana.scoring.errors import SpecError
from paritrana.scoring.spec import RankParams
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.tree import CriteriaTree


def rank_units(scores: pd.DataFrame, tree: CriteriaTree, params: RankParams) -> pd.DataFrame:
    """Units x nodes (root first, then by level, then indicators) of nullable integer ranks."""
    for code in params.tie_breakers:
        if code not in scores.columns:
            raise SpecError(f"ranks: tie-breaker '{code}' is not a node of the tree")
    values = scores.to_numpy(dtype=float)
    if params.decimals is not None:
        values = np.round(values, params.decimals)
    col = {str(c): i for i, c in enumerate(scores.columns)}
    ranks = {}
    for code in tree.by_level:
        keys = [values[:, col[code]]]
        keys += [values[:, col[b]] for b in params.tie_breakers if b != code]
        ranks[code] = pd.Series(rank_with_ties(keys), index=scores.index).astype("Int64")
    return pd.DataFrame(ranks, index=scores.index)


def rank_with_ties(keys: Sequence[FloatArray]) -> FloatArray:
    """Descending "min" ranks along the last axis by ``keys[0]``, ties broken by ``keys[1:]``.

    Keys may carry leading axes (e.g. Monte Carlo runs x units); NaN where keys[0] is NaN.
    """
    main = keys[0]
    # lexsort sorts ascending with its last key primary: negate for "higher is better" and
    # map NaN to +inf so a missing value sorts as the worst.
    neg = [np.where(np.isnan(k), np.inf, -k) for k in keys]
    order = np.lexsort(neg[::-1], axis=-1)
    sorted_keys = np.stack([np.take_along_axis(k, order, axis=-1) for k in neg])
    new_group = np.ones(main.shape, dtype=bool)
    new_group[..., 1:] = (sorted_keys[..., 1:] != sorted_keys[..., :-1]).any(axis=0)
    positions = np.broadcast_to(np.arange(1, main.shape[-1] + 1, dtype=float), main.shape)
    group_rank = np.maximum.accumulate(np.where(new_group, positions, 0.0), axis=-1)
    ranks = np.empty(main.shape)
    np.put_along_axis(ranks, order, group_rank, axis=-1)
    return np.where(np.isnan(main), np.nan, ranks)
