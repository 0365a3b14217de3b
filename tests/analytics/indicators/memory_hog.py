"""A job for measurement tests, in its own light module so the spawned child imports little."""

from __future__ import annotations

MiB = 2**20


def hold_memory(mib: int) -> int:
    block = bytearray(mib * MiB)
    block[::4096] = b"x" * len(block[::4096])  # touch every page so that it is resident
    return len(block) // MiB
