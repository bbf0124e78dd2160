"""What a translation must keep of its source's `{…}`, compared on the `Template`s the loader built.

Never on the raw text with patterns: the loader has already read every `{…}` into the Template
model, so whatever the format reads is compared the same way, and a new kind of `{…}` needs only
its own token here. Word order may change (a translation may move a value to wherever its
sentence needs it) but the translation must show every value the source shows, as many times,
and nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from .text import Placeholder, Template

Token = tuple[str, str]  # ("value", "part_name")


def shape(template: Template) -> Counter[Token]:
    """The `{…}` of a text, in no order: what a translation must keep."""
    return Counter(("value", part.name) for part in template.parts if isinstance(part, Placeholder))


def _describe(tokens: Counter[Token]) -> str:
    return ", ".join(
        "{" + name + "}" + (f" ({count} times)" if count > 1 else "") for (_, name), count in tokens.items()
    )


def differences(source: Template, translated: Template) -> str:
    """How the translation's `{…}` differ from the source's, in words; "" when they do not."""
    wanted, found = shape(source), shape(translated)
    missing, extra = wanted - found, found - wanted
    said = []
    if missing:
        said.append(f"lacks {_describe(missing)}")
    if extra:
        said.append(f"has {_describe(extra)}, which the source does not")
    return ", and ".join(said)


def show_values(template: Template, values: Mapping[str, Mapping[str, str]]) -> Template:
    """`template`, each value it shows of a variable in `values` translated as it is shown."""
    if not any(isinstance(p, Placeholder) and p.name in values for p in template.parts):
        return template
    return Template(
        tuple(
            Placeholder(p.name, values[p.name]) if isinstance(p, Placeholder) and p.name in values else p
            for p in template.parts
        )
    )
