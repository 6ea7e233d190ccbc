"""Heat-capture technologies: forced air, direct-to-chip cold plates, immersion."""
