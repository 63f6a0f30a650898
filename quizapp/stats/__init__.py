"""Figures about decks and study history, computed in SQL."""
