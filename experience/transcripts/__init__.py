"""Pinned play-throughs: a transcript of `play --plain` (what was typed, what the story showed)
that can be replayed against the story, so an author keeps its behaviour under test in CI.

`transcript.py` is the file format; `tape.py` records one sitting of the plain player;
`replay.py` plays a transcript's inputs again and says what changed.
"""
