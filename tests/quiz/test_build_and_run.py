"""Building quizzes in every order, and a run's life: answers committed as given, exam changes, override, results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from quizapp.db.models import Card, CardState, Deck, QuizRun, Review
from quizapp.quiz.build import QuizError, QuizSpec, pick_questions, topics
from quizapp.quiz.grading import grade
from quizapp.quiz.results import last_scores, recent_runs, results
from quizapp.quiz.run import finish_run, override_answer, record_answer, run_items, start_run
from quizapp.quiz.scoring import Marking
from quizapp.srs.review import answer_card, set_suspended

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
QUIZ_IDS = ["q-1", "q-2", "q-3", "q-4", "q-5"]  # q-6 is a flashcard: not in quizzes


def deck(session: Session) -> int:
    return session.exec(select(Deck.id)).one()


def test_random_order_is_seeded_and_leaves_out_flashcards_and_suspended(session: Session) -> None:
    spec = QuizSpec(count=10)
    first = pick_questions(session, spec, now=NOW, seed=1)
    assert sorted(first) == QUIZ_IDS
    assert pick_questions(session, spec, now=NOW, seed=1) == first
    assert any(pick_questions(session, spec, now=NOW, seed=s) != first for s in range(2, 6))
    set_suspended(session, "q-3")
    assert "q-3" not in pick_questions(session, spec, now=NOW, seed=1)


def test_count_and_topic_narrow_the_quiz(session: Session) -> None:
    assert topics(session, deck(session)) == [("Dates", 2), ("Money", 3)]
    assert len(pick_questions(session, QuizSpec(count=2), now=NOW, seed=0)) == 2
    money = pick_questions(session, QuizSpec(topic="Money", order="new"), now=NOW, seed=0)
    assert money == ["q-3", "q-4", "q-5"]
    with pytest.raises(QuizError, match="no topic “History” here; topics: Dates; Money"):
        pick_questions(session, QuizSpec(topic="History"), now=NOW, seed=0)


def test_new_only_and_due_first_orders(session: Session) -> None:
    for minutes in (0, 1, 11):
        answer_card(session, question_id="q-4", rating=3, now=NOW - timedelta(days=20) + timedelta(minutes=minutes))
    for minutes in (0, 1, 11):
        answer_card(session, question_id="q-2", rating=3, now=NOW - timedelta(days=10) + timedelta(minutes=minutes))
    assert pick_questions(session, QuizSpec(order="new"), now=NOW, seed=0) == ["q-1", "q-3", "q-5"]
    due = pick_questions(session, QuizSpec(order="due"), now=NOW, seed=0)
    assert due[:2] == ["q-4", "q-2"]  # the one due longest ago first, then new ones in the order of the notes
    assert due[2:] == ["q-1", "q-3", "q-5"]


def test_weakest_first_is_lowest_accuracy_then_lowest_recall(session: Session) -> None:
    record = [("q-3", False), ("q-3", False), ("q-1", False), ("q-1", True), ("q-5", True)]
    for offset, (qid, right) in enumerate(record):
        answer_card(session, question_id=qid, rating=3 if right else 1, now=NOW + timedelta(minutes=offset))
    order = pick_questions(session, QuizSpec(order="weakest"), now=NOW + timedelta(hours=1), seed=0)
    # q-3 0 of 2 (0.25) · q-2, q-4 never answered (0.5, unstudied so lowest recall, then notes order) · q-1 1 of 2
    # (0.5, but studied: higher recall) · q-5 1 of 1 (0.67)
    assert order == ["q-3", "q-2", "q-4", "q-1", "q-5"]


def test_bad_specs_are_refused_in_words() -> None:
    for spec, message in [
        (QuizSpec(order="hardest"), "order must be one of"),
        (QuizSpec(mode="test"), "practice or exam"),
        (QuizSpec(count=0), "1 to 500"),
        (QuizSpec(marking=Marking(0, -1)), "must earn marks"),
    ]:
        with pytest.raises(ValueError, match=message):
            spec.check()


def answer(session: Session, run_id: int, qid: str, response: str, at: datetime):  # type: ignore[no-untyped-def]
    question = next(item.question for item in run_items(session, run_id) if item.question.id == qid)
    return record_answer(
        session, run_id, qid, response=response, grade=grade(question, response), now=at, duration_ms=4000
    )


def test_an_exam_run_commits_each_answer_and_scores_with_negative_marking(session: Session) -> None:
    spec = QuizSpec(mode="exam", order="new")
    ids = pick_questions(session, spec, now=NOW, seed=7)
    run_id = start_run(session, spec, ids, now=NOW, seed=7)
    items = run_items(session, run_id)
    assert [item.question.id for item in items] == QUIZ_IDS
    assert sorted(items[0].choices) == sorted(items[0].question.choices)  # shuffled, the same four
    run = session.get(QuizRun, run_id)
    assert (run.mode, run.time_limit_s, run.finished_at) == ("exam", 5 * 72, None)  # unfinished until submitted

    answer(session, run_id, "q-1", "15 August 1947", NOW + timedelta(seconds=10))  # wrong
    answer(session, run_id, "q-2", "t", NOW + timedelta(seconds=20))
    answer(session, run_id, "q-3", "US$ 90 billion", NOW + timedelta(seconds=30))
    answer(session, run_id, "q-5", "australia, india", NOW + timedelta(seconds=40))  # 2 of 3
    answer(session, run_id, "q-1", "28 April 1952", NOW + timedelta(seconds=50))  # changed before submitting
    # q-4 is left unanswered.
    reviews = session.exec(select(Review).where(Review.quiz_run_id == run_id).order_by(Review.id)).all()
    assert [(r.question_id, r.correct, r.mode, r.rating) for r in reviews] == [
        ("q-2", True, "exam", 3),
        ("q-3", True, "exam", 3),
        ("q-5", False, "exam", 1),
        ("q-1", True, "exam", 3),
    ]
    assert reviews[2].credit == pytest.approx(2 / 3) and reviews[2].response == "australia, india"
    assert session.get(Card, "q-4").state == CardState.NEW  # unanswered: the card is left alone
    assert session.get(Card, "q-1").reps == 1  # the changed answer moved the card once

    score = finish_run(session, run_id, now=NOW + timedelta(minutes=2))
    assert (score.correct, score.wrong, score.unanswered) == (3, 1, 1)
    assert score.score == pytest.approx(3 * 2 + 1.33)
    assert score.maximum == 10
    run = session.get(QuizRun, run_id)
    assert run.finished_at is not None and run.score == pytest.approx(7.33)
    with pytest.raises(QuizError, match="finished"):
        answer(session, run_id, "q-4", "ODA", NOW + timedelta(minutes=3))

    shown = results(session, run_id)
    assert shown.seconds == 120 and shown.finished
    assert [(t.topic, t.right, t.asked) for t in shown.topics] == [("Dates", 2, 2), ("Money", 1, 3)]
    assert shown.to_retry == ["q-4", "q-5"]
    [past] = recent_runs(session)
    assert past.percent == pytest.approx(73.3) and past.mode == "exam"
    assert last_scores(session) == {}  # an all-decks quiz belongs to no deck


def test_i_was_right_turns_a_wrong_answer_right_and_moves_the_card_as_good(session: Session) -> None:
    spec = QuizSpec(deck_id=deck(session), order="new", count=3)
    run_id = start_run(session, spec, pick_questions(session, spec, now=NOW, seed=0), now=NOW, seed=0)
    answer(session, run_id, "q-3", "ninety billion dollars", NOW)
    assert session.get(Card, "q-3").lapses == 0 and session.get(Card, "q-3").state == CardState.LEARNING
    assert last_scores(session)[deck(session)].percent is None  # started, not finished
    override_answer(session, run_id, "q-3")
    [review] = session.exec(select(Review).where(Review.question_id == "q-3")).all()
    assert (review.correct, review.credit, review.rating, review.response) == (True, 1.0, 3, "ninety billion dollars")
    finish_run(session, run_id, now=NOW + timedelta(minutes=1))
    [line] = [a for a in results(session, run_id).answers if a.question_id == "q-3"]
    assert line.right and line.overridden
    assert last_scores(session)[deck(session)].percent == pytest.approx(100 / 3)


def test_a_retry_asks_exactly_the_given_questions(session: Session) -> None:
    spec = QuizSpec(question_ids=("q-5", "q-4"), count=2)
    assert pick_questions(session, spec, now=NOW, seed=0) == ["q-5", "q-4"]


def test_last_scores_take_each_decks_latest_run(session: Session) -> None:
    """The latest start wins; two runs started at the same moment go by the later one written."""
    home = deck(session)
    other = Deck(name="Other", bank_file="other.yaml", created_at=NOW, updated_at=NOW)
    session.add(other)
    session.flush()

    def run(deck_id: int | None, started: datetime, score: float | None) -> None:
        finished = None if score is None else started + timedelta(minutes=5)
        session.add(
            QuizRun(
                deck_id=deck_id,
                mode="practice",
                question_count=4,
                started_at=started,
                finished_at=finished,
                score=score,
                max_score=4.0,
            )
        )

    run(home, NOW - timedelta(days=2), 4.0)
    run(home, NOW - timedelta(hours=1), 1.0)
    run(home, NOW - timedelta(days=1), 3.0)  # written later, started earlier
    run(other.id, NOW, 2.0)
    run(other.id, NOW, None)  # the same start: this one was written after, and is unfinished
    run(None, NOW + timedelta(hours=1), 4.0)  # every deck: no deck's score
    session.commit()
    found = last_scores(session)
    assert set(found) == {home, other.id}
    assert found[home].percent == pytest.approx(25.0)
    assert found[other.id].percent is None
