"""Output formats of ``consensus``: one module per format, each with ``render(view, options) -> str``."""
