"""`experience journal export|erase|passphrase` and `experience forget`: the journal is the reader's
own. The work is done by `experience.privacy.commands`; this module only says how it is asked for."""

from __future__ import annotations

import argparse

from ..i18n import _
from .arguments import Commands, add_data_dir, add_lang, add_profile, add_story


def register(commands: Commands) -> None:
    commands.add(
        "journal",
        None,  # each ACTION has its own handler, and argparse insists that one is named
        journal_arguments,
        help=_("export or erase your journal, or seal it with a passphrase"),
        description=_("Your journal is yours: write it out, erase it, or seal it with a passphrase."),
    )
    commands.add(
        "forget",
        cmd_forget,
        forget_arguments,
        help=_("remove everything kept for a profile: place, journal, settings"),
        description=_(
            "Lists what will be removed (and which files), asks you to type 'forget', "
            "removes it, and checks afterwards that it is gone."
        ),
    )


def _whose_journal(p: argparse.ArgumentParser) -> None:
    add_profile(p, _("whose journal"))
    add_data_dir(p)
    add_lang(p, follows=_("your settings, else your system's"))


def journal_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="journal_action", metavar="ACTION", required=True)

    a = actions.add_parser(
        "export",
        help=_("write out everything you wrote, as a letter (Markdown) or JSON"),
        description=_(
            "Every answer, by story and chapter in the journey's order, with its question and "
            "date, and the letter the story put together from your words. To standard output, or to a "
            "new file readable only by you. It only reads, so it works while the journey is open."
        ),
    )
    add_story(a)
    _whose_journal(a)
    a.add_argument("--format", choices=("markdown", "json"), default="markdown", help=_("markdown (default) or json"))
    a.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (created readable only by you)"))
    a.add_argument("--force", action="store_true", help=_("replace FILE if it already exists"))
    a.set_defaults(handler=cmd_journal_export)

    a = actions.add_parser(
        "erase",
        help=_("erase every answer and draft; your place in the story is kept"),
        description=_(
            "Lists what will be erased, asks you to type 'erase', erases it, and "
            "checks the database files afterwards. No passphrase is needed."
        ),
    )
    _whose_journal(a)
    a.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
    a.set_defaults(handler=cmd_journal_erase)

    a = actions.add_parser(
        "passphrase",
        help=_("seal your journal with a passphrase, change it, or remove it"),
        description=_(
            "Seals answers, drafts, kept answers and your place with a key made from your "
            "passphrase. A lost passphrase cannot be recovered."
        ),
    )
    a.add_argument("action", choices=("set", "change", "remove"))
    _whose_journal(a)
    a.set_defaults(handler=cmd_journal_passphrase)


def forget_arguments(p: argparse.ArgumentParser) -> None:
    _whose_journal(p)
    p.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
    p.add_argument(
        "--remove-set-aside",
        action="store_true",
        help=_("also remove database copies set aside earlier (only when it is the last profile)"),
    )


def cmd_journal_export(args: argparse.Namespace) -> int:
    from ..privacy.commands import export

    return export(
        profile=args.profile,
        data_dir=args.data_dir,
        story=args.story,
        format=args.format,
        output=args.output,
        force=args.force,
        lang=args.lang,
    )


def cmd_journal_erase(args: argparse.Namespace) -> int:
    from ..privacy.commands import erase

    return erase(profile=args.profile, data_dir=args.data_dir, yes=args.yes, lang=args.lang)


def cmd_journal_passphrase(args: argparse.Namespace) -> int:
    from ..privacy.commands import passphrase

    return passphrase(args.action, profile=args.profile, data_dir=args.data_dir, lang=args.lang)


def cmd_forget(args: argparse.Namespace) -> int:
    from ..privacy.commands import forget

    return forget(
        profile=args.profile,
        data_dir=args.data_dir,
        yes=args.yes,
        remove_set_aside=args.remove_set_aside,
        lang=args.lang,
    )
