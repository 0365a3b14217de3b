"""`make loadtest`: the public results page and a scorecard under load, beside a static file.

1. Prepares a PostgreSQL database of its own (``paritrana_load`` on the server of
   $PARITRANA_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) with the
   demo data (``paritrana demo setup``; skipped when already complete) and a var folder of
   its own (var/loadtest).
2. Serves it production-style: ``paritrana serve`` (gunicorn, WhiteNoise static files,
   PARITRANA_ENV=production) on a free local port.
3. Runs the load generator (``paritrana.web.public.loadgen``): a trivial static file (the
   ceiling), the national results page and a winner's scorecard, each at LOAD_CLIENTS (50)
   concurrent clients for LOAD_SECONDS (60) s, prints the table and writes it into the
   "load" section of docs/performance.md.
   It also reports the CPU time each request cost the load generator (this process),
   ``paritrana serve``'s processes and the PostgreSQL backends, read from /proc: they all
   share the machine's cores, so the static file's ceiling is partly the generator's limit.
Environment: LOAD_CLIENTS, LOAD_SECONDS, LOAD_WORKERS (gunicorn workers, default 3: the
pages are CPU-bound, so cores + 1 keeps both cores busy without extra context switches).
"""

from __future__ import annotations

import os
import resource
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
LOAD_DB = "paritrana_load"


def load_database_url() -> str:
    base = (
        os.environ.get("PARITRANA_TEST_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/test"
    )
    server, _, _name = base.rpartition("/")
    import psycopg  # noqa: PLC0415 - only this script needs it directly

    with psycopg.connect(base, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [LOAD_DB]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{LOAD_DB}"')
    return f"{server}/{LOAD_DB}"


def environment(database_url: str, *, production: bool) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PARITRANA_VAR_DIR": str(ROOT / "var" / "loadtest"),
        "PARITRANA_LOG_LEVEL": "ERROR",
    }
    if production:
        env.update(
            PARITRANA_ENV="production",
            PARITRANA_SECRET_KEY=secrets.token_urlsafe(64),
            PARITRANA_ALLOWED_HOSTS="127.0.0.1,localhost",
            PARITRANA_SSL_REDIRECT="false",  # plain HTTP on the loopback, no proxy in front
        )
    return env


def target_paths(env: dict[str, str]) -> tuple[str, str]:
    """The national results page of the published demo cycle and its first winner's card."""
    code = (
        "import django, json; django.setup();"
        "from django.urls import reverse;"
        "from paritrana.awards.domain.publication import published_rounds;"
        "from paritrana.awards.models import Award, Result;"
        "r = published_rounds().filter(province__isnull=True).select_related('cycle').first();"
        "a = Award.objects.filter(round=r, place=1).select_related('category').first();"
        "res = Result.objects.get(run__round=r, run__is_final=True, candidate=a.candidate);"
        "print(json.dumps([reverse('public:ranking', args=[r.cycle.slug, 'national',"
        " a.category.code]), reverse('reports:scorecard', args=[res.pk])]))"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "paritrana.settings"}
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [str(BIN / "python"), "-c", code], env=env, check=True, capture_output=True, text=True
    )
    import json  # noqa: PLC0415

    ranking, scorecard = json.loads(out.stdout.strip().splitlines()[-1])
    return ranking, scorecard


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not come up")


def warm(port: int, paths: list[str], times: int = 40) -> None:
    """Fill each worker's caches (and build the round's result package) before measuring."""
    for path in paths:
        for _ in range(times):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
                r.read()


@dataclass(frozen=True)
class Cpu:
    """CPU milliseconds per request: load generator, server processes, PostgreSQL."""

    generator: float
    server: float
    database: float


def _stat_fields(pid: str) -> list[str]:
    # /proc/<pid>/stat after the command name: state, ppid, ..., utime (11), stime (12).
    return (Path("/proc") / pid / "stat").read_text().rsplit(")", 1)[1].split()


def _processes() -> list[str]:
    return [p.name for p in Path("/proc").iterdir() if p.name.isdigit()]


def server_pids(server: int) -> list[str]:
    """``paritrana serve`` and everything under it: gunicorn's master and workers, and the
    background-task worker it starts beside them (it polls the database meanwhile)."""
    parents: dict[str, str] = {}
    for pid in _processes():
        try:
            parents[pid] = _stat_fields(pid)[1]
        except OSError:  # ended meanwhile
            continue
    found = [str(server)]
    for pid in found:  # grows while it is walked: children, then theirs
        found += [child for child, parent in parents.items() if parent == pid]
    return found


def database_pids() -> list[str]:
    """The PostgreSQL backends of the load database (their process title names it)."""
    pids = []
    for pid in _processes():
        try:
            if LOAD_DB.encode() in (Path("/proc") / pid / "cmdline").read_bytes():
                pids.append(pid)
        except OSError:
            continue
    return pids


def cpu_by_pid(pids: list[str]) -> dict[str, float]:
    """CPU seconds (user + system) each live process of ``pids`` has used so far."""
    used = {}
    for pid in pids:
        try:
            fields = _stat_fields(pid)
        except OSError:  # ended meanwhile
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class CpuWatch:
    """CPU used by the server's processes and the database backends during one run.

    Sampled once a second on a thread, keeping each process's last reading: Django
    renews its database connection every PARITRANA_DB_CONN_MAX_AGE (60) s, and a backend
    that ends during the run takes its counters with it. A process started during the run
    counts from zero (its start-up is part of the cost).
    """

    def __init__(self, server: int) -> None:
        self.server = server
        self.start = self._read()
        self.last = dict(self.start)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _read(self) -> dict[str, float]:
        served = {f"s{pid}": v for pid, v in cpu_by_pid(server_pids(self.server)).items()}
        database = {f"d{pid}": v for pid, v in cpu_by_pid(database_pids()).items()}
        return {**served, **database}

    def _sample(self) -> None:
        while not self.done.wait(1.0):
            self.last.update(self._read())

    def stop(self) -> tuple[float, float]:
        """CPU seconds used since the start: (server processes, database backends)."""
        self.done.set()
        self.thread.join()
        self.last.update(self._read())
        used = {key: value - self.start.get(key, 0.0) for key, value in self.last.items()}
        return (
            sum(v for k, v in used.items() if k.startswith("s")),
            sum(v for k, v in used.items() if k.startswith("d")),
        )


def measured(run: Any, server: int) -> tuple[Any, Cpu]:
    """Run one load (``run()`` returns its Summary) and what it cost each side in CPU."""
    own = own_cpu_seconds()
    watch = CpuWatch(server)
    summary = run()
    served, database = watch.stop()
    generator = own_cpu_seconds() - own  # includes the sampling thread: a few ms a second
    per = [x * 1000 / max(summary.requests, 1) for x in (generator, served, database)]
    return summary, Cpu(*per)


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from paritrana import perfdoc  # noqa: PLC0415 - after the path is set
    from paritrana.web.public import loadgen  # noqa: PLC0415

    clients = int(os.environ.get("LOAD_CLIENTS", "50"))
    seconds = float(os.environ.get("LOAD_SECONDS", "60"))
    workers = os.environ.get("LOAD_WORKERS", "3")
    load_before = os.getloadavg()[0]
    url = load_database_url()
    print(f"Preparing {LOAD_DB} with the demo data (skipped when complete)...", flush=True)  # noqa: T201 - the command prints its progress and table
    subprocess.run(  # noqa: S603 - our own command
        [str(BIN / "paritrana"), "demo", "setup"],
        env=environment(url, production=False),
        check=True,
    )
    env = environment(url, production=True)
    ranking, scorecard = target_paths(env)
    port = free_port()
    log = (ROOT / "var" / "loadtest" / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own command
        [str(BIN / "paritrana"), "serve", "--port", str(port), "--workers", workers],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(port)
        static = "/static/paritrana/site.css"
        warm(port, [static, ranking, scorecard])
        runs = [
            ("static file (ceiling)", static),
            ("national results page", ranking),
            ("scorecard", scorecard),
        ]
        summaries, costs = [], []
        for name, path in runs:
            print(f"{name}: {clients} clients for {seconds:.0f} s on {path}", flush=True)  # noqa: T201 - the command prints its progress and table
            summary, cpu = measured(
                lambda name=name, path=path: loadgen.load(
                    name, host="127.0.0.1", port=port, path=path, clients=clients, seconds=seconds
                ),
                server.pid,
            )
            summaries.append(summary)
            costs.append(cpu)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    body = report(summaries, clients=clients, seconds=seconds, workers=workers)
    body += "\n\n" + cpu_table(summaries, costs)
    body += (
        f"\n\nLoad average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on "
        f"{os.cpu_count()} cores: the load generator and any other work share the machine."
    )
    print(body)  # noqa: T201 - the command prints its progress and table
    perfdoc.write_section("load", body, ROOT / "docs" / "performance.md")
    return 0


def cpu_table(summaries: list, costs: list[Cpu]) -> str:
    """Where each request's CPU went: the generator shares the 2 cores with the server."""
    lines = [
        (
            "CPU time per request (ms, from /proc; the load generator runs on the same "
            f"{os.cpu_count()} cores, so it takes part of the capacity it measures):"
        ),
        "",
        "| page | load generator | `paritrana serve` (gunicorn + task worker) | PostgreSQL | total |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for s, c in zip(summaries, costs, strict=True):
        total = c.generator + c.server + c.database
        lines.append(
            f"| {s.name} | {c.generator:.2f} | {c.server:.2f} | {c.database:.2f} | {total:.2f} |"
        )
    return "\n".join(lines)


def report(summaries: list, *, clients: int, seconds: float, workers: str) -> str:
    from paritrana.web.public import loadgen  # noqa: PLC0415

    ceiling = summaries[0]
    verdicts = []
    for s in summaries[1:]:
        share = s.rps / ceiling.rps * 100 if ceiling.rps else 0
        verdicts.append(
            f"- {s.name}: p95 {s.p95_ms:.0f} ms ({'meets' if s.p95_ms <= 100 else 'misses'} "  # noqa: PLR2004 - the target
            f"≤ 100 ms), {s.errors} errors, {share:.0f}% of the static file's throughput "
            f"({'meets' if share >= 30 else 'misses'} ≥ 30%)."  # noqa: PLR2004 - the target
        )
    return "\n".join(
        [
            "## Load (`make loadtest`)",
            "",
            (
                f"gunicorn (`paritrana serve`, {workers} sync workers, PARITRANA_ENV=production, "
                "WhiteNoise static files, the background-task worker beside it) on PostgreSQL "
                f"with the demo data; {clients} concurrent "
                f"closed-loop clients for {seconds:.0f} s per page (asyncio load generator "
                "`paritrana.web.public.loadgen` on the same machine, a new connection per "
                "request, no think time)."
            ),
            "",
            loadgen.table(summaries, ceiling),
            "",
            (
                "Targets: p95 ≤ 100 ms, zero errors, results pages ≥ 30% of the static file's "
                "throughput."
            ),
            "",
            *verdicts,
            "",
            HOW_CACHED,
        ]
    )


HOW_CACHED = """\
How the results pages keep up: a published round's results are frozen, so what they show
is cached per final run and lock time (the ranking rows, the scorecard's built data, and
the rendered ranking body and scorecard body per language as template fragments); the page
around them (header with the CSRF-protected language and logout forms) is rendered for
every request. Each request still asks the database one small question (the run still
final, its round still published with the same lock: `run_still_published`), so an unlock
or re-lock hides or replaces a page at once. Provisional scorecards (committee, candidate)
never use this cache. The cache is Django's per-process memory cache: with one server a
shared cache (Redis, memcached) would only save each worker building the same entries
once per lock, and with several servers correctness still holds (the check is in the
database), so none is configured."""


if __name__ == "__main__":
    sys.exit(main())
