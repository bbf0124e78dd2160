"""Coming Home to Yourself: a guided reflection experience for the terminal."""

__version__ = "0.1.0"
