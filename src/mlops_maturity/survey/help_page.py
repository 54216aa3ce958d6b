"""The whole help of a question, for a window too small to show it beside the options (``?`` twice)."""

from __future__ import annotations

from rich.text import Text

from mlops_maturity.inert import inert_all
from mlops_maturity.survey.layout import Line, ScreenOptions, draw, wrapped
from mlops_maturity.survey.screen import QuestionView, help_length, shown_help_lines


def help_is_cut(view: QuestionView, options: ScreenOptions) -> bool:
    """True when the question screen with help shows only part of it: ``?`` again shows :func:`help_page`."""
    view = inert_all(view)
    return view.show_help and shown_help_lines(view, options) < help_length(view, options)


def help_page(view: QuestionView, options: ScreenOptions) -> str:
    """The whole help of a question on a screen of its own, for a window too small to show it beside the options.

    Nothing is cut here: a help longer than the window scrolls, and the terminal keeps what scrolled by.
    """
    view = inert_all(view)
    qn, width = view.question, options.width
    lines: list[Line] = [Text(qn.title, style="bold")]
    lines += wrapped("", qn.text, width)
    lines.append(None)
    lines += wrapped("  Why it matters: ", qn.help, width, style="italic", prefix_style="bold")
    lines += wrapped("  Most mature:    ", qn.options[-1].label, width, style="italic", prefix_style="bold")
    lines.append(None)
    lines.append(Text("Press Enter to go back to the question.", style="dim"))
    return draw(lines, options, reserve=None)
