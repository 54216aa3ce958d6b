"""Output formats of ``portfolio``: one module per format, each with ``render(portfolio, options) -> str``."""
