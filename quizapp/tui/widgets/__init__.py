"""Widgets of quizapp's own."""
