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
Environment: LOAD_CLIENTS, LOAD_SECONDS, LOAD_WORKERS (gunicorn workers, default 4).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from paritrana import perfdoc  # noqa: PLC0415 - after the path is set
    from paritrana.web.public import loadgen  # noqa: PLC0415

    clients = int(os.environ.get("LOAD_CLIENTS", "50"))
    seconds = float(os.environ.get("LOAD_SECONDS", "60"))
    workers = os.environ.get("LOAD_WORKERS", "4")
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
        summaries = []
        for name, path in runs:
            print(f"{name}: {clients} clients for {seconds:.0f} s on {path}", flush=True)  # noqa: T201 - the command prints its progress and table
            summaries.append(
                loadgen.load(
                    name, host="127.0.0.1", port=port, path=path, clients=clients, seconds=seconds
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    body = report(summaries, clients=clients, seconds=seconds, workers=workers)
    body += (
        f"\n\nLoad average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on "
        f"{os.cpu_count()} cores: the load generator and any other work share the machine."
    )
    print(body)  # noqa: T201 - the command prints its progress and table
    perfdoc.write_section("load", body, ROOT / "docs" / "performance.md")
    return 0


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
                f"WhiteNoise static files) on PostgreSQL with the demo data; {clients} concurrent "
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
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
