"""The pure CSV reader: every malformed input names file, row and field."""

import pytest

from paritrana.regions.reference import ReferenceDataError, read_level, read_zones


def _write(tmp_path, name, text, encoding="utf-8"):
    (tmp_path / name).write_bytes(text.encode(encoding))
    return tmp_path


def test_reads_all_levels():
    assert len(read_level("province")) == 38
    assert read_level("regency")[0].parent_code == "11"
    assert len(read_zones()) == 38


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "code;name\n11;Aceh\n",
            "provinces.csv: row 1: expected header 'code,name', found 'code;name'",
        ),
        (
            "code,name\n11,Aceh,extra\n",
            "provinces.csv: row 2: expected 2 fields (code,name), found 3",
        ),
        ("code,name\n1A,Aceh\n", "provinces.csv: row 2, field 'code': malformed code '1A'"),
        ("code,name\n11,\n", "provinces.csv: row 2, field 'name': empty name"),
        (
            "code,name\n11,Aceh\n11,Aceh\n",
            "provinces.csv: row 3, field 'code': duplicate code '11'",
        ),
        ("", "provinces.csv: row 1: expected header 'code,name', found ''"),
    ],
)
def test_bad_province_files(tmp_path, text, message):
    _write(tmp_path, "provinces.csv", text)
    with pytest.raises(ReferenceDataError) as err:
        read_level("province", tmp_path)
    assert str(err.value) == message


def test_wrong_parent_prefix(tmp_path):
    _write(tmp_path, "regencies.csv", "code,province_code,name\n32.04,33,Kabupaten Bandung\n")
    with pytest.raises(
        ReferenceDataError, match=r"row 2, field 'province_code': '33' is not the parent of '32.04'"
    ):
        read_level("regency", tmp_path)


def test_wrong_encoding(tmp_path):
    _write(tmp_path, "provinces.csv", "code,name\n11,Acéh\n", encoding="utf-16")
    with pytest.raises(ReferenceDataError, match=r"provinces.csv: (not UTF-8 text|row 1)"):
        read_level("province", tmp_path)


def test_missing_file(tmp_path):
    with pytest.raises(ReferenceDataError, match="file not found"):
        read_level("village", tmp_path)
