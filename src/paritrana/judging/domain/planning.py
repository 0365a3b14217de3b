"""Who interviews whom: a balanced assignment of jurors to candidates that avoids conflicts.

The rules: every candidate gets exactly ``k`` jurors, every juror gets ``floor(n k / m)`` or
``ceil(n k / m)`` candidates (loads within one), and no juror gets a candidate he is
conflicted with. This is a bipartite b-matching; it is solved exactly as a small integer
programme (HiGHS through ``scipy.optimize.milp``), so an assignment is found whenever one
exists, and the result is deterministic: the same inputs always give the same plan.

The objective prefers the round-robin design (candidate ``i`` to jurors ``i k, i k + 1, ...``
modulo ``m``), which is balanced by construction; conflicts only move the plan away from it
where they must.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from paritrana.judging.domain.errors import AssignmentImpossibleError

Pair = tuple[int, int]  # (juror, candidate)
# How many names an impossibility message lists before "and N more".
_MAX_NAMED = 10


def plan_assignments(
    *,
    candidates: Sequence[int],
    jurors: Sequence[int],
    conflicts: Collection[Pair],
    k: int,
    candidate_labels: Mapping[int, str] | None = None,
    juror_labels: Mapping[int, str] | None = None,
) -> list[Pair]:
    """The (juror, candidate) pairs of a balanced, conflict-free assignment, sorted.

    Raises :class:`AssignmentImpossibleError` naming the candidates or jurors that make it
    impossible.
    """
    candidate_labels = candidate_labels or {}
    juror_labels = juror_labels or {}
    candidates, jurors = sorted(set(candidates)), sorted(set(jurors))
    if k < 1:
        raise AssignmentImpossibleError(_("k must be at least 1."))
    if not candidates:
        return []
    if len(jurors) < k:
        raise AssignmentImpossibleError(
            _("The panel has %(m)d juror(s); it needs at least %(k)d to give each candidate %(k)d.")
            % {"m": len(jurors), "k": k}
        )
    blocked = set(conflicts)
    lo, hi = _load_bounds(len(candidates), len(jurors), k)
    _check_candidates(candidates, jurors, blocked, k, candidate_labels)
    _check_jurors(candidates, jurors, blocked, lo, juror_labels)
    pairs = [(j, c) for c in candidates for j in jurors if (j, c) not in blocked]
    chosen = _solve(pairs, candidates, jurors, k, lo, hi)
    if chosen is None:
        raise AssignmentImpossibleError(
            _(
                "The conflicts of interest leave no assignment that gives every candidate "
                "%(k)d jurors with loads of %(lo)d–%(hi)d candidates per juror. Add jurors, "
                "lower k or review the conflicts."
            )
            % {"k": k, "lo": lo, "hi": hi}
        )
    return sorted(chosen)


def _load_bounds(n_candidates: int, n_jurors: int, k: int) -> tuple[int, int]:
    total = n_candidates * k
    return total // n_jurors, -(-total // n_jurors)


def _named(labels: list[str]) -> str:
    more = len(labels) - _MAX_NAMED
    named = ", ".join(labels[:_MAX_NAMED])
    return named + (_(" and %(n)d more") % {"n": more} if more > 0 else "")


def _check_candidates(
    candidates: list[int],
    jurors: list[int],
    blocked: set[Pair],
    k: int,
    labels: Mapping[int, str],
) -> None:
    short = []
    for c in candidates:
        free = sum((j, c) not in blocked for j in jurors)
        if free < k:
            short.append(
                ngettext(
                    "%(name)s (%(free)d juror without a conflict)",
                    "%(name)s (%(free)d jurors without a conflict)",
                    free,
                )
                % {"name": labels.get(c, f"#{c}"), "free": free}
            )
    if short:
        raise AssignmentImpossibleError(
            _("Too few jurors without a conflict of interest for %(k)d per candidate: %(names)s.")
            % {"k": k, "names": _named(short)}
        )


def _check_jurors(
    candidates: list[int],
    jurors: list[int],
    blocked: set[Pair],
    lo: int,
    labels: Mapping[int, str],
) -> None:
    short = []
    for j in jurors:
        free = sum((j, c) not in blocked for c in candidates)
        if free < lo:
            short.append(f"{labels.get(j, f'#{j}')} ({free})")
    if short:
        raise AssignmentImpossibleError(
            _(
                "Loads within one need every juror to take at least %(lo)d candidates, but "
                "these jurors have fewer candidates without a conflict: %(names)s. Remove "
                "them from the panel or add jurors."
            )
            % {"lo": lo, "names": _named(short)}
        )


def _solve(
    pairs: list[Pair], candidates: list[int], jurors: list[int], k: int, lo: int, hi: int
) -> list[Pair] | None:
    c_index = {c: i for i, c in enumerate(candidates)}
    j_index = {j: i for i, j in enumerate(jurors)}
    m = len(jurors)
    n_rows = len(candidates) + len(jurors)
    matrix = lil_matrix((n_rows, len(pairs)))
    for col, (j, c) in enumerate(pairs):
        matrix[c_index[c], col] = 1
        matrix[len(candidates) + j_index[j], col] = 1
    lower = np.array([k] * len(candidates) + [lo] * m, dtype=float)
    upper = np.array([k] * len(candidates) + [hi] * m, dtype=float)
    cost = np.array([(j_index[j] - c_index[c] * k) % m for j, c in pairs], dtype=float)
    result = milp(
        cost,
        constraints=LinearConstraint(matrix.tocsr(), lower, upper),
        integrality=np.ones(len(pairs)),
        bounds=Bounds(0, 1),
    )
    if result.status != 0 or result.x is None:
        return None
    return [pair for pair, x in zip(pairs, result.x, strict=True) if x > 0.5]  # noqa: PLR2004 - binary variable read back from floats
