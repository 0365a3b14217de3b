from __future__ import annotations

import pytest

from paritrana.scoring.errors import TreeError
from paritrana.scoring.tree import Node, build_tree
from tests.scoring.builders import mini_tree


def _nodes(*extra: Node) -> list[Node]:
    return [
        Node("Index", None, is_indicator=False),
        Node("A", "Index", is_indicator=False),
        Node("a1", "A", is_indicator=True),
        *extra,
    ]


def test_orders_and_levels():
    tree = mini_tree()
    assert tree.root == "Index"
    assert tree.top_down == ("Index", "A", "a1", "a2", "B", "b1", "b2")
    assert tree.indicators == ("a1", "a2", "b1", "b2")
    assert tree.aggregates == ("A", "B", "Index")  # children before parents
    assert tree.by_level == ("Index", "A", "B", "a1", "a2", "b1", "b2")
    assert tree.levels == {"Index": 3, "A": 2, "B": 2, "a1": 1, "a2": 1, "b1": 1, "b2": 1}
    assert tree.descendant_indicators("A") == ("a1", "a2")
    assert tree.node("a2").direction == -1


def test_with_weights_replaces_and_revalidates():
    tree = mini_tree().with_weights({"A": 5.0})
    assert tree.node("A").weight == 5.0
    with pytest.raises(TreeError, match="children of 'Index' sum to zero"):
        mini_tree().with_weights({"A": 0.0, "B": 0.0})


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ((Node("a1", "A", is_indicator=True),), "'a1' appears twice"),
        ((Node("x", "Nowhere", is_indicator=True),), "parent 'Nowhere', which is not in"),
        ((Node("x", "a1", is_indicator=True),), "'a1' is an indicator"),
        ((Node("Other", None, is_indicator=False),), "exactly one root"),
        ((Node("Empty", "Index", is_indicator=False),), "aggregate 'Empty' has no children"),
        ((Node("x", "A", is_indicator=True, weight=-1),), "node 'x' has weight -1"),
        ((Node("x", "A", is_indicator=True, direction=2),), "'x' has direction 2"),
        ((Node("x", "A", is_indicator=True, goalposts=(5, 1)),), "need lower < upper"),
    ],
)
def test_refusals_name_the_node(extra, message):
    with pytest.raises(TreeError, match=message):
        build_tree(_nodes(*extra))


def test_cycle_is_refused_with_its_path():
    nodes = [
        Node("Index", None, is_indicator=False),
        Node("P", "Q", is_indicator=False),
        Node("Q", "P", is_indicator=False),
        Node("x", "P", is_indicator=True),
    ]
    with pytest.raises(TreeError, match=r"cycle: (P -> Q -> P|Q -> P -> Q)"):
        build_tree(nodes)


def test_sibling_weights_summing_to_zero_are_refused():
    nodes = _nodes(Node("a2", "A", is_indicator=True, weight=0))
    nodes[2] = Node("a1", "A", is_indicator=True, weight=0)
    with pytest.raises(TreeError, match="children of 'A' sum to zero"):
        build_tree(nodes)


def test_unknown_node_lookup():
    with pytest.raises(TreeError, match="'zz' is not a node"):
        mini_tree().node("zz")
