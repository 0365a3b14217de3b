"""Declared schema of every national membership dataset.

This module is the single contract between the generator, the importers, the indicator
pipeline and ``docs/data.md``: each dataset is data (a tuple of columns with type, range,
allowed values and references), never code spread across readers. Money is whole Rupiah
(int64); dates are ISO dates; region codes are Kemendagri codes as strings
(``"32"`` province, ``"32.04"`` regency, ``"32.04.01"`` district, ``"32.04.01.2001"`` village).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ColumnType(StrEnum):
    STRING = "string"
    INT = "int64"
    BOOL = "bool"
    DATE = "date"
    MONTH = "month"  # "YYYY-MM"


class Ref(StrEnum):
    """What a code column must refer to."""

    PROVINCE = "province"
    REGENCY = "regency"
    VILLAGE = "village"
    #: A province, regency or village code: of the row's ``level`` when the dataset has a
    #: ``level`` column, otherwise of any level.
    REGION = "region"
    EMPLOYER = "employer"  # an NPP present in the cycle's employers dataset


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str
    unit: str = ""
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None
    allowed: tuple[str, ...] = ()
    references: Ref | None = None


class Must(StrEnum):
    """What a conditional rule demands of its column."""

    PRESENT = "present"  # a value is required
    EMPTY = "empty"  # no value allowed
    FALSE = "false"  # a BOOL column must be false


@dataclass(frozen=True)
class Rule:
    """A cross-column condition, as data: when ``when`` is one of ``values``, ``column`` must ``must``.

    Kept declarative so the importers, the generator and ``docs/data.md`` read the same rule.
    """

    column: str
    must: Must
    when: str
    values: tuple[str, ...]

    def describe(self) -> str:
        demand = {
            Must.PRESENT: "is required",
            Must.EMPTY: "must be empty",
            Must.FALSE: "must be false",
        }
        return f"{self.column} {demand[self.must]} when {self.when} is {' or '.join(self.values)}"


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    used_by: tuple[str, ...] = field(default=())
    rules: tuple[Rule, ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"dataset {self.name!r} has no column {name!r}")


SEGMENTS = ("PU", "BPU", "JAKON")
PROGRAMMES = ("JKK", "JKM", "JHT", "JP", "JKP")
FUNDING = ("SELF", "EMPLOYER", "APBD", "APBDES", "CSR")
WORKER_CATEGORIES = ("GENERAL", "NON_ASN", "VILLAGE_OFFICIAL", "VULNERABLE")
SECTORS = (
    "KEUANGAN",
    "MANUFAKTUR",
    "PERTANIAN",
    "PERDAGANGAN_JASA",
    "PENDIDIKAN",
    "KESEHATAN",
)
SCALES = ("BESAR", "MENENGAH", "KECIL", "MIKRO")
OWNERSHIP = ("PRIVATE", "BUMN", "BUMD", "GOVERNMENT")
LEVELS = ("PROVINCE", "REGENCY", "VILLAGE")
INSTRUMENTS = ("PERDA", "PERKADA", "SE", "PERDES", "PERKADES")

#: JKK + JKM contribution the government pays for one vulnerable worker per month (Rupiah).
VULNERABLE_MONTHLY_CONTRIBUTION_RP = 16_800
#: Contributions for month M are due on this day of month M+1 (PP 44/2015 practice).
CONTRIBUTION_DUE_DAY = 15

_RP = "Rupiah"

PARTICIPANTS = Dataset(
    name="participants",
    description="One row per participant (KPJ) registered at the end of the assessment period.",
    key=("kpj",),
    columns=(
        Column("kpj", ColumnType.STRING, "Participant number (Kartu Peserta Jamsostek)."),
        Column("segment", ColumnType.STRING, "Membership segment.", allowed=SEGMENTS),
        Column(
            "npp",
            ColumnType.STRING,
            "Employer registration number; required for PU, empty otherwise.",
            nullable=True,
            references=Ref.EMPLOYER,
        ),
        Column(
            "work_regency",
            ColumnType.STRING,
            "Regency/city where the participant works.",
            references=Ref.REGENCY,
        ),
        Column(
            "home_village",
            ColumnType.STRING,
            "Village/kelurahan of residence; required for BPU.",
            nullable=True,
            references=Ref.VILLAGE,
        ),
        Column("jkk", ColumnType.BOOL, "Enrolled in JKK (work accident)."),
        Column("jkm", ColumnType.BOOL, "Enrolled in JKM (death)."),
        Column("jht", ColumnType.BOOL, "Enrolled in JHT (old age savings)."),
        Column("jp", ColumnType.BOOL, "Enrolled in JP (pension); never for BPU."),
        Column("jkp", ColumnType.BOOL, "Enrolled in JKP (job loss)."),
        Column("active", ColumnType.BOOL, "Contributions current at the end of the period."),
        Column(
            "wage",
            ColumnType.INT,
            "Monthly wage reported (PU, JAKON) or declared income (BPU).",
            unit=_RP,
            minimum=0,
        ),
        Column("funding", ColumnType.STRING, "Who pays the contributions.", allowed=FUNDING),
        Column(
            "funder_npp",
            ColumnType.STRING,
            "Employer paying a CSR-funded worker's contributions; required when funding=CSR.",
            nullable=True,
            references=Ref.EMPLOYER,
        ),
        Column(
            "worker_category",
            ColumnType.STRING,
            "GENERAL, NON_ASN (non-civil-servant government staff), VILLAGE_OFFICIAL, "
            "VULNERABLE (pekerja rentan).",
            allowed=WORKER_CATEGORIES,
        ),
        Column("registered_on", ColumnType.DATE, "Date of first registration."),
    ),
    used_by=("coverage", "segment coverage", "vulnerable funded", "employer compliance"),
    rules=(
        Rule("npp", Must.PRESENT, when="segment", values=("PU",)),
        Rule("npp", Must.EMPTY, when="segment", values=("BPU",)),
        Rule("home_village", Must.PRESENT, when="segment", values=("BPU",)),
        Rule("jp", Must.FALSE, when="segment", values=("BPU",)),
        Rule("funder_npp", Must.PRESENT, when="funding", values=("CSR",)),
        Rule(
            "funder_npp", Must.EMPTY, when="funding", values=("SELF", "EMPLOYER", "APBD", "APBDES")
        ),
        # JKP (job loss) exists only for wage earners (PP 37/2021); construction workers
        # registered per project (JAKON) get JKK and JKM only.
        Rule("jkp", Must.FALSE, when="segment", values=("BPU", "JAKON")),
        Rule("jht", Must.FALSE, when="segment", values=("JAKON",)),
        Rule("jp", Must.FALSE, when="segment", values=("JAKON",)),
    ),
)

EMPLOYERS = Dataset(
    name="employers",
    description="One row per registered employer (badan usaha).",
    key=("npp",),
    columns=(
        Column(
            "npp", ColumnType.STRING, "Employer registration number (Nomor Pendaftaran Perusahaan)."
        ),
        Column("name", ColumnType.STRING, "Registered name."),
        Column(
            "regency", ColumnType.STRING, "Regency/city of the head office.", references=Ref.REGENCY
        ),
        Column("sector", ColumnType.STRING, "Award sector.", allowed=SECTORS),
        Column("scale", ColumnType.STRING, "Business scale.", allowed=SCALES),
        Column(
            "headcount",
            ColumnType.INT,
            "Workforce the employer reports to the labour ministry (WLKP).",
            unit="workers",
            minimum=0,
        ),
        Column("ownership", ColumnType.STRING, "Ownership.", allowed=OWNERSHIP),
        Column(
            "owner_region",
            ColumnType.STRING,
            "Province or regency whose government owns the employer: required for GOVERNMENT "
            "(the regional government itself, employing its non-ASN staff) and BUMD, empty "
            "for PRIVATE and BUMN.",
            nullable=True,
            references=Ref.REGION,
        ),
    ),
    used_by=(
        "employer registration",
        "employer compliance",
        "own non-ASN staff covered",
        "BUMD compliance",
    ),
    rules=(
        Rule("owner_region", Must.PRESENT, when="ownership", values=("GOVERNMENT", "BUMD")),
        Rule("owner_region", Must.EMPTY, when="ownership", values=("PRIVATE", "BUMN")),
    ),
)

CONTRIBUTIONS = Dataset(
    name="contributions",
    description="One row per employer per month of the assessment period.",
    key=("npp", "month"),
    columns=(
        Column("npp", ColumnType.STRING, "Employer.", references=Ref.EMPLOYER),
        Column("month", ColumnType.MONTH, "Contribution month, YYYY-MM."),
        Column(
            "workers_reported", ColumnType.INT, "Workers in the bill.", unit="workers", minimum=0
        ),
        Column("billed_rp", ColumnType.INT, "Contribution billed.", unit=_RP, minimum=0),
        Column("paid_rp", ColumnType.INT, "Contribution paid.", unit=_RP, minimum=0),
        Column(
            "paid_on",
            ColumnType.DATE,
            "Date of (last) payment; empty when nothing was paid.",
            nullable=True,
        ),
    ),
    used_by=("months paid on time", "arrears", "employer compliance"),
)

WORKFORCE = Dataset(
    name="workforce",
    description="BPS-style labour force per regency/city for the assessment year.",
    key=("regency", "year"),
    columns=(
        Column("regency", ColumnType.STRING, "Regency/city.", references=Ref.REGENCY),
        Column("year", ColumnType.INT, "Year.", minimum=2000, maximum=2100),
        Column(
            "working_population", ColumnType.INT, "Working population.", unit="persons", minimum=0
        ),
        Column("formal", ColumnType.INT, "Formal workers.", unit="persons", minimum=0),
        Column("informal", ColumnType.INT, "Informal workers.", unit="persons", minimum=0),
    ),
    used_by=("coverage", "segment coverage", "vulnerable funded share"),
)

BUDGETS = Dataset(
    name="budgets",
    description=(
        "Regional budget (APBD for provinces and regencies, APBDes for villages) allocated to "
        "employment social security contributions, with the region's own staff."
    ),
    key=("region_code", "year"),
    columns=(
        Column(
            "region_code",
            ColumnType.STRING,
            "Province, regency or village code.",
            references=Ref.REGION,
        ),
        Column("level", ColumnType.STRING, "Level of the region.", allowed=LEVELS),
        Column("year", ColumnType.INT, "Budget year.", minimum=2000, maximum=2100),
        Column(
            "allocation_rp", ColumnType.INT, "Allocation for contributions.", unit=_RP, minimum=0
        ),
        Column(
            "workers_funded",
            ColumnType.INT,
            "Workers whose contributions it funds.",
            unit="workers",
            minimum=0,
        ),
        Column(
            "own_staff",
            ColumnType.INT,
            "Region's own non-ASN staff (provinces, regencies) or village officials (villages).",
            unit="persons",
            minimum=0,
        ),
    ),
    used_by=("APBD allocation", "own staff covered", "village officials covered"),
)

REGULATIONS = Dataset(
    name="regulations",
    description="Regional regulations on employment social security in force during the period.",
    key=("region_code", "instrument", "number"),
    columns=(
        Column("region_code", ColumnType.STRING, "Issuing region.", references=Ref.REGION),
        Column("level", ColumnType.STRING, "Level of the issuing region.", allowed=LEVELS),
        Column("instrument", ColumnType.STRING, "Legal instrument.", allowed=INSTRUMENTS),
        Column("number", ColumnType.STRING, "Instrument number, e.g. '5/2023'."),
        Column("issued_on", ColumnType.DATE, "Date issued."),
        Column("covers_non_asn", ColumnType.BOOL, "Covers the region's non-ASN staff."),
        Column("covers_vulnerable", ColumnType.BOOL, "Covers vulnerable informal workers."),
        Column("covers_bumd", ColumnType.BOOL, "Obliges regional enterprises (BUMD)."),
        Column("covers_construction", ColumnType.BOOL, "Obliges construction projects."),
        Column("covers_licensing", ColumnType.BOOL, "Makes membership a licensing condition."),
    ),
    used_by=("regulation level", "regulation scope"),
)

MINIMUM_WAGES = Dataset(
    name="minimum_wages",
    description="Regional minimum wage (UMK) per regency/city and year.",
    key=("regency", "year"),
    columns=(
        Column("regency", ColumnType.STRING, "Regency/city.", references=Ref.REGENCY),
        Column("year", ColumnType.INT, "Year.", minimum=2000, maximum=2100),
        Column("minimum_wage_rp", ColumnType.INT, "Monthly minimum wage.", unit=_RP, minimum=0),
    ),
    used_by=("reported wage vs minimum wage",),
)

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        PARTICIPANTS,
        EMPLOYERS,
        CONTRIBUTIONS,
        WORKFORCE,
        BUDGETS,
        REGULATIONS,
        MINIMUM_WAGES,
    )
}
