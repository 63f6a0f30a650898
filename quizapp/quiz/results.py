"""What a finished (or abandoned) quiz run shows: score, counts, time, accuracy per topic, the answers to review."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlmodel import Session

from quizapp.db.models import Deck, Question, QuizRun, Review
from quizapp.quiz.scoring import Score, total


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One question of the run with what was answered."""

    question_id: str
    topic: str | None
    prompt: str
    expected: str
    response: str | None
    credit: float | None
    """None: not answered."""
    source_line: int | None
    source_text: str | None
    overridden: bool

    @property
    def right(self) -> bool:
        return self.credit is not None and self.credit >= 1


@dataclass(frozen=True, slots=True)
class TopicLine:
    topic: str
    right: int
    asked: int


@dataclass(frozen=True, slots=True)
class Results:
    run_id: int
    mode: str
    score: Score
    seconds: float
    finished: bool
    time_limit_s: int | None
    topics: list[TopicLine]
    answers: list[AnswerLine]

    @property
    def to_retry(self) -> list[str]:
        """The questions answered wrong or left unanswered: a retry asks these again."""
        return [line.question_id for line in self.answers if not line.right]


def results(session: Session, run_id: int, *, now: datetime | None = None) -> Results:
    """The run's results; for an unfinished run, as far as it went (time counted up to `now`)."""
    from quizapp.quiz.run import answer_credits, get_run, run_marking  # not needed by home's last_scores

    run = get_run(session, run_id)
    credits = answer_credits(session, run)
    responses = dict(
        session.execute(select(Review.question_id, Review.response).where(Review.quiz_run_id == run_id)).all()
    )
    overridden = set((run.settings or {}).get("overridden", []))
    answers = []
    by_topic: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for qid, credit in credits.items():
        question = session.get(Question, qid)
        if question is None:
            continue
        line = AnswerLine(
            qid,
            question.topic,
            question.prompt,
            question.answer,
            responses.get(qid),
            credit,
            question.source_line,
            question.source_text,
            qid in overridden,
        )
        answers.append(line)
        counts = by_topic[question.topic or "(no topic)"]
        counts[0] += line.right
        counts[1] += 1
    end = run.finished_at or now or run.started_at
    return Results(
        run_id=run_id,
        mode=run.mode,
        score=total(run_marking(run), credits.values()),
        seconds=max(0.0, (end - run.started_at).total_seconds()),
        finished=run.finished_at is not None,
        time_limit_s=run.time_limit_s,
        topics=[TopicLine(topic, right, asked) for topic, (right, asked) in by_topic.items()],
        answers=answers,
    )


@dataclass(frozen=True, slots=True)
class PastRun:
    run_id: int
    deck: str | None
    mode: str
    started_at: datetime
    percent: float | None
    """None for a run never finished."""
    questions: int

    @classmethod
    def of(cls, run: QuizRun | Row[Any], deck: str | None) -> PastRun:
        """From a run, or a row of its `_PAST_RUN_COLUMNS`."""
        percent = None
        if run.finished_at is not None:
            percent = 100.0 * (run.score or 0.0) / run.max_score if run.max_score else 0.0
        assert run.id is not None
        return cls(run.id, deck, run.mode, run.started_at, percent, run.question_count)


def recent_runs(session: Session, *, deck_id: int | None = None, limit: int = 5) -> list[PastRun]:
    """The latest runs, newest first: of one deck, or of every deck (then all-deck quizzes too)."""
    query = (
        select(QuizRun, Deck.name)
        .outerjoin(Deck, Deck.id == QuizRun.deck_id)
        .order_by(QuizRun.started_at.desc(), QuizRun.id.desc())
        .limit(limit)
    )
    if deck_id is not None:
        query = query.where(QuizRun.deck_id == deck_id)
    return [PastRun.of(run, deck) for run, deck in session.execute(query)]


def last_scores(session: Session) -> dict[int, PastRun]:
    """Per deck, its latest run (percent None when it was left unfinished): for the home screen."""
    # Deck by deck through the deck index: a deck has a few runs to order, where numbering every run of
    # every deck by recency sorts them all.
    newest = (
        select(QuizRun.id)
        .where(QuizRun.deck_id == Deck.id)
        .order_by(QuizRun.started_at.desc(), QuizRun.id.desc())
        .limit(1)
        .correlate(Deck)
        .scalar_subquery()
    )
    latest = select(newest).select_from(Deck)
    # Columns, not QuizRun objects: home reads one row per deck, and building a thousand ORM objects costs more
    # than the query. PastRun.of reads them by name all the same.
    columns = [getattr(QuizRun, name) for name in _PAST_RUN_COLUMNS]
    query = select(*columns, Deck.name).join(Deck, Deck.id == QuizRun.deck_id).where(QuizRun.id.in_(latest))
    return {row.deck_id: PastRun.of(row, row.name) for row in session.execute(query)}


_PAST_RUN_COLUMNS = ("id", "deck_id", "mode", "started_at", "finished_at", "score", "max_score", "question_count")
