"""The floor for start-up: a minimal Textual app (one Static, two Buttons) until it is on screen."""

from mark import mark
from textual.app import App
from textual.widgets import Button, Static


class Minimal(App[None]):
    def compose(self):
        yield Static("A quiet room.")
        yield Button("Begin")
        yield Button("Leave")

    def on_mount(self) -> None:
        self.call_after_refresh(self.done)

    def done(self) -> None:
        mark()
        self.exit()


Minimal().run()
