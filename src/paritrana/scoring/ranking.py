"""Ranks of every node, with explicit and deterministic tie rules. Never random.

For each node, units are ordered by their score (higher is better), rounded to
``decimals`` first when set (COINr ranks its rounded results). For aggregates, units still
equal are ordered by each ``tie_breakers`` node in turn (a node never breaks its own ties);
indicators are ranked on their own normalised value. Units equal on all keys share the best
rank of their group ("min" method: 1, 2, 2, 4). A unit without a score has no rank; a
missing tie-breaker value counts as the worst.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from paritrana.scoring.errors import SpecError
from paritrana.scoring.frames import frame_of
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

    def rank_node(code: str) -> FloatArray:
        keys = [values[:, col[code]]]
        if not tree.node(code).is_indicator:
            keys += [values[:, col[b]] for b in params.tie_breakers if b != code]
        return rank_with_ties(keys, decimals=params.decimals)

    # nodes are independent and numpy sorts release the GIL: rank them on every core
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        ranks = frame_of(
            dict(zip(tree.by_level, pool.map(rank_node, tree.by_level), strict=True)), scores.index
        )
    return ranks.astype("Int64")


def rank_with_ties(keys: Sequence[FloatArray], decimals: int | None = None) -> FloatArray:
    """Descending "min" ranks along the last axis by ``keys[0]``, ties broken by ``keys[1:]``.

    Keys may carry leading axes (e.g. Monte Carlo runs x units); NaN where keys[0] is NaN.
    ``decimals`` says the keys are already rounded to that many decimals (a speed hint).
    """
    main = keys[0]
    if main.ndim == 1:
        packed = _pack(keys, decimals)
        ranks = _min_ranks(packed) if packed is not None else None
        if ranks is None and len(keys) == 1:
            ranks = _min_ranks(_descending(main))
        if ranks is not None:
            ranks[np.isnan(main)] = np.nan
            return ranks
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


def _descending(values: FloatArray) -> FloatArray:
    """A key whose ascending order is descending ``values``, NaN last."""
    neg = -values
    neg[np.isnan(values)] = np.inf
    return neg


def _pack(keys: Sequence[FloatArray], decimals: int | None) -> npt.NDArray[np.int64] | None:
    """Rounded keys packed into one int64 whose order is the keys' lexicographic order.

    Keys rounded to ``decimals`` are integers times 10**-decimals; as digits of a mixed
    radix number (missing = worst digit) they sort exactly like the tuple, so one introsort
    replaces a multi-key lexsort (~3x faster at 840,000 units). None when not applicable.
    """
    if decimals is None:
        return None
    digits, radices = [], []
    for key in keys:
        q = -np.rint(key * 10.0**decimals)  # negated: descending
        finite = q[~np.isnan(q)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
        if hi - lo > _MAX_RADIX:
            return None
        digits.append(np.where(np.isnan(q), hi + 1 - lo, q - lo).astype(np.int64))
        radices.append(int(hi - lo) + 2)
    if np.prod([float(r) for r in radices]) >= _MAX_PACKED:
        return None
    packed = np.zeros(keys[0].size, dtype=np.int64)
    for digit, radix in zip(digits, radices, strict=True):
        packed = packed * radix + digit
    return packed


_MAX_RADIX = 2.0**40
_MAX_PACKED = 2.0**62


def _min_ranks(key: npt.NDArray[Any]) -> FloatArray:
    """Ascending "min" ranks of a 1-D key without NaN: 1 + how many keys are smaller."""
    if key.dtype.kind == "i":
        span = int(key.max()) - int(key.min()) + 1 if key.size else 0
        if span <= max(4 * key.size, _COUNTING_SPAN):
            # bounded integers (rounded scores): count instead of sorting, O(units + span)
            shifted = key - key.min()
            counts = np.bincount(shifted, minlength=span)
            smaller = np.cumsum(counts) - counts
            ranks: FloatArray = (smaller[shifted] + 1).astype(float)
            return ranks
    # any sort will do (equal values share a rank whatever their order), and the default
    # introsort is several times faster than a stable sort
    order = np.argsort(key)
    ordered = key[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    sizes = np.diff(np.append(starts, key.size))
    out = np.empty(key.size)
    out[order] = np.repeat(starts + 1.0, sizes)
    return out


_COUNTING_SPAN = 1 << 22  # a 32 MB count table at most
