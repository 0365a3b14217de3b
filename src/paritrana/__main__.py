from paritrana.cli import app

app()
