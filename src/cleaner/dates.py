"""Turn a page-date line into an ISO date (pure, no locale)."""

from __future__ import annotations

from cleaner.patterns import DATE_IN_LINE, DATE_LINE, TIMEOUT

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


def _iso(y: int, mo: int, d: int) -> str | None:
    """ "YYYY-MM-DD" for a real calendar date, else None (no `datetime` import on the hot path)."""
    if not 1 <= mo <= 12 or not 1 <= d <= 31 or not 1000 <= y <= 9999:
        return None
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[mo - 1]
    return f"{y:04d}-{mo:02d}-{d:02d}" if d <= days else None


def find(line: str) -> tuple[str, bool] | None:
    """The first valid calendar date in `line` as ISO, and whether it is an "Updated" date.

    A publication date is preferred: the first date not introduced by "Updated"/"Modified",
    else the first updated one. ``"PUBLISHED: Nov 19, 2019 | UPDATED: Nov 20, 2019"`` ->
    ``("2019-11-19", False)``.
    """
    updated: str | None = None
    for m in DATE_IN_LINE.finditer(line, timeout=TIMEOUT):
        g = m.groupdict()
        try:
            if g["mon"]:
                iso = _iso(int(g["year"]), _MONTHS[g["mon"][:3].lower()], int(g["day"]))
            elif g["mon2"]:
                iso = _iso(int(g["year2"]), _MONTHS[g["mon2"][:3].lower()], int(g["day2"]))
            else:
                iso = _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        except (ValueError, KeyError, TypeError):
            continue
        if iso is None:
            continue
        if not g["upd"]:
            return iso, False
        updated = updated or iso
    return (updated, True) if updated else None
