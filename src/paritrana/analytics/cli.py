"""CLI for the analytics engine: `paritrana data ...` and `paritrana indicators ...`.

Each command lives in its own module beside the code it drives; this file only mounts them.
"""

from __future__ import annotations

import typer

from paritrana.analytics import cli_generate, cli_import, cli_indicators

data_app = typer.Typer(help="Generate and import national membership data.", no_args_is_help=True)
indicators_app = typer.Typer(help="Compute indicators for every entity.", no_args_is_help=True)

data_app.command("generate")(cli_generate.generate)
data_app.command("import")(cli_import.import_)
indicators_app.command("compute")(cli_indicators.compute)
indicators_app.command("bench")(cli_indicators.bench)
indicators_app.command("docs")(cli_indicators.docs)
