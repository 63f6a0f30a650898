"""Every statistic of one deck or of all decks at one moment, and the same as one JSON object for scripts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from quizapp.db.parallel import alongside
from quizapp.srs.queue import DayWindow
from quizapp.stats.activity import Activity, Streak, activity, streak
from quizapp.stats.days import today_of
from quizapp.stats.forecast import DueDay, forecast
from quizapp.stats.overview import DeckOverview, deck_overview, with_recall
from quizapp.stats.readiness import Readiness, readiness
from quizapp.stats.retention import Retention, retention
from quizapp.stats.topics import QuizScore, TopicAccuracy, quiz_history, topic_accuracy, topic_count

PERIODS = (30, 90, 365)
"""The periods the answers per day are shown for."""


@dataclass(frozen=True, slots=True)
class Statistics:
    day: DayWindow
    deck_id: int | None
    """None for every deck together."""
    decks: list[DeckOverview]
    activity: Activity
    """Answers per day over `days` study days ending today."""
    streak: Streak
    retention: dict[int, Retention]
    forecast: list[DueDay]
    readiness: Readiness
    topics: list[TopicAccuracy]
    """The weakest topics first: all of them, or as many as were asked for (see `topic_count`)."""
    topic_count: int
    """How many topics have answers."""
    quizzes: list[QuizScore]


def statistics(
    session: Session, day: DayWindow, *, deck_id: int | None = None, days: int = 365, topics: int | None = None
) -> Statistics:
    """Everything the statistics screen and `quizapp stats` show; of the topics, the weakest `topics` (all when
    None): at a thousand decks there are tens of thousands, and a screen shows a dozen.

    The chance of recall of every studied card is the longest reading; on a database file it runs on a
    connection of its own beside the others (SQLite lets several readers work at once, each on a core).
    """
    overview = deck_overview(session, day, recall=False)
    chosen = [deck for deck in overview if deck_id is None or deck.deck_id == deck_id]
    with alongside(session, lambda other: with_recall(other, day, chosen)) as recalled:
        found = {
            "activity": activity(session, day, days=days, deck_id=deck_id),
            "streak": streak(session, day, deck_id=deck_id),
            "retention": retention(session, day, deck_id=deck_id),
            "forecast": forecast(session, day, deck_id=deck_id),
            "topics": topic_accuracy(session, deck_id=deck_id, limit=topics),
            "topic_count": topic_count(session, deck_id=deck_id),
            "quizzes": quiz_history(session, deck_id=deck_id, until=day.end),
        }
        decks = recalled.result()
    readiness_ = readiness(session, day, decks, deck_id=deck_id)
    return Statistics(day=day, deck_id=deck_id, decks=decks, readiness=readiness_, **found)


def _fraction(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def as_json(stats: Statistics, *, by_days: int = 30) -> dict[str, Any]:
    """The figures as `quizapp stats --json` prints them; dates are ISO strings, fractions 0–1 or null."""
    recall = stats.readiness.now
    exam = stats.readiness.exam
    month = stats.retention[30]
    return {
        "date": today_of(stats.day).isoformat(),
        "decks": [
            {
                "name": deck.name,
                "questions": deck.questions,
                "new": deck.new,
                "learning": deck.learning,
                "relearning": deck.relearning,
                "review": deck.review,
                "suspended": deck.suspended,
                "retired": deck.retired,
                "due_today": deck.due_today,
                "exam_date": deck.exam_date.isoformat() if deck.exam_date else None,
            }
            for deck in stats.decks
        ],
        "reviews": {
            "total": stats.activity.total,
            "today": stats.activity.today.count,
            "by_day": [
                {
                    "date": day.day.isoformat(),
                    "count": day.count,
                    "correct": day.correct,
                    "flashcard": day.flashcard,
                    "quiz": day.quiz,
                    "exam": day.exam,
                    "seconds": round(day.seconds, 1),
                }
                for day in stats.activity.last(by_days).days
            ],
        },
        "retention": {
            "young": _fraction(month.young.rate),
            "mature": _fraction(month.mature.rate),
            "all": _fraction(month.all.rate),
        },
        "streak": {"current": stats.streak.current, "longest": stats.streak.longest},
        "forecast": [{"date": due.day.isoformat(), "due": due.due} for due in stats.forecast],
        "readiness": {
            "mean_retrievability": _fraction(recall.mean if recall else None),
            "estimated_knowledge": round(recall.knowledge, 2) if recall else None,
            "unstudied_share": _fraction(stats.readiness.unstudied_share),
            "at_exam_date": _fraction(exam.recall.mean) if exam else None,
        },
        "topics": [
            {
                "deck": topic.deck,
                "topic": topic.topic,
                "answered": topic.answered,
                "correct": topic.correct,
                "accuracy": _fraction(topic.accuracy),
            }
            for topic in stats.topics
        ],
        "quizzes": [
            {
                "id": quiz.run_id,
                "deck": quiz.deck,
                "mode": quiz.mode,
                "started_at": quiz.started_at.isoformat(),
                "finished": quiz.finished,
                "score": quiz.score,
                "max_score": quiz.max_score,
                "correct": quiz.correct,
                "wrong": quiz.wrong,
                "unanswered": quiz.unanswered,
            }
            for quiz in stats.quizzes
        ],
    }
