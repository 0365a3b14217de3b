import shutil

import pytest

from paritrana.regions.domain.loading import regions_load
from paritrana.regions.models import District, Province, Regency, Village, Zone
from paritrana.regions.reference import DATA_DIR, ReferenceDataError

pytestmark = pytest.mark.django_db


def test_counts_match_kemendagri():
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    assert Regency.objects.filter(kind=Regency.Kind.KABUPATEN).count() == 416
    assert Regency.objects.filter(kind=Regency.Kind.KOTA).count() == 98
    assert District.objects.count() == 7285
    assert Village.objects.count() == 83762


def test_known_codes():
    bandung = Regency.objects.select_related("province").get(code="32.04")
    assert bandung.name == "Kabupaten Bandung"
    assert bandung.kind == Regency.Kind.KABUPATEN
    assert bandung.province.name == "Jawa Barat"
    tangsel = Regency.objects.select_related("province").get(code="36.74")
    assert tangsel.name == "Kota Tangerang Selatan"
    assert tangsel.kind == Regency.Kind.KOTA
    assert tangsel.province.name == "Banten"


def test_every_province_has_a_default_zone():
    assert Zone.objects.count() == 5
    assert not Province.objects.filter(zone__isnull=True).exists()
    assert Province.objects.get(code="31").zone_id == "JAWA_BALI"
    assert Province.objects.get(code="94").zone_id == "NUSA_MALUKU_PAPUA"


def test_reload_is_idempotent_and_keeps_edited_zones():
    Province.objects.filter(code="51").update(zone_id="NUSA_MALUKU_PAPUA")  # a committee edit
    before = [m.objects.count() for m in (Province, Regency, District, Village)]
    report = regions_load()
    assert [m.objects.count() for m in (Province, Regency, District, Village)] == before
    assert report.created == {"province": 0, "regency": 0, "district": 0, "village": 0}
    assert Province.objects.get(code="51").zone_id == "NUSA_MALUKU_PAPUA"


def _copy_reference(tmp_path):
    for f in DATA_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_corrupt_file_leaves_regions_untouched(tmp_path):
    data = _copy_reference(tmp_path)
    provinces = data / "provinces.csv"
    provinces.write_text(provinces.read_text().replace("Jawa Barat", "Renamed Province"))
    villages = data / "villages.csv"
    lines = villages.read_text().splitlines()
    lines[100] = "11.01.01.XX01,11.01.01,Broken"
    villages.write_text("\n".join(lines) + "\n")

    with pytest.raises(ReferenceDataError) as err:
        regions_load(data_dir=data)

    assert str(err.value) == "villages.csv: row 101, field 'code': malformed code '11.01.01.XX01'"
    assert Province.objects.get(code="32").name == "Jawa Barat"
    assert Village.objects.count() == 83762


def test_dangling_parent_is_refused(tmp_path):
    data = _copy_reference(tmp_path)
    regencies = data / "regencies.csv"
    regencies.write_text(regencies.read_text() + "99.01,99,Kabupaten Nowhere\n")
    with pytest.raises(
        ReferenceDataError,
        match=r"regencies.csv: row 516, field 'province_code': unknown province '99'",
    ):
        regions_load(data_dir=data)
    assert not Regency.objects.filter(code="99.01").exists()
