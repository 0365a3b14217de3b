"""Award fixtures built through the real services."""

from __future__ import annotations

import datetime as dt
import itertools

from paritrana.awards.domain.cycles import cycle_create

_seq = itertools.count(1)


def make_cycle(**overrides):
    n = next(_seq)
    kwargs = {
        "name": f"Paritrana Award 2025 #{n}",
        "slug": f"paritrana-2025-{n}",
        "assessment_start": dt.date(2024, 1, 1),
        "assessment_end": dt.date(2024, 12, 31),
        "ceremony_year": 2025,
        "actor": None,
    }
    kwargs.update(overrides)
    return cycle_create(**kwargs)
