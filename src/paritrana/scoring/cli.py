"""CLI for the scoring engine: `paritrana score ...`."""

from __future__ import annotations

import typer

score_app = typer.Typer(help="Run the composite-indicator scoring pipeline.", no_args_is_help=True)
