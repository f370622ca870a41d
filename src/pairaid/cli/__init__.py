"""The ``pairaid`` console command (Typer + Rich)."""
