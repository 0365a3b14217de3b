"""A small closed-loop HTTP load generator (asyncio, standard library only).

Each of ``clients`` coroutines sends GET requests one after another for ``seconds``, on a
new connection each time (gunicorn's sync workers close every connection anyway), and
records the latency of every request until the whole response is read. Errors are
connection failures, timeouts and any status outside 2xx/3xx.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    name: str
    path: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: a value that was actually measured)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


async def _one(host: str, port: int, path: str, timeout: float) -> int:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
            "Accept-Language: id\r\nUser-Agent: paritrana-loadgen\r\n\r\n"
        )
        writer.write(request.encode("ascii"))
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    return int(data[9:12]) if data.startswith(b"HTTP/1.") else 0


async def _client(
    host: str, port: int, path: str, until: float, timeout: float, out: list[tuple[float, bool]]
) -> None:
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            status = await _one(host, port, path, timeout)
            ok = 200 <= status < 400  # noqa: PLR2004 - HTTP success and redirects
        except (OSError, TimeoutError, ValueError):
            ok = False
        out.append((time.perf_counter() - started, ok))


async def _run(
    host: str, port: int, path: str, clients: int, seconds: float, timeout: float
) -> tuple[list[tuple[float, bool]], float]:
    samples: list[tuple[float, bool]] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(_client(host, port, path, until, timeout, samples) for _ in range(clients))
    )
    return samples, time.monotonic() - started


def load(
    name: str,
    *,
    host: str,
    port: int,
    path: str,
    clients: int = 50,
    seconds: float = 60.0,
    timeout: float = 30.0,
) -> Summary:
    """Hit ``path`` with ``clients`` concurrent clients for ``seconds``; latency summary."""
    samples, elapsed = asyncio.run(_run(host, port, path, clients, seconds, timeout))
    latencies = sorted(s for s, _ok in samples)
    return Summary(
        name=name,
        path=path,
        requests=len(samples),
        errors=sum(1 for _s, ok in samples if not ok),
        seconds=elapsed,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
    )


def table(summaries: list[Summary], ceiling: Summary) -> str:
    """Markdown table of the runs, each page's throughput as a share of the ceiling's."""
    lines = [
        "| page | path | requests/s | share of static | p50 ms | p95 ms | p99 ms | requests | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in summaries:
        share = s.rps / ceiling.rps * 100 if ceiling.rps else 0.0
        lines.append(
            f"| {s.name} | `{s.path}` | {s.rps:.1f} | {share:.0f}% | {s.p50_ms:.1f} | "
            f"{s.p95_ms:.1f} | {s.p99_ms:.1f} | {s.requests} | {s.errors} |"
        )
    return "\n".join(lines)
