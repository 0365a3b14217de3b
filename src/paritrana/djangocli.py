"""`paritrana` subcommands that need Django: regions, audit, accounts, serve, demo.

Django is set up inside each command, so ``paritrana --help`` stays fast.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Annotated

import typer
from rich.console import Console

console = Console(soft_wrap=True)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "paritrana.settings")
    import django  # noqa: PLC0415 - deferred: only commands that need Django pay for it

    django.setup()


def call(*args: str) -> None:
    """Run a Django management command."""
    setup_django()
    from django.core.management import call_command  # noqa: PLC0415

    call_command(*args)


regions_app = typer.Typer(
    help="Reference regions (provinces, regencies, villages, zones).", no_args_is_help=True
)
audit_app = typer.Typer(help="The append-only audit log.", no_args_is_help=True)
accounts_app = typer.Typer(help="User accounts and roles.", no_args_is_help=True)
demo_app = typer.Typer(help="Demo data and accounts (never in production).", no_args_is_help=True)


@regions_app.command("load")
def regions_load_cmd() -> None:
    """Load (or reload) the reference regions and default zones; idempotent, all or nothing."""
    setup_django()
    from paritrana.regions.domain.loading import regions_load  # noqa: PLC0415
    from paritrana.regions.reference import ReferenceDataError  # noqa: PLC0415

    try:
        with console.status("Loading reference regions…"):
            report = regions_load()
    except ReferenceDataError as exc:
        console.print(f"[red]Refused:[/red] {exc}\nThe existing regions are unchanged.")
        raise typer.Exit(1) from exc
    for level, count in report.counts.items():
        console.print(f"{level:10} {count:>7,} rows ({report.created[level]:,} new)")


@audit_app.command("verify")
def audit_verify_cmd() -> None:
    """Verify the hash chain; exit 1 and name the first broken link if it was tampered with."""
    setup_django()
    from paritrana.audit.domain import audit_verify  # noqa: PLC0415

    report = audit_verify()
    if report.ok:
        console.print(f"[green]Audit chain intact[/green]: {report.checked:,} entries verified.")
        return
    where = f"entry #{report.broken_at}" if report.broken_at else "the end of the chain"
    console.print(f"[red]Audit chain broken at {where}[/red]: {report.reason}.")
    raise typer.Exit(1)


@accounts_app.command("create")
def accounts_create_cmd(
    username: str,
    role: Annotated[
        str,
        typer.Option(
            help="NATIONAL_COMMITTEE, PROVINCIAL_COMMITTEE, JUROR, CANDIDATE or DATA_OFFICER"
        ),
    ],
    province: Annotated[
        str | None, typer.Option(help="Province code, for a provincial committee")
    ] = None,
    full_name: Annotated[str, typer.Option(help="Full name")] = "",
) -> None:
    """Create a user (asks for the password) and grant a role."""
    setup_django()
    from paritrana.accounts.domain import role_grant  # noqa: PLC0415
    from paritrana.accounts.models import Role, User  # noqa: PLC0415

    if role not in Role.values:
        console.print(f"[red]Unknown role {role!r}[/red]; choose one of {', '.join(Role.values)}.")
        raise typer.Exit(2)
    user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name})
    if created:
        user.set_password(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
        user.save()
    try:
        role_grant(user=user, role=Role(role), province_code=province)
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    console.print(f"{'Created' if created else 'Updated'} {username} with role {role}.")


@demo_app.command("setup")
def demo_setup_cmd(
    scale: Annotated[
        str, typer.Option(help="Generator scale of the synthetic nation: demo (default) or tiny")
    ] = "demo",
) -> None:
    """Build a whole award cycle on synthetic data (generate, import, indicators, screening,
    questionnaires, verification, jury, deliberation, locks, promotion, national round,
    publication) and print one login per role. Running it again changes nothing."""
    import time  # noqa: PLC0415 - only this command times itself

    setup_django()
    from django.conf import settings  # noqa: PLC0415

    if settings.PRODUCTION:
        console.print("[red]Refusing to create demo accounts in production.[/red]")
        raise typer.Exit(1)
    if scale not in ("demo", "tiny"):
        console.print(f"[red]Unknown scale {scale!r}[/red]; use demo or tiny.")
        raise typer.Exit(2)
    call("migrate", "--no-input", "-v", "0")
    regions_load_cmd()
    from paritrana.demo.display import RichProgress, logins_print, report_print  # noqa: PLC0415
    from paritrana.demo.options import options_for  # noqa: PLC0415
    from paritrana.demo.run import demo_run  # noqa: PLC0415

    started = time.monotonic()
    with RichProgress(console) as progress:
        report = demo_run(options=options_for(scale), progress=progress)
    report_print(console, report, time.monotonic() - started)
    logins_print(console, report, "http://127.0.0.1:8000")


def migrate_cmd() -> None:
    """Apply database migrations."""
    call("migrate", "--no-input")


def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(help="gunicorn worker processes")] = 2,
    task_worker: Annotated[
        bool,
        typer.Option(
            "--task-worker/--no-task-worker",
            help="Also run the background-task worker (certificate batches); "
            "turn off when a separate `paritrana worker` runs",
        ),
    ] = True,
) -> None:
    """Serve the web app with gunicorn (static files by WhiteNoise), plus the task worker."""
    setup_django()
    from django.conf import settings  # noqa: PLC0415

    if settings.PRODUCTION:
        call("collectstatic", "--no-input", "-v", "0")
    gunicorn = [
        sys.executable, "-m", "gunicorn", "paritrana.wsgi:application",
        "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-",
    ]  # fmt: skip
    console.print(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)")
    commands = [[sys.executable, "-m", "paritrana", "worker"]] if task_worker else []
    _run_together([*commands, gunicorn])


def _run_together(commands: list[list[str]]) -> None:
    """Run the processes until the last one (the web server) ends; stop all on Ctrl+C/SIGTERM."""

    def stop(_signum: int, _frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs = [subprocess.Popen(cmd) for cmd in commands]  # noqa: S603 - our own commands
        procs[-1].wait()
    except KeyboardInterrupt:
        pass
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def manage_cmd(ctx: typer.Context) -> None:
    """Run any Django management command: paritrana manage <command> [args]."""
    setup_django()
    from django.core.management import execute_from_command_line  # noqa: PLC0415

    execute_from_command_line(["paritrana manage", *ctx.args])
