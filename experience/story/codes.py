"""Every problem the checker can report, as a named descriptor: its code, severity and summary.

Emitters name a code (`Code.UNKNOWN_SCENE`), never spell it ("E200"), so a code cannot be
mistyped, and its severity is part of its definition rather than read from its first letter.
The codes are a public interface: authors, editors and CI match on them, so one is never
reused for a different meaning. The table in AUTHORING.md ("The checker's messages") lists each
with its summary, and a test holds the two in step.

A `Code` is a string (`Code.UNKNOWN_SCENE == "E200"`), so JSON, the text format and anything
that compares codes read it as the code it is.
"""

from __future__ import annotations

from enum import Enum, StrEnum, unique

from .format import MAX_FILE_BYTES


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


ERROR, WARNING = Severity.ERROR, Severity.WARNING


@unique
class Code(StrEnum):
    severity: Severity
    summary: str

    def __new__(cls, code: str, severity: Severity, summary: str) -> Code:
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity = severity
        member.summary = summary
        return member

    # Reading files
    NOT_UTF8 = "E001", ERROR, "file is not UTF-8"
    FILE_TOO_LARGE = "E002", ERROR, f"file too large ({MAX_FILE_BYTES // (1024 * 1024)} MiB)"
    YAML_SYNTAX = "E003", ERROR, "YAML syntax error"
    ALIASES_EXPAND_TOO_FAR = "E004", ERROR, "aliases expand too far"
    YAML_FEATURE_NOT_ALLOWED = "E005", ERROR, "YAML feature not allowed"
    STORY_FOLDER = "E006", ERROR, "story folder problem"
    CONTROL_CHARACTER = "E007", ERROR, "control character in text"
    # Shape of the documents
    WRONG_TYPE = "E100", ERROR, "wrong type"
    UNKNOWN_KEY = "E101", ERROR, "unknown key"
    MISSING_KEY = "E102", ERROR, "missing key"
    DUPLICATE_KEY = "E103", ERROR, "duplicate key"
    INVALID_VALUE = "E104", ERROR, "invalid value"
    CONFLICTING_KEYS = "E105", ERROR, "conflicting keys"
    INVALID_NAME = "E106", ERROR, "invalid name"
    # Links between scenes
    UNKNOWN_SCENE = "E200", ERROR, "unknown scene"
    DEAD_END = "E201", ERROR, "dead end"
    RETURN_WITHOUT_DETOUR = "E202", ERROR, "return without a detour"
    # Expressions and text
    EXPRESSION_SYNTAX = "E300", ERROR, "expression syntax"
    UNKNOWN_VARIABLE = "E301", ERROR, "unknown variable"
    UNKNOWN_FUNCTION = "E302", ERROR, "unknown function"
    NOT_IN_EXPRESSIONS = "E303", ERROR, "not allowed in expressions"
    TYPE_MISMATCH = "E304", ERROR, "type mismatch"
    BAD_PLACEHOLDER = "E305", ERROR, "bad placeholder"
    BAD_INLINE_VARIATION = "E306", ERROR, "bad inline variation"
    CANNOT_COMPUTE = "E307", ERROR, "cannot be computed"
    # Story-wide warnings
    UNREACHABLE_SCENE = "W400", WARNING, "unreachable scene"
    READER_MAY_BE_STRANDED = "W401", WARNING, "reader may be stranded"
    UNUSED_VARIABLE = "W402", WARNING, "unused variable"
    VARIABLE_NEVER_READ = "W403", WARNING, "variable never read"
    FILE_NOT_READ = "W404", WARNING, "file not read"
    FALLBACK_NEVER_SHOWN = "W405", WARNING, "fallback never shown"
    VARIATION_NEVER_SHOWN = "W406", WARNING, "variation never shown"
    FORMAT_NOT_DECLARED = "W407", WARNING, "format 2 used without 'format: 2'"
    KEY_INSIDE_TEXT = "W408", WARNING, "a key written inside text"
    PAGE_MAY_BE_EMPTY = "W409", WARNING, "every paragraph may be hidden"
    # Care and safety lint
    DEEP_WITHOUT_CONTENT_NOTE = "W500", WARNING, "deep scene without a content note"
    DEEP_WITHOUT_PAUSE = "W501", WARNING, "deep scene without a pause nearby"
    DEEP_WITHOUT_GENTLE_ENDING = "W502", WARNING, "deep scene without a gentle ending"
    DEEP_STRETCH_WITHOUT_GENTLER = "W503", WARNING, "deep stretch without a gentler path"
    GENTLER_LEADS_DEEPER = "W504", WARNING, "gentler path leads deeper"
    # Translations (locale/*.po beside the story)
    TRANSLATION_UNREADABLE = "E600", ERROR, "translation file cannot be read"
    NO_TRANSLATION = "E601", ERROR, "no translation into that language"
    UNTRANSLATED = "W602", WARNING, "string not translated"
    TRANSLATION_FUZZY = "W603", WARNING, "translation marked fuzzy"
    SOURCE_CHANGED = "W604", WARNING, "source changed since it was translated"
    PLACEHOLDERS_DIFFER = "W605", WARNING, "placeholders or inline variations differ"
    TRANSLATION_TEXT = "W606", WARNING, "translation's text has a problem"
    TRANSLATION_MOVED = "W607", WARNING, "translation under an old id"
    TRANSLATION_UNUSED = "W608", WARNING, "translation of a string no longer in the story"


#: Every code with its summary, as the guide's table shows them.
CODES: dict[str, str] = {code.value: code.summary for code in Code}
