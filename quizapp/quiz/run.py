"""A quiz run in the database: started, answered question by question (each answer committed at once), finished."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from quizapp.db.models import Question, QuizRun, Review
from quizapp.quiz.build import QuizError, QuizSpec, pick_questions, shuffled_choices
from quizapp.quiz.grading import Grade, acronym_map
from quizapp.quiz.scoring import Marking, Score, total
from quizapp.srs.review import Answered, answer_card, undo_review
from quizapp.srs.schedulers import AGAIN, GOOD


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question of a run as it is asked: MCQ choices in this attempt's order."""

    question: Question
    choices: tuple[str, ...]


def start_run(session: Session, spec: QuizSpec, question_ids: list[str], *, now: datetime, seed: int | str) -> int:
    """Write the QuizRun (the questions and each MCQ's shuffled choices included) and commit; returns its id."""
    spec.check()
    rng = random.Random(f"{seed}:choices")
    choices = {}
    for qid in question_ids:
        question = session.get(Question, qid)
        if question is None:
            raise QuizError(f"no question {qid}")
        if question.type == "mcq" and question.choices:
            choices[qid] = shuffled_choices(question.choices, rng)
    run = QuizRun(
        deck_id=spec.deck_id,
        topic=spec.topic,
        mode=spec.mode,
        question_order=spec.order if not spec.question_ids else "retry",
        question_count=len(question_ids),
        time_limit_s=spec.seconds_per_question * len(question_ids) if spec.mode == "exam" else None,
        mark_correct=spec.marking.correct,
        mark_wrong=spec.marking.wrong,
        mark_unanswered=spec.marking.unanswered,
        settings={"questions": question_ids, "choices": choices, "overridden": []},
        started_at=now,
    )
    session.add(run)
    session.commit()
    assert run.id is not None
    return run.id


def start_quiz(session: Session, spec: QuizSpec, *, now: datetime, seed: int | str) -> int:
    """Pick the spec's questions and start a run of them; QuizError when there is nothing to ask."""
    return start_run(session, spec, pick_questions(session, spec, now=now, seed=seed), now=now, seed=seed)


def get_run(session: Session, run_id: int) -> QuizRun:
    run = session.get(QuizRun, run_id)
    if run is None:
        raise QuizError(f"no quiz run {run_id}")
    return run


def run_items(session: Session, run_id: int) -> list[QuizItem]:
    """The run's questions in the order they are asked."""
    settings = get_run(session, run_id).settings or {}
    items = []
    for qid in settings.get("questions", []):
        question = session.get(Question, qid)
        if question is not None:
            items.append(QuizItem(question, tuple(settings.get("choices", {}).get(qid) or question.choices or ())))
    return items


def _answer_in_run(session: Session, run_id: int, question_id: str) -> Review | None:
    return session.execute(
        select(Review).where(Review.quiz_run_id == run_id, Review.question_id == question_id).order_by(Review.id.desc())
    ).scalar()


def _save(
    session: Session,
    run: QuizRun,
    question_id: str,
    *,
    response: str | None,
    correct: bool,
    credit: float,
    now: datetime,
    duration_ms: int | None,
) -> Answered:
    """Replace the run's earlier answer to the question, if any, and answer the card: right = Good, wrong = Again."""
    earlier = _answer_in_run(session, run.id, question_id)  # type: ignore[arg-type]
    if earlier is not None and earlier.id is not None:
        undo_review(session, earlier.id)
    return answer_card(
        session,
        question_id=question_id,
        rating=GOOD if correct else AGAIN,
        now=now,
        duration_ms=duration_ms,
        mode=run.mode,
        response=response,
        correct=correct,
        credit=credit,
        quiz_run_id=run.id,
    )


def record_answer(
    session: Session,
    run_id: int,
    question_id: str,
    *,
    response: str,
    grade: Grade,
    now: datetime,
    duration_ms: int | None = None,
) -> Answered:
    """Save one answer as a Review of the run and move the card on (right = Good, wrong = Again); commits.

    An exam lets the student change an answer before submitting: the earlier one is taken back first, so a
    question has one answer per run and the card moves on once.
    """
    run = get_run(session, run_id)
    if run.finished_at is not None:
        raise QuizError("this quiz is finished; its answers can no longer change")
    return _save(
        session,
        run,
        question_id,
        response=response,
        correct=grade.correct,
        credit=grade.credit,
        now=now,
        duration_ms=duration_ms,
    )


def override_answer(session: Session, run_id: int, question_id: str) -> Answered:
    """ "I was right": the answer counts as right, and the card is moved on as if it had been marked so."""
    earlier = _answer_in_run(session, run_id, question_id)
    if earlier is None:
        raise QuizError("there is no answer to this question to mark right")
    run = get_run(session, run_id)
    answered = _save(
        session,
        run,
        question_id,
        response=earlier.response,
        correct=True,
        credit=1.0,
        now=earlier.reviewed_at,  # as if it had been marked right when it was given
        duration_ms=earlier.duration_ms,
    )
    settings = dict(run.settings or {})
    settings["overridden"] = [*settings.get("overridden", []), question_id]
    run.settings = settings
    session.add(run)
    session.commit()
    return answered


def answer_credits(session: Session, run: QuizRun) -> dict[str, float | None]:
    """Each question's credit in the run: None where it was not answered."""
    questions = (run.settings or {}).get("questions", [])
    answers = session.execute(
        select(Review.question_id, Review.credit, Review.correct).where(Review.quiz_run_id == run.id)
    ).all()
    given = {qid: (credit if credit is not None else float(bool(correct))) for qid, credit, correct in answers}
    return {qid: given.get(qid) for qid in questions}


def finish_run(session: Session, run_id: int, *, now: datetime) -> Score:
    """Mark the run finished and store its score; finishing again changes nothing."""
    run = get_run(session, run_id)
    score = total(run_marking(run), answer_credits(session, run).values())
    if run.finished_at is None:
        run.finished_at = now
        run.score, run.max_score = score.score, score.maximum
        run.correct, run.wrong, run.unanswered = score.correct, score.wrong, score.unanswered
        session.add(run)
        session.commit()
    return score


def run_marking(run: QuizRun) -> Marking:
    return Marking(run.mark_correct, run.mark_wrong, run.mark_unanswered)


def deck_acronyms(session: Session, deck_id: int | None) -> dict[str, str]:
    """The acronyms the deck's notes spell out, "Long Form (ACRO)", so a typed ODA counts for its expansion."""
    query = select(Question.source_text).where(Question.source_text.is_not(None))
    if deck_id is not None:
        query = query.where(Question.deck_id == deck_id)
    return acronym_map(session.execute(query).scalars())
