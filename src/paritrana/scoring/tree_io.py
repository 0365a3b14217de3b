"""Reading and writing criteria trees.

Three input formats, one tree:

* Paritrana's own YAML/dict: nested ``children`` lists (documented in ``docs/scoring.md``);
* COINr 1.x ``iMeta``: one row per node with ``iCode, Level, Direction, Weight, Parent, Type``;
* COINr 0.x ``IndMeta`` (one row per indicator, parents in ``Agg1..AggN``) plus ``AggMeta``
  (``AgLevel, Code, Name, Weight``), the format of the ASEM reference.

``tree_to_dict`` writes the own format, so a run record always carries a readable tree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from paritrana.scoring.errors import TreeError
from paritrana.scoring.tree import CriteriaTree, Node, RubricLevel, build_tree

_NODE_KEYS = {
    "code",
    "name",
    "weight",
    "direction",
    "denominator",
    "target",
    "goalposts",
    "levels",
    "children",
}


# --- own format -------------------------------------------------------------------------


def tree_from_dict(spec: Mapping[str, Any]) -> CriteriaTree:
    """Build a tree from the nested form ``{"name": ..., "index": {code, children: [...]}}``."""
    root = spec.get("index")
    if not isinstance(root, Mapping):
        raise TreeError("the criteria tree needs an 'index' mapping (the root node)")
    nodes: list[Node] = []
    _collect(root, None, nodes)
    return build_tree(nodes, name=str(spec.get("name", "")))


def _collect(raw: Mapping[str, Any], parent: str | None, out: list[Node]) -> None:
    code = str(raw.get("code", "")).strip()
    where = f"node '{code}'" if code else f"a child of '{parent}'"
    unknown = set(raw) - _NODE_KEYS
    if unknown:
        raise TreeError(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
    children = raw.get("children")
    if children is not None and not isinstance(children, list):
        raise TreeError(f"{where}: 'children' must be a list")
    out.append(
        Node(
            code=code,
            parent=parent,
            is_indicator=children is None,
            name=str(raw.get("name") or ""),
            weight=_number(raw.get("weight", 1.0), where, "weight"),
            direction=int(_number(raw.get("direction", 1), where, "direction")),
            denominator=_optional_str(raw.get("denominator")),
            target=_optional_number(raw.get("target"), where, "target"),
            goalposts=_goalposts(raw.get("goalposts"), where),
            levels=_levels(raw.get("levels"), where),
        )
    )
    for child in children or []:
        if not isinstance(child, Mapping):
            raise TreeError(f"{where}: every child must be a mapping")
        _collect(child, code, out)


def tree_to_dict(tree: CriteriaTree) -> dict[str, Any]:
    """The own nested form, the inverse of :func:`tree_from_dict`."""
    return {"name": tree.name, "index": _node_dict(tree, tree.root)}


def _node_dict(tree: CriteriaTree, code: str) -> dict[str, Any]:
    n = tree.node(code)
    out: dict[str, Any] = {"code": n.code, "name": n.name, "weight": n.weight}
    if n.is_indicator:
        out["direction"] = n.direction
        if n.denominator:
            out["denominator"] = n.denominator
        if n.target is not None:
            out["target"] = n.target
        if n.goalposts is not None:
            out["goalposts"] = list(n.goalposts)
        if n.levels:
            out["levels"] = [
                {"value": lv.value, "score": lv.score, "label": lv.label} for lv in n.levels
            ]
    else:
        out["children"] = [_node_dict(tree, k) for k in tree.children(code)]
    return out


def load_tree_yaml(path: Path) -> CriteriaTree:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise TreeError(f"{path}: a criteria tree YAML must be a mapping")
    return tree_from_dict(data)


# --- COINr tables -----------------------------------------------------------------------


def tree_from_imeta(imeta: pd.DataFrame, *, name: str = "") -> CriteriaTree:
    """COINr 1.x ``iMeta``: rows of Type ``Indicator`` and ``Aggregate`` form the tree."""
    _require(imeta, ["iCode", "Parent", "Type"], "iMeta")
    nodes: list[Node] = []
    for row in imeta.to_dict("records"):
        kind = str(row["Type"])
        if kind not in ("Indicator", "Aggregate"):
            continue  # Denominator / Group / Other rows describe data columns, not the tree
        code = str(row["iCode"])
        where = f"iMeta row '{code}'"
        lower = _optional_number(row.get("goalpost_lower"), where, "goalpost_lower")
        upper = _optional_number(row.get("goalpost_upper"), where, "goalpost_upper")
        nodes.append(
            Node(
                code=code,
                parent=_optional_str(row.get("Parent")),
                is_indicator=kind == "Indicator",
                name=_optional_str(row.get("iName")) or "",
                weight=_number(row.get("Weight", 1.0), where, "Weight"),
                direction=int(_number(_or(row.get("Direction"), 1), where, "Direction")),
                denominator=_optional_str(row.get("Denominator")),
                target=_optional_number(row.get("Target"), where, "Target"),
                goalposts=None if lower is None or upper is None else (lower, upper),
            )
        )
    return build_tree(nodes, name=name)


def tree_from_coinr0(
    indmeta: pd.DataFrame, aggmeta: pd.DataFrame, *, name: str = ""
) -> CriteriaTree:
    """COINr 0.x ``IndMeta`` (parents in ``Agg1..AggN``) and ``AggMeta`` (level ``AgLevel``)."""
    _require(indmeta, ["IndCode", "Agg1"], "IndMeta")
    _require(aggmeta, ["AgLevel", "Code"], "AggMeta")
    agg_cols = sorted(
        (c for c in indmeta.columns if str(c).startswith("Agg") and str(c)[3:].isdigit()),
        key=lambda c: int(str(c)[3:]),
    )
    agg_rows = {str(r["Code"]): r for r in aggmeta.to_dict("records")}
    parents: dict[str, str | None] = {}
    nodes: list[Node] = []
    for row in indmeta.to_dict("records"):
        code = str(row["IndCode"])
        where = f"IndMeta row '{code}'"
        chain = [str(row[c]) for c in agg_cols]
        for code_here, parent in zip(chain, [*chain[1:], None], strict=True):
            _link(parents, code_here, parent, agg_rows)
        nodes.append(
            Node(
                code=code,
                parent=chain[0],
                is_indicator=True,
                name=_optional_str(row.get("IndName")) or "",
                weight=_number(_or(row.get("IndWeight"), 1.0), where, "IndWeight"),
                direction=int(_number(_or(row.get("Direction"), 1), where, "Direction")),
                denominator=_optional_str(row.get("Denominator")),
                target=_optional_number(row.get("Target"), where, "Target"),
            )
        )
    for code, parent in parents.items():
        row = agg_rows[code]
        where = f"AggMeta row '{code}'"
        nodes.append(
            Node(
                code=code,
                parent=parent,
                is_indicator=False,
                name=_optional_str(row.get("Name")) or "",
                weight=_number(_or(row.get("Weight"), 1.0), where, "Weight"),
            )
        )
    return build_tree(nodes, name=name)


def _link(
    parents: dict[str, str | None], code: str, parent: str | None, agg_rows: Mapping[str, Any]
) -> None:
    if code not in agg_rows:
        raise TreeError(f"aggregate '{code}' is used in IndMeta but not defined in AggMeta")
    if code in parents and parents[code] != parent:
        raise TreeError(
            f"aggregate '{code}' has two parents in IndMeta: '{parents[code]}' and '{parent}'"
        )
    parents[code] = parent


def load_tree_tables(meta: Path, aggmeta: Path | None = None) -> CriteriaTree:
    """Load a tree from ``meta`` (YAML, COINr iMeta CSV, or COINr 0.x IndMeta + AggMeta)."""
    if meta.suffix.lower() in (".yaml", ".yml"):
        return load_tree_yaml(meta)
    table = pd.read_csv(meta)
    if "iCode" in table.columns:
        return tree_from_imeta(table, name=meta.stem)
    if "IndCode" in table.columns:
        if aggmeta is None:
            raise TreeError(f"{meta} is a COINr 0.x IndMeta table; give its AggMeta too")
        return tree_from_coinr0(table, pd.read_csv(aggmeta), name=meta.stem)
    raise TreeError(f"{meta}: not a tree (no 'iCode' or 'IndCode' column, not YAML)")


# --- small converters ---------------------------------------------------------------------


def _require(table: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise TreeError(f"{what} table lacks column(s): {', '.join(missing)}")


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _or(value: Any, default: Any) -> Any:
    return default if _is_missing(value) else value


def _optional_str(value: Any) -> str | None:
    if _is_missing(value) or str(value).strip() == "":
        return None
    return str(value).strip()


def _number(value: Any, where: str, key: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise TreeError(f"{where}: {key} must be a number, got {value!r}") from None
    if math.isnan(out):
        raise TreeError(f"{where}: {key} is missing")
    return out


def _optional_number(value: Any, where: str, key: str) -> float | None:
    return None if _is_missing(value) or value == "" else _number(value, where, key)


def _goalposts(value: Any, where: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) != 2:  # noqa: PLR2004 - a pair
        raise TreeError(f"{where}: goalposts must be [lower, upper]")
    return (_number(value[0], where, "goalposts"), _number(value[1], where, "goalposts"))


def _levels(value: Any, where: str) -> tuple[RubricLevel, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TreeError(f"{where}: levels must be a list of {{value, score, label}}")
    out = []
    for item in value:
        if not isinstance(item, Mapping) or "value" not in item or "score" not in item:
            raise TreeError(f"{where}: every rubric level needs 'value' and 'score'")
        label = item.get("label")
        out.append(
            RubricLevel(
                value=_number(item["value"], where, "levels.value"),
                score=_number(item["score"], where, "levels.score"),
                label=None if label is None else str(label),
            )
        )
    return tuple(out)
