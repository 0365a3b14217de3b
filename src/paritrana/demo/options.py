"""What the demo builds: which data, which provinces run how far.

Running the whole workflow for all 38 provinces would take far longer than a newcomer
waits, so a few provinces run to locked results (with promotion into the national round),
a few are parked in an earlier stage so every stage has real data to click through, and
the rest keep their screened shortlist.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings

CYCLE_SLUG = "paritrana-2024"
ANALYTICS_CYCLE = "2024"
SEED = 2024


@dataclass(frozen=True)
class DemoOptions:
    scale: str = "demo"
    seed: int = SEED
    #: Provinces whose rounds run to locked results and promote their winners.
    full: tuple[str, ...] = ("32", "36", "31", "35", "73")
    #: Provinces left in an earlier stage (code -> stage code) so each stage shows data.
    parked: dict[str, str] = field(
        default_factory=lambda: {"33": "INTERVIEW", "34": "VERIFICATION", "51": "SUBMISSION"}
    )
    data_dir: Path | None = None  # generated datasets; default var/demo-data

    @property
    def data_path(self) -> Path:
        return self.data_dir or Path(settings.VAR_DIR) / "demo-data"

    @property
    def store_path(self) -> Path:
        # Screening and deliberation read settings.ANALYTICS_DIR: the demo imports there.
        return Path(settings.ANALYTICS_DIR)


#: The ``tiny`` generator scale has data for Jawa Barat (32) and Sulawesi Barat (76) only.
TINY = DemoOptions(scale="tiny", full=("32", "76"), parked={})


def options_for(scale: str, data_dir: Path | None = None) -> DemoOptions:
    base = TINY if scale == "tiny" else DemoOptions(scale=scale)
    return replace(base, data_dir=data_dir)
