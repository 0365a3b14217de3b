"""Small numeric helpers shared by the generator modules: seeded streams, grouping, rounding."""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
StrArray = npt.NDArray[np.str_]


def stream(seed: int, name: str, *keys: int) -> np.random.Generator:
    """An independent random stream for one purpose (and chunk), reproducible from the seed.

    Naming streams (rather than drawing everything from one generator in sequence) keeps a
    region's draws identical whichever preset runs and however the rows are chunked.
    """
    if seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed}")
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(name.encode()), *keys]))


def chance(rng: np.random.Generator, p: FloatArray | float, size: int | None = None) -> BoolArray:
    """True with probability ``p`` (per element when ``p`` is an array)."""
    n = len(p) if isinstance(p, np.ndarray) else size
    return np.asarray(rng.random(n) < p, dtype=np.bool_)


def sigmoid(x: FloatArray | float) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64))), dtype=np.float64)


def group_sum(values: FloatArray, groups: IntArray, n_groups: int) -> FloatArray:
    """Sum of ``values`` per group index (0..n_groups-1)."""
    return np.bincount(groups, weights=values, minlength=n_groups).astype(np.float64)


def apportion(total: int, weights: FloatArray) -> IntArray:
    """Split an integer total in proportion to weights, exactly (largest remainder method)."""
    if total <= 0 or len(weights) == 0:
        return np.zeros(len(weights), dtype=np.int64)
    share = (
        weights / weights.sum() if weights.sum() > 0 else np.full(len(weights), 1 / len(weights))
    )
    exact = share * total
    counts = np.floor(exact).astype(np.int64)
    short = total - int(counts.sum())
    # Stable sort so ties go to the earlier region: deterministic without randomness.
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[:short]] += 1
    return np.asarray(counts, dtype=np.int64)


def round_counts(values: FloatArray) -> IntArray:
    """Counts from expected values, never negative."""
    return np.maximum(np.rint(values), 0).astype(np.int64)


def ranges(sizes: IntArray, target: int) -> list[tuple[int, int]]:
    """Cut consecutive items into runs of roughly ``target`` total size (each run >= 1 item).

    Used to chunk rows by employer or regency so a chunk never splits one of them.
    """
    ends = np.cumsum(sizes)
    cuts: list[tuple[int, int]] = []
    start = 0
    while start < len(sizes):
        base = int(ends[start - 1]) if start else 0
        stop = int(np.searchsorted(ends, base + target, side="right"))
        stop = max(stop, start + 1)
        cuts.append((start, stop))
        start = stop
    return cuts
