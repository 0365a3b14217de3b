"""docs/data.md carries the dataset tables generated from analytics/schema.py, up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from paritrana.analytics import schema
from paritrana.analytics.schema_doc import END, START, render, schema_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "data.md"


def test_docs_data_md_is_up_to_date_with_the_schema():
    document = DOC.read_text(encoding="utf-8")
    assert render(document) == document, (
        "docs/data.md is out of date: run `python -m paritrana.analytics.schema_doc`"
    )


def test_every_dataset_and_column_is_documented():
    text = schema_markdown()
    for dataset in schema.DATASETS.values():
        assert f"### `{dataset.name}`" in text
        for column in dataset.columns:
            assert f"| `{column.name}` |" in text, (dataset.name, column.name)
        for rule in dataset.rules:
            assert rule.describe() in text


def test_allowed_values_units_and_references_appear():
    text = schema_markdown()
    assert "`PU`, `BPU`, `JAKON`" in text
    assert "| `wage` | int64 | Rupiah | no | ≥ 0 |" in text
    assert "| `npp` | string |  | yes |  | employer |" in text
    assert "2000–2100" in text


def test_render_replaces_only_the_marked_block():
    document = f"intro\n{START}\nstale\n{END}\noutro\n"
    rendered = render(document)
    assert rendered.startswith("intro\n")
    assert rendered.endswith(f"{END}\noutro\n")
    assert "stale" not in rendered
    assert render(rendered) == rendered
    with pytest.raises(ValueError, match="markers"):
        render("no markers here")
