"""Published facts the synthetic nation is calibrated to (DESIGN §1, "Facts for realistic data").

Participants per province are BPJS Ketenagakerjaan's active participants (Feb 2025; DKI,
Jawa Barat and Sulawesi Barat as published, the others estimated so the total matches);
working population is BPS Sakernas (Aug 2024, by residence, thousands); minimum wages are
the 2024 provincial minimum wages (UMP). The generator spreads these over the real
regencies; nothing here is per-regency truth.
"""

from __future__ import annotations

from dataclasses import dataclass

#: National active participants by segment (Feb 2025).
NATIONAL_SEGMENTS: dict[str, int] = {"PU": 26_260_000, "BPU": 9_580_000, "JAKON": 5_530_000}
NATIONAL_PARTICIPANTS = sum(NATIONAL_SEGMENTS.values())  # 41.37M (published: 41.38M)
#: Registered employers, and the micro share of them.
NATIONAL_EMPLOYERS = 839_937
#: BPS formal workers, Feb 2024: PU coverage 26.64M / 53.04M = 50.2 %.
NATIONAL_FORMAL_WORKERS = 53_040_000
#: Highest regency minimum wage in 2024 (Kota Bekasi, Rp5.34M), rounded up.
MAX_MINIMUM_WAGE_RP = 5_400_000


@dataclass(frozen=True)
class ProvinceFacts:
    participants_k: int  # active participants, thousands
    working_k: int  # working population, thousands
    ump_rp: int  # provincial minimum wage 2024
    capital: str  # regency code of the provincial capital
    anchored: bool = False  # published figure: kept as is when the total is calibrated


PROVINCES: dict[str, ProvinceFacts] = {
    "11": ProvinceFacts(640, 2_490, 3_460_672, "11.71"),  # Kota Banda Aceh
    "12": ProvinceFacts(2_050, 7_570, 2_809_915, "12.71"),  # Kota Medan
    "13": ProvinceFacts(560, 2_750, 2_811_449, "13.71"),  # Kota Padang
    "14": ProvinceFacts(1_350, 3_250, 3_294_625, "14.71"),  # Kota Pekanbaru
    "15": ProvinceFacts(520, 1_810, 3_037_121, "15.71"),  # Kota Jambi
    "16": ProvinceFacts(1_080, 4_400, 3_456_874, "16.71"),  # Kota Palembang
    "17": ProvinceFacts(240, 1_070, 2_507_079, "17.71"),  # Kota Bengkulu
    "18": ProvinceFacts(930, 4_620, 2_716_497, "18.71"),  # Kota Bandar Lampung
    "19": ProvinceFacts(260, 720, 3_640_000, "19.71"),  # Kota Pangkal Pinang
    "21": ProvinceFacts(820, 1_030, 3_279_194, "21.72"),  # Kota Tanjung Pinang
    "31": ProvinceFacts(8_010, 5_050, 5_067_381, "31.71", anchored=True),  # Jakarta Pusat
    "32": ProvinceFacts(4_960, 24_600, 2_057_495, "32.73", anchored=True),  # Kota Bandung
    "33": ProvinceFacts(3_750, 19_900, 2_036_947, "33.74"),  # Kota Semarang
    "34": ProvinceFacts(520, 2_240, 2_125_897, "34.71"),  # Kota Yogyakarta
    "35": ProvinceFacts(4_700, 22_800, 2_165_244, "35.78"),  # Kota Surabaya
    "36": ProvinceFacts(2_150, 5_670, 2_727_812, "36.73"),  # Kota Serang
    "51": ProvinceFacts(880, 2_670, 2_813_672, "51.71"),  # Kota Denpasar
    "52": ProvinceFacts(460, 2_870, 2_444_067, "52.71"),  # Kota Mataram
    "53": ProvinceFacts(420, 2_880, 2_186_826, "53.71"),  # Kota Kupang
    "61": ProvinceFacts(620, 2_640, 2_702_616, "61.71"),  # Kota Pontianak
    "62": ProvinceFacts(470, 1_360, 3_261_616, "62.71"),  # Kota Palangkaraya
    "63": ProvinceFacts(720, 2_190, 3_282_812, "63.72"),  # Kota Banjarbaru
    "64": ProvinceFacts(1_280, 1_850, 3_360_858, "64.72"),  # Kota Samarinda
    "65": ProvinceFacts(160, 360, 3_361_653, "65.01"),  # Kab. Bulungan (Tanjung Selor)
    "71": ProvinceFacts(420, 1_270, 3_545_000, "71.71"),  # Kota Manado
    "72": ProvinceFacts(410, 1_550, 2_736_698, "72.71"),  # Kota Palu
    "73": ProvinceFacts(1_330, 4_320, 3_434_298, "73.71"),  # Kota Makassar
    "74": ProvinceFacts(340, 1_320, 2_885_964, "74.71"),  # Kota Kendari
    "75": ProvinceFacts(150, 610, 3_025_100, "75.71"),  # Kota Gorontalo
    "76": ProvinceFacts(65, 740, 2_914_958, "76.02", anchored=True),  # Kab. Mamuju
    "81": ProvinceFacts(210, 800, 2_949_953, "81.71"),  # Kota Ambon
    "82": ProvinceFacts(220, 630, 3_200_000, "82.72"),  # Kota Tidore Kepulauan (Sofifi)
    "91": ProvinceFacts(260, 550, 4_024_270, "91.71"),  # Kota Jayapura
    "92": ProvinceFacts(130, 280, 3_393_500, "92.02"),  # Kab. Manokwari
    "93": ProvinceFacts(75, 280, 4_024_270, "93.01"),  # Kab. Merauke
    "94": ProvinceFacts(110, 700, 4_024_270, "94.01"),  # Kab. Nabire
    "95": ProvinceFacts(50, 820, 4_024_270, "95.01"),  # Kab. Jayawijaya
    "96": ProvinceFacts(95, 300, 3_393_500, "96.71"),  # Kota Sorong
}

#: Provinces where regency minimum wages spread far above the UMP (industrial belts:
#: Bekasi, Karawang, Surabaya ring, Tangerang). Elsewhere UMKs sit close to the UMP.
WIDE_WAGE_SPREAD = frozenset({"32", "33", "35", "36"})
#: 2024 regency minimum wages (UMK) as published for the best-known industrial belts and a
#: few low ones; the other regencies get a wage drawn around their province's UMP.
MINIMUM_WAGE_ANCHORS: dict[str, int] = {
    "32.75": 5_343_430,  # Kota Bekasi, the highest
    "32.15": 5_257_834,  # Kab. Karawang
    "32.16": 5_219_263,  # Kab. Bekasi
    "32.76": 4_878_612,  # Kota Depok
    "32.71": 4_813_988,  # Kota Bogor
    "32.14": 4_792_252,  # Kab. Purwakarta
    "32.01": 4_579_541,  # Kab. Bogor
    "32.73": 4_209_309,  # Kota Bandung
    "32.04": 3_757_284,  # Kab. Bandung
    "32.77": 3_735_593,  # Kota Cimahi
    "35.78": 4_725_479,  # Kota Surabaya
    "35.25": 4_642_031,  # Kab. Gresik
    "35.15": 4_638_582,  # Kab. Sidoarjo
    "35.14": 4_635_133,  # Kab. Pasuruan
    "35.16": 4_631_683,  # Kab. Mojokerto
    "36.72": 4_815_236,  # Kota Cilegon
    "36.71": 4_760_289,  # Kota Tangerang
    "36.74": 4_670_791,  # Kota Tangerang Selatan
    "36.03": 4_584_519,  # Kab. Tangerang
    "21.71": 4_685_050,  # Kota Batam
    "33.74": 3_243_969,  # Kota Semarang
    "51.03": 3_318_627,  # Kab. Badung
    "34.04": 2_315_976,  # Kab. Sleman
    "34.03": 2_188_041,  # Kab. Gunungkidul
    "33.04": 2_038_005,  # Kab. Banjarnegara, among the lowest
}
#: Java, for the "Java-heavy" checks and the construction (JAKON) boom around it.
JAVA = frozenset({"31", "32", "33", "34", "35", "36"})


def province_participants() -> dict[str, float]:
    """Active participants per province, calibrated so the nation sums to the published total.

    Anchored provinces keep their published figure; the estimated ones absorb the difference.
    """
    anchored = sum(f.participants_k for f in PROVINCES.values() if f.anchored)
    free = sum(f.participants_k for f in PROVINCES.values() if not f.anchored)
    factor = (NATIONAL_PARTICIPANTS / 1000 - anchored) / free
    return {
        code: 1000.0 * f.participants_k * (1.0 if f.anchored else factor)
        for code, f in PROVINCES.items()
    }
