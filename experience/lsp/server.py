"""`experience lsp`: the language server, on pygls, speaking LSP over standard input and output.

This module only connects the editor's requests to the modules that answer them (`checking`,
`outline`, `completion`, `targets`, `describe`, `fixes`) and converts positions: those modules
count characters (code points), an editor counts in its own units (UTF-16 unless it says
otherwise), and pygls's position codec converts between the two.

Every file of a story is checked together, because a change in one (a scene renamed) can break
another (a `goto` to it). A check runs when a file is opened or saved, and a moment after the
author stops typing, in a worker thread, so the editor never waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from ..i18n import _
from ..story import Scene, Variable
from ..story.load_manifest import MANIFEST_NAME
from .checking import Checked, check, story_root
from .completion import complete
from .describe import function_markdown, key_markdown, scene_markdown, variable_markdown
from .fixes import fix
from .outline import spot_at
from .reports import to_lsp
from .targets import Target, target_at

#: How long typing must pause before the story is checked again, in seconds.
SETTLE = 0.3


class StoryServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("experience", __version__)
        self.checked: dict[Path, Checked] = {}  # the latest check of each story
        self.published: dict[Path, set[str]] = {}  # the files of each story that were given diagnostics
        self.pending: dict[Path, asyncio.Task[None]] = {}  # a check waiting for typing to pause

    # -- the editor's text ---------------------------------------------------------------------
    def buffers(self, root: Path) -> dict[Path, str]:
        """Every open file of the story in `root`, as the editor has it."""
        out = {}
        for uri, document in self.workspace.text_documents.items():
            path = _path(uri)
            if path is not None and path.parent == root:
                out[path] = document.source
        return out

    def lines(self, path: Path) -> list[str]:
        document = self.workspace.text_documents.get(_uri(path))
        if document is not None:
            return list(document.lines)
        try:
            return path.read_text(encoding="utf-8-sig").splitlines(True)
        except (OSError, UnicodeDecodeError):
            return []

    def to_client(self, path: Path, where: types.Range) -> types.Range:
        return self.workspace.position_codec.range_to_client_units(self.lines(path), where)

    # -- checking ------------------------------------------------------------------------------
    async def recheck(self, root: Path, *, settle: float = 0.0) -> None:
        if settle:
            await asyncio.sleep(settle)
        buffers = self.buffers(root)
        try:
            checked = await asyncio.get_running_loop().run_in_executor(None, check, root, buffers)
        except Exception as error:  # a fault of ours: say so in the editor's log, keep serving
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Error,
                    _("experience: checking {root} failed: {error}").format(root=root, error=repr(error)),
                )
            )
            return
        self.checked[root] = checked.keeping(self.checked.get(root))
        self.publish(checked)

    def schedule(self, root: Path, *, settle: float = 0.0) -> None:
        waiting = self.pending.pop(root, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[root] = asyncio.ensure_future(self.recheck(root, settle=settle))

    def publish(self, checked: Checked) -> None:
        shown = set()
        for path, problems in checked.diagnostics.items():
            lines = self.lines(path)
            items = []
            for problem in problems:
                item = to_lsp(problem, lines)
                item.range = self.workspace.position_codec.range_to_client_units(lines, item.range)
                items.append(item)
            uri = _uri(path)
            shown.add(uri)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=items))
        for uri in self.published.get(checked.root, set()) - shown:  # a file that has gone: clear it
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.published[checked.root] = shown

    def latest(self, root: Path) -> Checked:
        """The last check of the story (a check now if there has been none)."""
        if root not in self.checked:
            self.checked[root] = check(root, self.buffers(root))
        return self.checked[root]

    # -- reading a position -------------------------------------------------------------------
    def at(self, uri: str, position: types.Position) -> tuple[TextDocument, Path, int, int] | None:
        path = _path(uri)
        if path is None or story_root(path) is None:
            return None
        document = self.workspace.get_text_document(uri)
        here = document.position_codec.position_from_client_units(document.lines, position)
        return document, path, here.line, here.character


server = StoryServer()


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


def _uri(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def _chapter(path: Path) -> str | None:
    return None if path.name == MANIFEST_NAME else path.stem


def _root_of(uri: str) -> Path | None:
    path = _path(uri)
    return story_root(path) if path is not None else None


# -- the document's life ---------------------------------------------------------------------------
def _recheck_on(method: str, settle: float) -> None:
    """Check the story again when a file of it is opened, changed, saved or closed (closed: the
    disk's text counts again); after a change, once typing has paused for `settle` seconds."""

    def handle(ls: StoryServer, params: types.DidOpenTextDocumentParams) -> None:  # or Change, Save, Close
        root = _root_of(params.text_document.uri)
        if root is not None:
            ls.schedule(root, settle=settle)

    server.feature(method)(handle)


for _method, _settle in (
    (types.TEXT_DOCUMENT_DID_OPEN, 0.0),
    (types.TEXT_DOCUMENT_DID_CHANGE, SETTLE),
    (types.TEXT_DOCUMENT_DID_SAVE, 0.0),
    (types.TEXT_DOCUMENT_DID_CLOSE, 0.0),
):
    _recheck_on(_method, _settle)


@server.feature(types.SHUTDOWN)
def _shutdown(ls: StoryServer, params: None) -> None:
    for waiting in ls.pending.values():
        with contextlib.suppress(Exception):
            waiting.cancel()


# -- answers ----------------------------------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[" ", "{", "/", '"', "("]),
)
def _complete(ls: StoryServer, params: types.CompletionParams) -> types.CompletionList | None:
    found = ls.at(params.text_document.uri, params.position)
    if found is None:
        return None
    document, path, row, column = found
    root = path.parent
    lines = list(document.lines)
    spot = spot_at(lines, row, column, manifest=path.name == MANIFEST_NAME)
    items = complete(spot, ls.latest(root).draft, _chapter(path), row)
    codec = document.position_codec
    for item in items:
        if isinstance(item.text_edit, types.TextEdit):
            item.text_edit.range = codec.range_to_client_units(lines, item.text_edit.range)
    return types.CompletionList(is_incomplete=False, items=items)


def _target(ls: StoryServer, uri: str, position: types.Position) -> tuple[Target, Checked, Path, int] | None:
    found = ls.at(uri, position)
    if found is None:
        return None
    document, path, row, column = found
    spot = spot_at(list(document.lines), row, column, manifest=path.name == MANIFEST_NAME)
    target = target_at(spot, _chapter(path))
    return (target, ls.latest(path.parent), path, row) if target is not None else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: StoryServer, params: types.HoverParams) -> types.Hover | None:
    found = _target(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    target, checked, path, row = found
    named = checked.named(target.kind, target.name)
    if target.key is not None:
        text = key_markdown(target.key)
    elif isinstance(named, Scene):
        text = scene_markdown(named)
    elif isinstance(named, Variable):
        text = variable_markdown(named)
    elif target.kind == "function":
        text = function_markdown(target.name)
    else:
        return None
    where = ls.to_client(path, types.Range(types.Position(row, target.start), types.Position(row, target.end)))
    return types.Hover(contents=types.MarkupContent(types.MarkupKind.Markdown, text), range=where)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: StoryServer, params: types.DefinitionParams) -> types.Location | None:
    found = _target(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    target, checked, _, _ = found
    named = checked.named(target.kind, target.name)
    place = named.location if named is not None else None
    if place is None or place.line is None:
        return None
    row, column = place.line - 1, (place.column or 1) - 1
    word = types.Range(types.Position(row, column), types.Position(row, column))
    return types.Location(uri=_uri(place.path), range=ls.to_client(place.path, word))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_actions(ls: StoryServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    path = _path(uri)
    if path is None or story_root(path) is None:
        return None
    document = ls.workspace.get_text_document(uri)
    lines = list(document.lines)
    plain = [line.rstrip("\r\n") for line in lines]
    codec = document.position_codec
    actions = []
    for diagnostic in params.context.diagnostics:
        start = codec.position_from_client_units(lines, diagnostic.range.start)
        action = fix(uri, plain, diagnostic, types.Position(start.line, start.character))
        if action is None or action.edit is None or action.edit.changes is None:
            continue
        for edit in action.edit.changes[uri]:
            edit.range = codec.range_to_client_units(lines, edit.range)
        actions.append(action)
    return actions


def serve() -> None:
    server.start_io()
