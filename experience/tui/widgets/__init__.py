"""Reusable pieces of the player's screens. Each talks to its screen through messages only."""
