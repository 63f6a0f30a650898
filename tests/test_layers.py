"""The core packages never import Textual: only quizapp.tui may."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "quizapp.bank",
        "quizapp.db",
        "quizapp.stats.overview",
        "quizapp.paths",
        "quizapp.cli",
        "quizapp.documents",
        "quizapp.generate.pipeline",
        "quizapp.srs.queue",
        "quizapp.srs.review",
        "quizapp.srs.browse",
        "quizapp.quiz.grading",
        "quizapp.quiz.build",
        "quizapp.quiz.run",
        "quizapp.quiz.results",
    ],
)
def test_module_does_not_pull_in_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False"
