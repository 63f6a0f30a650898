"""Building a quiz: which questions, in which order, with MCQ choices shuffled anew at every attempt."""

from __future__ import annotations

import random
from collections.abc import Sequence

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question, Review
from quizapp.quiz.spec import QuizError, QuizSpec
from quizapp.srs.memory import recall_sql

QUIZ_TYPES = ("mcq", "truefalse", "cloze", "short", "list")
"""Flashcard questions (long definitions) are rated by the student, not typed, so quizzes leave them out."""


def topics(session: Session, deck_id: int | None) -> list[tuple[str, int]]:
    """The topics a quiz can be narrowed to, with how many quiz questions each has, in the order of the notes."""
    query = (
        select(Question.topic, func.count(), func.min(Question.position))
        .where(Question.active.is_(True), Question.type.in_(QUIZ_TYPES), Question.topic.is_not(None))
        .group_by(Question.topic)
        .order_by(func.min(Question.deck_id), func.min(Question.position))
    )
    if deck_id is not None:
        query = query.where(Question.deck_id == deck_id)
    return [(topic, count) for topic, count, _ in session.execute(query)]


def pick_questions(session: Session, spec: QuizSpec, *, now, seed: int | str) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of the quiz's questions in the order they are asked."""
    spec.check()
    if spec.question_ids:
        return list(spec.question_ids)
    query = (
        select(Question.id)
        .join(Card, Card.question_id == Question.id)
        .join(Deck, Deck.id == Question.deck_id)
        .where(Question.active.is_(True), Card.suspended.is_(False), Question.type.in_(QUIZ_TYPES))
    )
    if spec.deck_id is not None:
        query = query.where(Question.deck_id == spec.deck_id)
    if spec.topic is not None:
        query = query.where(Question.topic == spec.topic)
    in_notes = (Deck.name, Question.position)
    if spec.order == "random":
        ids = list(session.execute(query.order_by(*in_notes)).scalars())
        random.Random(str(seed)).shuffle(ids)
    elif spec.order == "new":
        ids = list(session.execute(query.where(Card.state == CardState.NEW).order_by(*in_notes)).scalars())
    elif spec.order == "due":
        never = case((Card.state == CardState.NEW, 1), else_=0)
        ids = list(session.execute(query.order_by(never, Card.due, *in_notes)).scalars())
    else:
        ids = _weakest(session, query, now, in_notes)
    if not ids:
        known = [name for name, _ in topics(session, spec.deck_id)]
        if spec.topic is not None and spec.topic not in known:
            raise QuizError(f"no topic “{spec.topic}” here; topics: {'; '.join(known) or 'none'}")
        raise QuizError(_nothing_to_ask(spec))
    return ids[: spec.count]


def _weakest(session: Session, query, now, in_notes: Sequence) -> list[str]:  # type: ignore[no-untyped-def]
    """Lowest accuracy first, counting (right + 1) / (answers + 2), so one wrong answer weighs less than three and a
    question never answered sits in the middle at 0.5; then the lowest chance of recall (never studied counts as 0)."""
    answers = (
        select(
            Review.question_id.label("qid"),
            func.count().label("answers"),
            func.sum(case((Review.correct.is_(True), 1), else_=0)).label("right"),
        )
        .where(Review.correct.is_not(None))
        .group_by(Review.question_id)
        .subquery()
    )
    accuracy = (func.coalesce(answers.c.right, 0) + 1.0) / (func.coalesce(answers.c.answers, 0) + 2.0)
    recall = recall_sql(session, now)
    order = [accuracy]
    if recall is not None:
        order.append(func.coalesce(case((Card.state != CardState.NEW, recall)), 0.0))
    weakest = query.outerjoin(answers, answers.c.qid == Question.id).order_by(*order, *in_notes)
    return list(session.execute(weakest).scalars())


def _nothing_to_ask(spec: QuizSpec) -> str:
    where = f"topic “{spec.topic}”" if spec.topic else "this deck" if spec.deck_id is not None else "any deck"
    if spec.order == "new":
        return f"No new questions left in {where}: every one has been studied. Try another order."
    return f"No questions to ask in {where} (suspended and flashcard-only questions are left out of quizzes)."


def shuffled_choices(choices: Sequence[str], rng: random.Random) -> list[str]:
    """The choices in a new order for this attempt, so the student learns answers, not positions."""
    shuffled = list(choices)
    rng.shuffle(shuffled)
    return shuffled
