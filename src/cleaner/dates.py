"""Turn a page-date line into an ISO date (pure, no locale)."""

from __future__ import annotations

from cleaner.patterns import DATE_LINE, TIMEOUT

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def to_iso(line: str) -> str | None:
    """ "Sunday, May 19, 2024" -> "2024-05-19"; None when the line is not a valid date."""
    m = DATE_LINE.match(line.strip(), timeout=TIMEOUT)
    if m is None:
        return None
    import datetime as _dt  # on first use: pages without a date line do not pay its ~3 ms import

    g = m.groupdict()
    try:
        if g["mon"]:
            y, mo, d = int(g["year"]), _MONTHS[g["mon"][:3].lower()], int(g["day"])
        elif g["mon2"]:
            y, mo, d = int(g["year2"]), _MONTHS[g["mon2"][:3].lower()], int(g["day2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            y, mo, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
        return _dt.date(y, mo, d).isoformat()
    except (ValueError, KeyError, TypeError):
        return None
