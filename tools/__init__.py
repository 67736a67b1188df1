"""Developer tools that produce files the project commits (they are not part of the app)."""
