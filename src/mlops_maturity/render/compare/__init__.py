"""Output formats of ``compare``: one module per format, each with ``render(comparison, options) -> str``."""
