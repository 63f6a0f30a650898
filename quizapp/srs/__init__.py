"""Spaced repetition: FSRS (through the `fsrs` package) and SM-2, per-deck settings, the daily queue, answers and undo."""
