"""Workshops: the facilitator's tools (run-sheet, console, room pacing) and serving participants."""
