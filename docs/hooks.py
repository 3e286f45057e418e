"""mkdocs hook: list every generated rule page under "Rule catalogue" in the site navigation.

`scripts/gen_rule_docs.py` writes one page per rule as docs/rules/<CODE>-<name>.md; listing them
by hand in mkdocs.yml would be a second copy of the registry, so they are added here at build
time, in code order, after the pages the section already lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SECTION = "Rule catalogue"


def on_config(config: Any, **_: Any) -> Any:
    docs_dir = Path(config["docs_dir"])
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / "rules").glob("*.md"))
    for item in config["nav"] or []:
        if isinstance(item, dict) and SECTION in item:
            section = item[SECTION]
            listed = {next(iter(e.values())) if isinstance(e, dict) else e for e in section}
            section.extend(p for p in pages if p not in listed)
    return config
