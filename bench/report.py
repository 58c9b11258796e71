"""Rows of figures, and the two ways of printing them: a console table and a Markdown table for the README."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured figure; `ok` is None for figures that are shown for context and have no target."""

    section: str
    figure: str
    value: str
    target: str = ""
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        """PASS, MISS, or blank when the figure has no target."""
        return "" if self.ok is None else ("PASS" if self.ok else "MISS")


HEADERS = ("Section", "Figure", "Value", "Target", "Result")


def _cells(row: Row) -> tuple[str, ...]:
    return row.section, row.figure, row.value, row.target, row.verdict


def console_table(rows: list[Row]) -> str:
    """A fixed-width table; widths count characters, which is enough since the figures are ASCII."""
    table = [HEADERS, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    rule = "-+-".join("-" * w for w in widths)
    lines = [" | ".join(c.ljust(w) for c, w in zip(HEADERS, widths, strict=True)), rule]
    previous = None
    for row in rows:
        # A rule between sections keeps the eye on which figures belong together.
        if previous is not None and row.section != previous:
            lines.append(rule)
        lines.append(" | ".join(c.ljust(w) for c, w in zip(_cells(row), widths, strict=True)))
        previous = row.section
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    """The same rows as a Markdown table, ready to paste into the README."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join("---" for _ in HEADERS) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
    return "\n".join(lines)
