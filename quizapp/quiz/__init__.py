"""Quizzes: grading typed and chosen answers (building quizzes and scoring come later)."""
