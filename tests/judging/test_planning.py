"""The assignment planner, without the database: rules hold, and it finds a plan iff one exists."""

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paritrana.judging.domain.errors import AssignmentImpossibleError
from paritrana.judging.domain.planning import plan_assignments


def check_plan(plan, candidates, jurors, conflicts, k):
    per_candidate = Counter(c for _j, c in plan)
    assert all(per_candidate[c] >= k for c in candidates)
    loads = Counter(j for j, _c in plan)
    counts = [loads[j] for j in jurors]
    assert max(counts) - min(counts) <= 1
    assert not set(plan) & set(conflicts)
    assert len(set(plan)) == len(plan)


def test_round_robin_without_conflicts():
    plan = plan_assignments(candidates=[1, 2, 3, 4], jurors=[10, 11, 12], conflicts=set(), k=2)
    assert plan == sorted([(10, 1), (11, 1), (12, 2), (10, 2), (11, 3), (12, 3), (10, 4), (11, 4)])
    check_plan(plan, [1, 2, 3, 4], [10, 11, 12], set(), 2)


def test_conflicts_are_avoided_and_loads_stay_balanced():
    conflicts = {(10, 1), (10, 2)}
    plan = plan_assignments(
        candidates=[1, 2, 3, 4, 5], jurors=[10, 11, 12], conflicts=conflicts, k=2
    )
    check_plan(plan, [1, 2, 3, 4, 5], [10, 11, 12], conflicts, 2)


def test_same_input_same_plan():
    args = {"candidates": [5, 3, 1, 2], "jurors": [9, 7, 8], "conflicts": {(7, 3)}, "k": 2}
    assert plan_assignments(**args) == plan_assignments(**args)
    shuffled = {**args, "candidates": [1, 2, 3, 5], "jurors": [7, 8, 9]}
    assert plan_assignments(**shuffled) == plan_assignments(**args)


def test_too_few_unconflicted_jurors_names_the_candidate():
    with pytest.raises(AssignmentImpossibleError, match=r"Kota Bandung \(1 juror without"):
        plan_assignments(
            candidates=[1, 2],
            jurors=[10, 11, 12],
            conflicts={(10, 1), (11, 1)},
            k=2,
            candidate_labels={1: "Kota Bandung", 2: "Kab. Bogor"},
        )


def test_a_juror_conflicted_with_almost_everyone_blocks_balance_and_is_named():
    with pytest.raises(AssignmentImpossibleError, match=r"Budi \(1\)"):
        plan_assignments(
            candidates=[1, 2, 3, 4],
            jurors=[10, 11, 12],
            conflicts={(10, 1), (10, 2), (10, 3)},
            k=2,
            juror_labels={10: "Budi"},
        )


def test_k_larger_than_the_panel():
    with pytest.raises(AssignmentImpossibleError, match="2 juror"):
        plan_assignments(candidates=[1], jurors=[10, 11], conflicts=set(), k=3)


def test_no_candidates_no_assignments():
    assert plan_assignments(candidates=[], jurors=[10], conflicts=set(), k=1) == []


def brute_force_exists(candidates, jurors, conflicts, k):
    """Is there any plan with exactly k per candidate and loads within one?"""
    options = [
        [
            combo
            for combo in itertools.combinations(jurors, k)
            if not {(j, c) for j in combo} & conflicts
        ]
        for c in candidates
    ]
    for choice in itertools.product(*options):
        loads = Counter(j for combo in choice for j in combo)
        counts = [loads[j] for j in jurors]
        if max(counts) - min(counts) <= 1:
            return True
    return False


@st.composite
def panels(draw):
    n_candidates = draw(st.integers(1, 5))
    n_jurors = draw(st.integers(1, 5))
    k = draw(st.integers(1, 3))
    candidates = list(range(1, n_candidates + 1))
    jurors = list(range(100, 100 + n_jurors))
    pairs = [(j, c) for j in jurors for c in candidates]
    conflicts = set(draw(st.lists(st.sampled_from(pairs), max_size=len(pairs))))
    return candidates, jurors, conflicts, k


@settings(max_examples=150, deadline=None)
@given(panels())
def test_plan_meets_the_rules_or_none_exists(panel):
    candidates, jurors, conflicts, k = panel
    try:
        plan = plan_assignments(candidates=candidates, jurors=jurors, conflicts=conflicts, k=k)
    except AssignmentImpossibleError:
        assert not brute_force_exists(candidates, jurors, conflicts, k)
    else:
        check_plan(plan, candidates, jurors, conflicts, k)
