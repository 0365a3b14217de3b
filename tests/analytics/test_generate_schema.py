"""The generator's `tiny` output conforms to the declared schema, checked independently of
the generator's own Arrow helpers: types, nulls, allowed values, ranges, keys, references
to the real region codes and employers, and the schema's cross-column rules."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from paritrana.analytics import schema
from paritrana.analytics.generate import generate
from paritrana.regions.reference import read_level

EXPECTED_TYPES = {
    schema.ColumnType.STRING: pa.string(),
    schema.ColumnType.INT: pa.int64(),
    schema.ColumnType.BOOL: pa.bool_(),
    schema.ColumnType.DATE: pa.date32(),
    schema.ColumnType.MONTH: pa.string(),
}
REF_LEVELS = {
    schema.Ref.PROVINCE: "province",
    schema.Ref.REGENCY: "regency",
    schema.Ref.VILLAGE: "village",
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pa.Table]:
    out = tmp_path_factory.mktemp("tiny")
    counts = generate(scale="tiny", seed=11, out=out)
    assert list(counts) == list(schema.DATASETS)
    tables = {name: pq.read_table(out / f"{name}.parquet") for name in schema.DATASETS}
    assert {name: t.num_rows for name, t in tables.items()} == counts
    return tables


@pytest.fixture(scope="module")
def region_codes() -> dict[str, set[str]]:
    return {level: {r.code for r in read_level(level)} for level in REF_LEVELS.values()}


def test_writes_one_file_per_dataset_and_nothing_else(tmp_path: Path):
    generate(scale="tiny", seed=1, out=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.parquet" for name in schema.DATASETS
    )


@pytest.mark.parametrize("name", list(schema.DATASETS))
def test_columns_and_types_match_the_schema(tiny, name):
    dataset = schema.DATASETS[name]
    data = tiny[name]
    assert data.column_names == list(dataset.column_names)
    for column in dataset.columns:
        assert data.schema.field(column.name).type == EXPECTED_TYPES[column.type], column.name
    assert data.num_rows > 0


@pytest.mark.parametrize("name", list(schema.DATASETS))
def test_values_respect_nulls_allowed_values_and_ranges(tiny, name):
    dataset = schema.DATASETS[name]
    data = tiny[name]
    for column in dataset.columns:
        values = data[column.name]
        if not column.nullable:
            assert values.null_count == 0, column.name
        present = pc.drop_null(values)
        if column.allowed:
            assert set(pc.unique(present).to_pylist()) <= set(column.allowed), column.name
        if column.minimum is not None:
            assert pc.min(present).as_py() >= column.minimum, column.name
        if column.maximum is not None:
            assert pc.max(present).as_py() <= column.maximum, column.name
        if column.type is schema.ColumnType.MONTH:
            assert all(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m) for m in present.to_pylist())


@pytest.mark.parametrize("name", list(schema.DATASETS))
def test_keys_are_unique(tiny, name):
    dataset = schema.DATASETS[name]
    keys = list(zip(*(tiny[name][k].to_pylist() for k in dataset.key), strict=True))
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", list(schema.DATASETS))
def test_references_point_at_real_regions_and_known_employers(tiny, region_codes, name):
    dataset = schema.DATASETS[name]
    data = tiny[name]
    employers = set(tiny["employers"]["npp"].to_pylist())
    levels = data["level"].to_pylist() if "level" in data.column_names else None
    for column in dataset.columns:
        if column.references is None:
            continue
        values = data[column.name].to_pylist()
        for row, value in enumerate(values):
            if value is None:
                continue
            if column.references is schema.Ref.EMPLOYER:
                known = employers
            elif column.references is schema.Ref.REGION:
                known = (
                    region_codes[levels[row].lower()]
                    if levels
                    else region_codes["province"] | region_codes["regency"]
                )
            else:
                known = region_codes[REF_LEVELS[column.references]]
            assert value in known, (name, column.name, row, value)


@pytest.mark.parametrize("name", [n for n, d in schema.DATASETS.items() if d.rules])
def test_cross_column_rules_hold(tiny, name):
    data = tiny[name].to_pylist()
    for rule in schema.DATASETS[name].rules:
        for row in data:
            if row[rule.when] not in rule.values:
                continue
            value = row[rule.column]
            if rule.must is schema.Must.PRESENT:
                assert value is not None, rule.describe()
            elif rule.must is schema.Must.EMPTY:
                assert value is None, rule.describe()
            else:
                assert value is False, rule.describe()


def test_pu_rows_belong_to_employers_and_bpu_rows_live_in_a_village(tiny):
    p = tiny["participants"].to_pandas()
    npps = set(tiny["employers"]["npp"].to_pylist())
    pu = p[p.segment == "PU"]
    assert pu.npp.isin(npps).all()
    bpu = p[p.segment == "BPU"]
    assert bpu.home_village.notna().all()
    assert (bpu.home_village.str[:5] == bpu.work_regency).all()
    assert not bpu.jp.any()
    assert not bpu.jkp.any()
    jakon = p[p.segment == "JAKON"]
    assert jakon.jkk.all()
    assert jakon.jkm.all()
    assert not (jakon.jht | jakon.jp | jakon.jkp).any()


def test_every_kept_region_appears_in_the_regional_datasets(tiny):
    regencies = set(tiny["workforce"]["regency"].to_pylist())
    assert regencies == {"32.04", "32.16", "32.73", "76.02", "76.04", "76.05"}
    assert set(tiny["minimum_wages"]["regency"].to_pylist()) == regencies
    budgets = tiny["budgets"].to_pandas()
    assert set(budgets[budgets.level == "REGENCY"].region_code) == regencies
    assert set(budgets[budgets.level == "PROVINCE"].region_code) == {"32", "76"}
    villages = budgets[budgets.level == "VILLAGE"].region_code
    # Only desa (code 2xxx) have an APBDes; kelurahan are offices of the city or regency.
    assert (villages.str[9] == "2").all()
    assert 100 <= len(villages) <= 240
