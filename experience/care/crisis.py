"""Listening for words that may mean a reader needs support now, from the lists in `crisis.yaml`.

Two things are listened for, each its own list (`Concern`): words that may mean the reader is
thinking of ending their life or harming themselves, and words that may mean someone else is
hurting, threatening or frightening them. The lists are a plain file, so anyone can read exactly
what the program listens for and keep it current without touching code; this module only reads
it, writes a text out the way the lists expect (`normalise`), and matches it. It is deliberately
simple: it runs on this computer only, it will miss things, and it will sometimes match what was
not meant, which is why what the player says on a match is a gentle offer and never a judgement.
A damaged file must never silence it: whatever can be read is used, and a few phrasings of each
are built in as a fallback.

There is a file for each language shipped (`crisis.yaml` in English, `crisis.es.yaml` in Spanish),
and every one is listened to whatever language the program speaks: people write in the language
they feel in, which need not be the one they read the program in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from .data import as_dict, as_list, read_data

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_WORD = re.compile(r"[\w']+")
FALLBACK = ("(?:kill|killing) myself", "suicid\\w*", "(?:i|me) (?:\\w+ ){0,3}?want to die", "end it all")
FALLBACK_HARM = ("(?:he|she|they) (?:\\w+ )?(?:hits|beats|hurts) me", "domestic (?:violence|abuse)", "not safe at home")


class Concern(Enum):
    """What words heard in the lists may mean; the player's words and lines follow from it."""

    SELF = "phrases"  # thinking of ending one's life or of harming oneself
    HARM = "harm"  # being hurt, threatened or frightened by someone else


@dataclass(frozen=True)
class Phrase:
    pattern: str
    example: str = ""


@dataclass(frozen=True)
class CrisisWords:
    """The lists as read: how words are written out, the phrases of each, and what must not match."""

    words: dict[str, str]
    phrases: tuple[Phrase, ...]
    not_meant: tuple[str, ...] = ()
    harm: tuple[Phrase, ...] = tuple(Phrase(p) for p in FALLBACK_HARM)

    @property
    def matcher(self) -> re.Pattern[str]:
        return _compiled(tuple(p.pattern for p in self.phrases), FALLBACK)

    @property
    def harm_matcher(self) -> re.Pattern[str]:
        return _compiled(tuple(p.pattern for p in self.harm), FALLBACK_HARM)

    def normalise(self, text: str) -> str:
        """The text as the phrases are written against: see the head of `crisis.yaml`."""
        folded = unicodedata.normalize("NFKC", text).casefold().translate(APOSTROPHES)
        return " ".join(self.words.get(word, word.replace("'", "")) for word in _WORD.findall(folded))

    def concern(self, text: str) -> Concern | None:
        """What these words may mean: the reader's own safety first, then harm from another."""
        return next(iter(self.concerns(text)), None)

    def concerns(self, text: str) -> tuple[Concern, ...]:
        """Everything these words may mean, in `Concern`'s order (the reader's own safety first)."""
        written = self.normalise(text)
        heard = (Concern.SELF, self.matcher), (Concern.HARM, self.harm_matcher)
        return tuple(concern for concern, matcher in heard if matcher.search(written))

    def matches(self, text: str) -> bool:
        return self.concern(text) is not None


@cache
def _compiled(patterns: tuple[str, ...], fallback: tuple[str, ...]) -> re.Pattern[str]:
    usable = [p for p in patterns if _compiles(p)] or list(fallback)
    return re.compile("|".join(f"(?<!\\w)(?:{p})(?!\\w)" for p in usable))


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _phrases(entries: object, fallback: tuple[str, ...]) -> tuple[Phrase, ...]:
    return tuple(
        Phrase(entry["pattern"], str(entry.get("example") or ""))
        for entry in as_list(entries)
        if isinstance(entry, dict) and isinstance(entry.get("pattern"), str)
    ) or tuple(Phrase(p) for p in fallback)


def load_crisis_words(text: str | None = None, name: str = "crisis.yaml") -> CrisisWords:
    """Read the lists (the packaged file `name` unless `text` is given). Never raises."""
    data = read_data(name, text)
    words = {str(k).casefold(): str(v).casefold() for k, v in as_dict(data.get("words")).items() if v is not None}
    not_meant = tuple(str(s) for s in as_list(data.get("not_meant")))
    return CrisisWords(
        words,
        _phrases(data.get(Concern.SELF.value), FALLBACK),
        not_meant,
        _phrases(data.get(Concern.HARM.value), FALLBACK_HARM),
    )


def crisis_lists() -> tuple[str, ...]:
    """The packaged lists, one a language: `crisis.yaml` first, then `crisis.<language>.yaml`."""
    found = sorted(
        entry.name
        for entry in resources.files(__package__).iterdir()
        if entry.name.startswith("crisis.") and entry.name.endswith(".yaml") and entry.name != "crisis.yaml"
    )
    return ("crisis.yaml", *found)


@cache
def _packaged() -> tuple[CrisisWords, ...]:
    return tuple(load_crisis_words(name=name) for name in crisis_lists())


def concern_in(text: str) -> Concern | None:
    """What these words may mean, if anything (see `Concern`), heard in every language's list:
    the reader's own safety in any of them comes before harm from another in any of them."""
    return next(iter(concerns_in(text)), None)


def concerns_in(text: str) -> tuple[Concern, ...]:
    """Everything these words may mean, heard in every language's list, in `Concern`'s order."""
    heard = {concern for words in _packaged() for concern in words.concerns(text)}
    return tuple(concern for concern in Concern if concern in heard)


def sounds_like_crisis(text: str) -> bool:
    """Whether these words may mean the reader needs support now (either `Concern`), in any
    language a list is shipped for."""
    return concern_in(text) is not None
