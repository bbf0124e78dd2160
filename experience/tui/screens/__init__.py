"""One module per screen. Screens draw what the session says and ask it to move; nothing else."""
