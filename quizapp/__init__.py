"""quizapp: terminal exam prep from your own notes."""

__version__ = "0.1.0"
