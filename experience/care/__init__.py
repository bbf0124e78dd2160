"""Care and safety that belong to no screen, shared by both ways of playing.

`support` reads the support lines; `words` holds what the program says about care (what this
is and is not, the goodbye, the check-in's answers); `grounding` the breath and the senses;
`pacing` the sitting's clock for the break suggestion; `settings` the reader's own settings.
Nothing here imports Textual, so `--plain` can use all of it.
"""
