"""Every problem the checker can report, as a named descriptor: its code, severity and summary.

Emitters name a code (`Code.UNKNOWN_SCENE`), never spell it ("E200"), so a code cannot be
mistyped, and its severity is part of its definition rather than read from its first letter.
The codes are a public interface: authors, editors and CI match on them, so one is never
reused for a different meaning. The table in AUTHORING.md ("The checker's messages") lists each
with its summary, and a test holds the two in step.

A `Code` is a string (`Code.UNKNOWN_SCENE == "E200"`), so JSON, the text format and anything
that compares codes read it as the code it is. Its summary is shown in the reader's language
(`str(code.summary)`), but `CODES` keeps the English the guide's table has, so the guide, the
tests and anything that read the table before stay as they were.
"""

from __future__ import annotations

from enum import Enum, StrEnum, unique

from ..i18n import Lazy, lazy
from .format import MAX_FILE_BYTES


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


ERROR, WARNING = Severity.ERROR, Severity.WARNING


@unique
class Code(StrEnum):
    severity: Severity
    summary: Lazy

    def __new__(cls, code: str, severity: Severity, summary: Lazy) -> Code:
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity = severity
        member.summary = summary
        return member

    # Reading files
    NOT_UTF8 = "E001", ERROR, lazy("file is not UTF-8")
    FILE_TOO_LARGE = "E002", ERROR, lazy("file too large ({size} MiB)", size=MAX_FILE_BYTES // (1024 * 1024))
    YAML_SYNTAX = "E003", ERROR, lazy("YAML syntax error")
    ALIASES_EXPAND_TOO_FAR = "E004", ERROR, lazy("aliases expand too far")
    YAML_FEATURE_NOT_ALLOWED = "E005", ERROR, lazy("YAML feature not allowed")
    STORY_FOLDER = "E006", ERROR, lazy("story folder problem")
    CONTROL_CHARACTER = "E007", ERROR, lazy("control character in text")
    # Shape of the documents
    WRONG_TYPE = "E100", ERROR, lazy("wrong type")
    UNKNOWN_KEY = "E101", ERROR, lazy("unknown key")
    MISSING_KEY = "E102", ERROR, lazy("missing key")
    DUPLICATE_KEY = "E103", ERROR, lazy("duplicate key")
    INVALID_VALUE = "E104", ERROR, lazy("invalid value")
    CONFLICTING_KEYS = "E105", ERROR, lazy("conflicting keys")
    INVALID_NAME = "E106", ERROR, lazy("invalid name")
    # Links between scenes
    UNKNOWN_SCENE = "E200", ERROR, lazy("unknown scene")
    DEAD_END = "E201", ERROR, lazy("dead end")
    RETURN_WITHOUT_DETOUR = "E202", ERROR, lazy("return without a detour")
    # Expressions and text
    EXPRESSION_SYNTAX = "E300", ERROR, lazy("expression syntax")
    UNKNOWN_VARIABLE = "E301", ERROR, lazy("unknown variable")
    UNKNOWN_FUNCTION = "E302", ERROR, lazy("unknown function")
    NOT_IN_EXPRESSIONS = "E303", ERROR, lazy("not allowed in expressions")
    TYPE_MISMATCH = "E304", ERROR, lazy("type mismatch")
    BAD_PLACEHOLDER = "E305", ERROR, lazy("bad placeholder")
    BAD_INLINE_VARIATION = "E306", ERROR, lazy("bad inline variation")
    CANNOT_COMPUTE = "E307", ERROR, lazy("cannot be computed")
    # Story-wide warnings
    UNREACHABLE_SCENE = "W400", WARNING, lazy("unreachable scene")
    READER_MAY_BE_STRANDED = "W401", WARNING, lazy("reader may be stranded")
    UNUSED_VARIABLE = "W402", WARNING, lazy("unused variable")
    VARIABLE_NEVER_READ = "W403", WARNING, lazy("variable never read")
    FILE_NOT_READ = "W404", WARNING, lazy("file not read")
    FALLBACK_NEVER_SHOWN = "W405", WARNING, lazy("fallback never shown")
    VARIATION_NEVER_SHOWN = "W406", WARNING, lazy("variation never shown")
    FORMAT_NOT_DECLARED = "W407", WARNING, lazy("format 2 used without 'format: 2'")
    KEY_INSIDE_TEXT = "W408", WARNING, lazy("a key written inside text")
    PAGE_MAY_BE_EMPTY = "W409", WARNING, lazy("every paragraph may be hidden")
    # Care and safety lint
    DEEP_WITHOUT_CONTENT_NOTE = "W500", WARNING, lazy("deep scene without a content note")
    DEEP_WITHOUT_PAUSE = "W501", WARNING, lazy("deep scene without a pause nearby")
    DEEP_WITHOUT_GENTLE_ENDING = "W502", WARNING, lazy("deep scene without a gentle ending")
    DEEP_STRETCH_WITHOUT_GENTLER = "W503", WARNING, lazy("deep stretch without a gentler path")
    GENTLER_LEADS_DEEPER = "W504", WARNING, lazy("gentler path leads deeper")
    # Translations (locale/*.po beside the story)
    TRANSLATION_UNREADABLE = "E600", ERROR, lazy("translation file cannot be read")
    NO_TRANSLATION = "E601", ERROR, lazy("no translation into that language")
    UNTRANSLATED = "W602", WARNING, lazy("string not translated")
    TRANSLATION_FUZZY = "W603", WARNING, lazy("translation marked fuzzy")
    SOURCE_CHANGED = "W604", WARNING, lazy("source changed since it was translated")
    PLACEHOLDERS_DIFFER = "W605", WARNING, lazy("placeholders or inline variations differ")
    TRANSLATION_TEXT = "W606", WARNING, lazy("translation's text has a problem")
    TRANSLATION_MOVED = "W607", WARNING, lazy("translation under an old id")
    TRANSLATION_UNUSED = "W608", WARNING, lazy("translation of a string no longer in the story")


def _english(summary: Lazy) -> str:
    return summary.message.format(**summary.values)


#: Every code with its summary in English, as the guide's table shows them.
CODES: dict[str, str] = {code.value: _english(code.summary) for code in Code}
