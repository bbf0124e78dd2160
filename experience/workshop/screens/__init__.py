"""Screens of the workshop: the participant's join, arrival, waiting and farewell, and the
facilitator's console, confirmation and projector view."""
