"""Output formats of ``portfolio``: one module per format, each with ``render(portfolio, options) -> str``."""


def shared_gaps_line(shared: int, single: int, where: str = "see --format json") -> str:
    """What the gaps listed as shared leave out: those of one team, which are that team's own next step."""
    if not single:
        return ""
    if not shared:
        return f"No gap to the next stage is shared by two teams or more: each of the {single} is one team's own."
    gaps = f"{single} more gap{'s' if single != 1 else ''}"
    return f"{gaps} to the next stage {'concerns' if single == 1 else 'concern'} one team each ({where})."
