"""Search keys with pinyin initials, so typing `hkxy` finds 汉口学院 (pypinyin, cached per distinct string)."""

from __future__ import annotations

from functools import lru_cache


def _lazy_pinyin(text: str) -> list[str]:
    """pypinyin loads a 2.5 MB phrase dictionary on import (~0.5 s): only pay it when a search key is first built,
    which happens in the start-up worker thread, not before the window shows."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """First letters of each character's pinyin; non-Chinese characters kept as they are, lower-cased."""
    if not text:
        return ""
    return "".join(part[:1] for part in _lazy_pinyin(text)).lower()


@lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """What a needle is matched against: the text itself and its pinyin initials."""
    return f"{text.lower()}\x1f{initials(text)}" if text else ""


def matches(needle: str, *texts: str) -> bool:
    needle = needle.strip().lower()
    return not needle or any(needle in search_key(t) for t in texts if t)


_CHAR_INITIALS: dict[str, str] = {}


def char_initials(text: str) -> str:
    """Initials character by character through a table filled once per distinct character.

    For long free text (issue descriptions) where `initials` would cost a phrase segmentation per distinct string;
    polyphonic characters take their most common reading, which is what a user typing initials expects anyway.
    """
    table = _CHAR_INITIALS
    out = []
    for char in text:
        letter = table.get(char)
        if letter is None:
            letter = table[char] = (_lazy_pinyin(char) or [char])[0][:1].lower()
        out.append(letter)
    return "".join(out)
