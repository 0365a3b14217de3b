"""Default categories, stages and criteria templates of a new cycle (DESIGN §1).

These are starting points the national committee edits per cycle; the weights are ours,
not official. Computed leaves name indicator codes of ``analytics.indicators``;
questionnaire leaves name question codes (``submissions``); jury leaves are rubric
criteria scored in interviews (``judging``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paritrana.entities.models import EntityKind


@dataclass(frozen=True)
class StageTemplate:
    code: str
    name: str
    flags: frozenset[str] = frozenset()


STAGES: tuple[StageTemplate, ...] = (
    StageTemplate("SCREENING", "Penjaringan (screening)", frozenset({"shortlist_editable"})),
    StageTemplate(
        "SUBMISSION", "Pengisian kuesioner (submission)", frozenset({"submissions_open"})
    ),
    StageTemplate("VERIFICATION", "Verifikasi (verification)", frozenset({"verification_open"})),
    StageTemplate("INTERVIEW", "Wawancara/paparan (interview)", frozenset({"scoring_open"})),
    StageTemplate(
        "DELIBERATION",
        "Penjurian (deliberation)",
        frozenset({"deliberation_open", "criteria_locked"}),
    ),
    StageTemplate(
        "PUBLICATION", "Publikasi (publication)", frozenset({"results_public", "criteria_locked"})
    ),
)
STAGE_FLAGS = (
    "shortlist_editable",
    "submissions_open",
    "verification_open",
    "scoring_open",
    "deliberation_open",
    "results_public",
    "criteria_locked",
)


@dataclass(frozen=True)
class Leaf:
    code: str
    name: str
    source: str  # COMPUTED / QUESTIONNAIRE / JURY
    weight: float
    ref: str = ""
    direction: int = 1


@dataclass(frozen=True)
class Aspect:
    code: str
    name: str
    weight: float
    leaves: tuple[Leaf, ...]


@dataclass(frozen=True)
class CategoryTemplate:
    code: str
    name: str
    entity_kind: str
    aspects: tuple[Aspect, ...]
    sector: str = ""
    scales: tuple[str, ...] = ()
    national_only: bool = False
    by_zone: bool = False
    shortlist_size: int = 3
    has_interview: bool = True
    pipeline: dict[str, object] = field(default_factory=dict)


def _c(code: str, name: str, weight: float, direction: int = 1) -> Leaf:
    return Leaf(code, name, "COMPUTED", weight, ref=code, direction=direction)


def _q(code: str, name: str, weight: float) -> Leaf:
    return Leaf(code, name, "QUESTIONNAIRE", weight, ref=code)


def _j(code: str, name: str, weight: float) -> Leaf:
    return Leaf(code, name, "JURY", weight, ref=code)


INTERVIEW_GOV = Aspect(
    "WAW",
    "Wawancara",
    10,
    (
        _j("jury_commitment", "Komitmen kepala daerah", 30),
        _j("jury_presentation", "Kualitas paparan", 20),
        _j("jury_innovation", "Inovasi", 25),
        _j("jury_sustainability", "Keberlanjutan", 25),
    ),
)

GOVERNMENT_ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "REG",
        "Regulasi & Kebijakan",
        20,
        (
            _c("regulation_level", "Tingkat regulasi", 60),
            _c("regulation_scope", "Cakupan regulasi", 40),
        ),
    ),
    Aspect(
        "ANG",
        "Anggaran & Implementasi",
        25,
        (
            _c("apbd_vulnerable_share", "Pekerja rentan dibiayai APBD / pekerja informal", 40),
            _c("own_staff_covered", "Pegawai non-ASN terlindungi", 30),
            _c("bumd_compliant_share", "BUMD patuh", 30),
        ),
    ),
    Aspect(
        "CAK",
        "Cakupan Kepesertaan",
        35,
        (
            _c("coverage_active", "Peserta aktif / penduduk bekerja", 30),
            _c("coverage_pu", "Peserta PU / pekerja formal", 25),
            _c("coverage_bpu", "Peserta BPU / pekerja informal", 30),
            _c("active_growth", "Pertumbuhan peserta aktif", 15),
        ),
    ),
    Aspect(
        "INO",
        "Inovasi & Keberlanjutan",
        10,
        (
            _q("innovation_programmes", "Program inovasi perlindungan pekerja", 60),
            _q("sustainability_plan", "Rencana keberlanjutan anggaran", 40),
        ),
    ),
    INTERVIEW_GOV,
)

_BU_ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "KEP",
        "Kepatuhan",
        40,
        (
            _c("registration_ratio", "Pekerja terdaftar / tenaga kerja dilaporkan", 30),
            _c("programmes_enrolled", "Program diikuti (dari 5)", 20),
            _c("months_paid_on_time", "Bulan iuran tepat waktu (dari 12)", 25),
            _c("wage_at_or_above_umk", "Upah dilaporkan ≥ UMK", 15),
            _c("arrears", "Tunggakan iuran", 10, direction=-1),
        ),
    ),
    Aspect(
        "KIN",
        "Kinerja",
        20,
        (
            _q("k3_programme", "Program K3 berjalan", 50),
            _q("claims_facilitated", "Klaim pekerja yang difasilitasi", 50),
        ),
    ),
    Aspect(
        "KON",
        "Kontribusi perlindungan pekerja rentan",
        20,
        (_c("csr_vulnerable_funded", "Pekerja rentan dibiayai perusahaan (CSR)", 100),),
    ),
    Aspect(
        "WAW",
        "Wawancara",
        20,
        (
            _j("jury_commitment", "Komitmen pimpinan", 40),
            _j("jury_presentation", "Kualitas paparan", 30),
            _j("jury_innovation", "Inovasi", 30),
        ),
    ),
)

_UKM_ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "KEP",
        "Kepatuhan",
        60,
        (
            _c("registration_ratio", "Pekerja terdaftar / tenaga kerja dilaporkan", 40),
            _c("programmes_enrolled", "Program diikuti (dari 5)", 30),
            _c("months_paid_on_time", "Bulan iuran tepat waktu (dari 12)", 30),
        ),
    ),
    Aspect(
        "KIN",
        "Kinerja",
        40,
        (
            _q("k3_programme", "Program K3 berjalan", 50),
            _q("claims_facilitated", "Klaim pekerja yang difasilitasi", 50),
        ),
    ),
)

_DESA_ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "REG", "Regulasi desa", 20, (_c("village_regulation_level", "Tingkat regulasi desa", 100),)
    ),
    Aspect(
        "ANG",
        "Anggaran (APBDes/Dana Desa)",
        30,
        (
            _c("apbdes_funded", "Pekerja dibiayai APBDes", 50),
            _c("apbdes_allocation", "Alokasi APBDes untuk iuran", 50),
        ),
    ),
    Aspect(
        "CAK",
        "Cakupan",
        40,
        (
            _c("village_officials_covered", "Perangkat desa terlindungi", 50),
            _c("bpu_residents", "Peserta BPU warga desa", 50),
        ),
    ),
    Aspect("INO", "Inovasi", 10, (_q("innovation_programmes", "Program inovasi desa", 100),)),
)

BU_SECTORS: tuple[tuple[str, str], ...] = (
    ("KEUANGAN", "Keuangan"),
    ("MANUFAKTUR", "Manufaktur, pertambangan & konstruksi"),
    ("PERTANIAN", "Pertanian, perkebunan & perikanan"),
    ("PERDAGANGAN_JASA", "Perdagangan & jasa"),
    ("PENDIDIKAN", "Pendidikan"),
    ("KESEHATAN", "Kesehatan & pelayanan publik"),
)

CATEGORIES: tuple[CategoryTemplate, ...] = (
    CategoryTemplate(
        "PEMPROV",
        "Pemerintah Provinsi",
        EntityKind.PROVINCE,
        GOVERNMENT_ASPECTS,
        national_only=True,
        by_zone=True,
    ),
    CategoryTemplate("PEMDA", "Pemerintah Kabupaten/Kota", EntityKind.REGENCY, GOVERNMENT_ASPECTS),
    CategoryTemplate(
        "DESA",
        "Pemerintah Desa/Kelurahan",
        EntityKind.VILLAGE,
        _DESA_ASPECTS,
        shortlist_size=5,
        has_interview=False,
    ),
    *(
        CategoryTemplate(
            f"BU-{sector}",
            f"Badan Usaha Menengah–Besar: {label}",
            EntityKind.BUSINESS,
            _BU_ASPECTS,
            sector=sector,
            scales=("BESAR", "MENENGAH"),
        )
        for sector, label in BU_SECTORS
    ),
    CategoryTemplate(
        "UKM",
        "Usaha Kecil Mikro",
        EntityKind.UKM,
        _UKM_ASPECTS,
        scales=("KECIL", "MIKRO"),
        shortlist_size=3,
        has_interview=False,
    ),
)

#: Scoring pipeline of every category unless the committee changes it: impute missing
#: indicators with the median, winsorise outliers as COINr does, min-max to 0-100,
#: weighted arithmetic mean up the tree; scores are ranked to 6 decimals so floating-point
#: noise never decides a place (equal scores share it unless a tie-breaker is configured);
#: jurors' scores are averaged (``jury``, read by the judging app).
DEFAULT_PIPELINE: dict[str, object] = {
    "name": "paritrana-default",
    "steps": {
        "impute": {"method": "median"},
        "treat": {},
        "normalise": {"method": "minmax", "range": [0, 100]},
        "aggregate": {"method": "arithmetic"},
    },
    "ranks": {"decimals": 6, "tie_breakers": []},
    "jury": {"method": "mean", "trim": 0.1, "normalise": False},
}
