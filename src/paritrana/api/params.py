"""Path parameters, constrained so malformed values are refused (422) before any query."""

from __future__ import annotations

from typing import Annotated

from ninja import Path

SLUG = r"^[-a-zA-Z0-9_]{1,50}$"
ROUND = r"^(national|[0-9]{2})$"
CODE = r"^[-A-Za-z0-9_]{1,40}$"
PROVINCE = r"^[0-9]{2}$"

CycleSlug = Annotated[str, Path(pattern=SLUG, description="The cycle's slug")]
RoundKey = Annotated[
    str, Path(pattern=ROUND, description="`national`, or a province's two-digit code")
]
CategoryCode = Annotated[str, Path(pattern=CODE, description="Category code, e.g. PEMDA")]
ProvinceCode = Annotated[str, Path(pattern=PROVINCE, description="Kemendagri province code")]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
