"""Care and safety that belong to no screen: support lines, and what the care features share."""
