"""How a name sounds: toneless pinyin, for names typed with a wrong character of the same sound (住见局 for
住建局, 章三 for 张三) — the commonest slip of a Chinese input method, which no comparison of characters catches.

Only ever used to *propose* a match for the user to confirm (unit_names, person_names), never to merge.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.importers.text import match_key


@lru_cache(maxsize=1 << 14)
def reading(text: str) -> str:
    """住建局 → "zhu jian ju"; characters without a reading (digits, letters) are kept as they are. pypinyin loads
    its phrase dictionary on first use (~0.5 s): imported here, so only an import with an unmatched name pays it."""
    from pypinyin import Style, lazy_pinyin

    key = match_key(text)
    return " ".join(lazy_pinyin(key, style=Style.NORMAL, errors="default")) if key else ""
