"""Command-line options declared once, for the typer commands and the plain-call parser alike."""
