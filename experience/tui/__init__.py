"""The player: a calm, full-screen Textual experience.

Nothing is imported here, so that `import experience.tui.app` costs only what the app needs and
commands that never open a screen never pay for Textual.
"""
