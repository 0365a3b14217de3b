"""Plausible Indonesian employer names, built column-wise (no Python loop per employer)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from paritrana.analytics.generate_common import IntArray, StrArray

_WORDS = (
    "Maju",
    "Jaya",
    "Sejahtera",
    "Abadi",
    "Makmur",
    "Sentosa",
    "Mandiri",
    "Karya",
    "Utama",
    "Bersama",
    "Nusantara",
    "Indah",
    "Sinar",
    "Cahaya",
    "Mitra",
    "Prima",
    "Agung",
    "Berkah",
    "Lestari",
    "Tunggal",
    "Mulia",
    "Perkasa",
    "Persada",
    "Gemilang",
    "Sakti",
    "Bumi",
    "Tirta",
    "Sumber",
    "Harapan",
    "Baru",
    "Cipta",
    "Graha",
    "Putra",
    "Anugerah",
    "Surya",
    "Bintang",
    "Samudra",
    "Rejeki",
    "Setia",
    "Wijaya",
    "Kencana",
    "Mas",
    "Inti",
    "Sarana",
    "Daya",
    "Arta",
    "Buana",
    "Pratama",
    "Santosa",
    "Lancar",
)
#: By sector, in schema order (KEUANGAN, MANUFAKTUR, PERTANIAN, PERDAGANGAN_JASA,
#: PENDIDIKAN, KESEHATAN).
_SECTOR_WORDS = (
    ("Finance", "Sekuritas", "Asuransi", "Koperasi Simpan Pinjam", "Multifinance"),
    ("Industri", "Tekstil", "Manufaktur", "Konstruksi", "Tambang", "Plastik", "Logam"),
    ("Agro", "Perkebunan", "Perikanan", "Tani", "Sawit", "Peternakan"),
    ("Niaga", "Dagang", "Logistik", "Jasa", "Retail", "Transport", "Kuliner"),
    ("Pendidikan", "Edukasi", "Kursus", "Sekolah"),
    ("Medika", "Farma", "Husada", "Klinik", "Apotek"),
)
#: By scale, in schema order (BESAR, MENENGAH, KECIL, MIKRO).
_LEGAL_FORMS = (("PT",), ("PT",), ("CV", "PT"), ("UD", "Toko", "CV", "Usaha"))
_BUMD_FORMS = ("Perumda Air Minum", "PT BPR", "Perumda Pasar", "PT Jamkrida", "Perumda Aneka Usaha")


def place_names(names: StrArray) -> StrArray:
    """'Kabupaten Bandung' -> 'Bandung'; 'Kota Administrasi Jakarta Pusat' -> 'Jakarta Pusat'."""
    out = np.char.replace(names, "Kota Administrasi ", "")
    out = np.char.replace(out, "Kabupaten Administrasi ", "")
    out = np.char.replace(out, "Kabupaten ", "")
    return np.asarray(np.char.replace(out, "Kota ", ""))


def private_names(
    rng: np.random.Generator, scale: IntArray, sector: IntArray, bumn: np.ndarray
) -> pa.Array:
    n = len(scale)
    words = pa.array(_WORDS)
    first = words.take(pa.array(rng.integers(0, len(_WORDS), n)))
    second = words.take(pa.array(rng.integers(0, len(_WORDS), n)))
    form = _pick(rng, _LEGAL_FORMS, scale)
    trade = _pick(rng, _SECTOR_WORDS, sector)
    suffix = pa.array(np.where(bumn, "(Persero)", ""))
    joined = pc.binary_join_element_wise(form, first, second, trade, suffix, " ")
    return pc.utf8_trim_whitespace(joined)


def government_names(region_names: StrArray, is_province: np.ndarray) -> pa.Array:
    prefix = np.where(is_province, "Pemerintah Provinsi ", "Pemerintah ")
    return pa.array(np.char.add(prefix.astype(str), region_names.astype(str)))


def bumd_names(rng: np.random.Generator, places: StrArray, is_province: np.ndarray) -> pa.Array:
    forms = np.array(_BUMD_FORMS)[rng.integers(0, len(_BUMD_FORMS), len(places))]
    forms = np.where(is_province, "PT Bank Pembangunan Daerah", forms)
    return pa.array(np.char.add(np.char.add(forms, " "), places.astype(str)))


def _pick(
    rng: np.random.Generator, options: tuple[tuple[str, ...], ...], group: IntArray
) -> pa.Array:
    """One option per row from the tuple of its group."""
    flat = [word for words in options for word in words]
    sizes = np.array([len(words) for words in options])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    index = starts[group] + (rng.random(len(group)) * sizes[group]).astype(np.int64)
    return pa.array(flat).take(pa.array(index))
