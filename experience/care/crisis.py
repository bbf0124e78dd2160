"""Listening for words that may mean a reader is in crisis, from the list in `crisis.yaml`.

The list is a plain file, so anyone can read exactly what the program listens for and keep it
current without touching code; this module only reads it, writes a text out the way the list
expects (`normalise`), and matches it. It is deliberately simple: it runs on this computer only,
it will miss things, and it will sometimes match what was not meant, which is why what the player
says on a match is a gentle offer and never a judgement. A damaged file must never silence it:
whatever can be read is used, and a few phrasings are built in as a fallback.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .data import as_dict, as_list, read_data

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_WORD = re.compile(r"[\w']+")
FALLBACK = ("(?:kill|killing) myself", "suicid\\w*", "(?:i|me) (?:\\w+ ){0,3}?want to die", "end it all")


@dataclass(frozen=True)
class Phrase:
    pattern: str
    example: str = ""


@dataclass(frozen=True)
class CrisisWords:
    """The list as read: how words are written out, the phrases, and what must not match."""

    words: dict[str, str]
    phrases: tuple[Phrase, ...]
    not_meant: tuple[str, ...] = ()

    @property
    def matcher(self) -> re.Pattern[str]:
        return _compiled(tuple(p.pattern for p in self.phrases))

    def normalise(self, text: str) -> str:
        """The text as the phrases are written against: see the head of `crisis.yaml`."""
        folded = unicodedata.normalize("NFKC", text).casefold().translate(APOSTROPHES)
        return " ".join(self.words.get(word, word.replace("'", "")) for word in _WORD.findall(folded))

    def matches(self, text: str) -> bool:
        return self.matcher.search(self.normalise(text)) is not None


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    usable = [p for p in patterns if _compiles(p)] or list(FALLBACK)
    return re.compile("|".join(f"(?<!\\w)(?:{p})(?!\\w)" for p in usable))


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def load_crisis_words(text: str | None = None) -> CrisisWords:
    """Read the list (the packaged file unless `text` is given). Never raises."""
    data = read_data("crisis.yaml", text)
    words = {str(k).casefold(): str(v).casefold() for k, v in as_dict(data.get("words")).items() if v is not None}
    phrases = tuple(
        Phrase(entry["pattern"], str(entry.get("example") or ""))
        for entry in as_list(data.get("phrases"))
        if isinstance(entry, dict) and isinstance(entry.get("pattern"), str)
    ) or tuple(Phrase(p) for p in FALLBACK)
    not_meant = tuple(str(s) for s in as_list(data.get("not_meant")))
    return CrisisWords(words, phrases, not_meant)


@cache
def _packaged() -> CrisisWords:
    return load_crisis_words()


def sounds_like_crisis(text: str) -> bool:
    """Whether these words may mean the reader is thinking of ending their life or harming themselves."""
    return _packaged().matches(text)
