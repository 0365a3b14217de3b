"""The demo's terminal output: a bar per step, then what was built and the logins."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from paritrana.demo.logins import login_lines
from paritrana.demo.run import DemoReport


class RichProgress:
    """One finished line per step, so the output reads as a log of what the demo did."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<48}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        )
        self.task: int | None = None
        self.started = time.monotonic()

    def __enter__(self) -> RichProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish()
        self.bar.__exit__(None, None, None)

    def _finish(self) -> None:
        if self.task is not None:
            task = self.bar.tasks[self.task]
            if task.total is None:
                self.bar.update(
                    self.task, total=max(task.completed, 1), completed=max(task.completed, 1)
                )
            else:
                self.bar.update(self.task, completed=task.total)

    def phase(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.task = self.bar.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None and n:
            self.bar.advance(self.task, n)

    def note(self, text: str) -> None:
        self.bar.console.print(f"[dim]{text}[/dim]")


def report_print(console: Console, report: DemoReport, seconds: float) -> None:
    cycle = report.cycle
    done = "already complete" if report.skipped else f"built in {seconds:,.0f} s"
    console.print(f"\n[bold]{cycle.name}[/bold] ({done})")
    console.print(f"  Locked, with results and promotion: {', '.join(report.locked) or '-'}")
    for province, stage in report.parked.items():
        console.print(f"  Parked for you to continue: {province} in {stage}")
    console.print("  Other provinces: screened shortlists, waiting for their committees")
    console.print(
        f"  National round: {report.promoted} promoted provincial winners + provinces by zone; "
        f"{report.national_results} final results, published"
    )


def logins_print(console: Console, report: DemoReport | None, base_url: str) -> None:
    # Plain lines, not a table: the hints are long and terminals are often 80 columns.
    console.print(f"\n[bold]Demo logins[/bold] ({base_url}/accounts/login/):")
    for role, username, password, hint in login_lines(report.cycle if report else None):
        console.print(f"  {role:18} user [bold]{username}[/bold]  password {password}")
        console.print(f"  {'':18} [dim]{hint}[/dim]")
