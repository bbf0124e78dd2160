"""The floor for a served session: a minimal Textual app (one Static, one Button), as a browser
tab would run it. bench_serve.py measures its memory beside a participant's session."""

from textual.app import App
from textual.widgets import Button, Static


class Minimal(App[None]):
    def compose(self):
        yield Static("A quiet room.")
        yield Button("Begin")


Minimal().run()
