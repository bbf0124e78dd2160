import sys, time, os
T0 = time.monotonic()
marks = []
def m(label): marks.append((label, time.monotonic()))
sys.argv = ["x", sys.argv[1], sys.argv[2]]
import textual.app
m("textual.app")
from experience.tui import app as player
m("experience.tui.app")
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.welcome_back import WelcomeBackScreen
from experience.story import load_story
m("story import")
story = load_story(sys.argv[1]); m("load_story")
from experience.progress.store import Store
from experience.progress.session import Session
store = Store.open(__import__("pathlib").Path(sys.argv[2])); m("store open")
session = Session.resume(story, store, "default"); m("resume")
class Timed(player.ExperienceApp):
    def on_mount(self):
        m("on_mount"); super().on_mount(); self.call_after_refresh(self._first)
    def _first(self):
        m("first screen drawn")
        if isinstance(self.screen, WelcomeBackScreen): self.screen.dismiss("continue")
        else: self.exit()
    def on_scene_screen_shown(self, message):
        m("scene drawn"); self.exit()
app = Timed(session); m("app init")
app.run()
with open("/tmp/probe.txt", "a") as f:
    prev = T0; out = []
    for l, t in marks:
        out.append(f"{l} +{(t-prev)*1000:.0f}"); prev = t
    f.write(" | ".join(out) + "\n")
