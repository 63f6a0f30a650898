"""Every statistic on a known history at a fixed clock (see conftest.py for the answers and cards)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fsrs import Scheduler
from sqlmodel import Session
from stats_history import CARDS, EXAM_DATE, IST, NOW, History, ist  # type: ignore[import-not-found]

from quizapp.quiz.results import last_scores
from quizapp.srs.counts import queue_counts
from quizapp.stats.activity import Streak, activity, streak, streak_of
from quizapp.stats.forecast import forecast
from quizapp.stats.overview import deck_overview, home_figures, today
from quizapp.stats.readiness import ExamDateError, parse_exam_date, readiness, recall_by_deck, save_exam_date
from quizapp.stats.retention import retention
from quizapp.stats.topics import NO_TOPIC, quiz_history, topic_accuracy, topic_count

TODAY = date(2026, 11, 24)


def by_day(found: list, attribute: str) -> dict[date, int]:  # type: ignore[type-arg]
    return {entry.day: getattr(entry, attribute) for entry in found if getattr(entry, attribute)}


def test_answers_per_day_are_split_by_kind_and_placed_on_study_days(session: Session, history: History) -> None:
    done = activity(session, history.day, days=30)
    assert [d.day for d in (done.days[0], done.days[-1])] == [date(2026, 10, 26), TODAY]
    assert len(done.days) == 30
    assert by_day(done.days, "count") == {
        TODAY: 3,
        date(2026, 11, 23): 1,  # answered at 3 a.m. on the 24th
        date(2026, 11, 22): 1,
        date(2026, 11, 20): 2,
        date(2026, 11, 10): 1,
    }
    today = done.today
    assert (today.flashcard, today.quiz, today.exam, today.correct, today.seconds) == (2, 1, 0, 2, 30.0)
    assert by_day(done.days, "exam") == {date(2026, 11, 20): 1}
    assert (done.total, done.answers, done.active_days) == (13, 8, 5)
    assert activity(session, history.day, days=365).answers == 12  # 1 Nov 2025 is outside the year
    alpha = activity(session, history.day, days=30, deck_id=history.alpha)
    assert (alpha.total, alpha.answers) == (11, 7)


def test_streaks_count_study_days_with_a_break_ending_a_run(session: Session, history: History) -> None:
    assert streak(session, history.day) == Streak(3, 4)  # 22–24 Nov now; 1–4 June the longest
    assert streak(session, history.day, deck_id=history.alpha) == Streak(2, 4)
    assert streak(session, history.day, deck_id=history.beta) == Streak(0, 1)


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], TODAY, (0, 0)),
        ([TODAY - timedelta(days=1)], TODAY, (1, 1)),  # today is still open
        ([TODAY - timedelta(days=2)], TODAY, (0, 1)),
        ([TODAY - timedelta(days=n) for n in (5, 4, 3, 1, 0)], TODAY, (2, 3)),
    ],
)
def test_streak_of_sorted_days(days: list[date], today: date, expected: tuple[int, int]) -> None:
    assert streak_of(sorted(days), today) == Streak(*expected)


def test_true_retention_takes_each_cards_first_answer_of_the_day_in_review(session: Session, history: History) -> None:
    found = retention(session, history.day)
    week, month, year = found[7], found[30], found[365]
    assert (week.young.passed, week.young.total, week.mature.passed, week.mature.total) == (1, 2, 1, 1)
    assert (month.young.passed, month.young.total, month.mature.passed, month.mature.total) == (1, 2, 2, 2)
    assert month.all.rate == pytest.approx(3 / 4)
    assert (year.young.passed, year.young.total, year.mature.passed, year.mature.total) == (2, 4, 2, 2)
    beta = retention(session, history.day, deck_id=history.beta)
    assert beta[365].all.rate is None and beta[365].all.total == 0


def test_the_forecast_counts_studied_cards_due_each_day_and_overdue_ones_today(
    session: Session, history: History
) -> None:
    days = forecast(session, history.day)
    assert len(days) == 30 and days[0].day == TODAY and days[-1].day == date(2026, 12, 23)
    assert by_day(days, "due") == {TODAY: 3, date(2026, 11, 25): 1, date(2026, 11, 26): 1, date(2026, 12, 23): 1}
    assert by_day(forecast(session, history.day, deck_id=history.beta), "due") == {date(2026, 12, 23): 1}


def test_cards_are_counted_by_state(session: Session, history: History) -> None:
    decks = {deck.name: deck for deck in deck_overview(session, history.day)}
    alpha, beta = decks["Alpha"], decks["Beta"]
    counts = ("questions", "new", "learning", "relearning", "review", "suspended", "retired")
    assert tuple(getattr(alpha, c) for c in counts) == (6, 1, 1, 1, 3, 0, 0)
    assert tuple(getattr(beta, c) for c in counts) == (3, 0, 0, 0, 2, 1, 1)
    assert (alpha.exam_date, alpha.days_left(history.day), beta.exam_date) == (EXAM_DATE, 30, None)
    # Reviews due today (a-1, a-2), the learning card due in ten minutes, and the one new card.
    assert (alpha.due_today, beta.due_today) == (4, 0)


def fsrs_recall(moment: datetime, questions: set[str]) -> list[float]:
    """The package's forgetting curve, with fractional days as the SQL uses them."""
    scheduler = Scheduler()
    recall = []
    for question_id, _state, _due, stability, last, _suspended in CARDS:
        if question_id in questions:
            days = (moment - last).total_seconds() / 86400
            recall.append((1 + scheduler._FACTOR * days / stability) ** scheduler._DECAY)
    return recall


def test_readiness_now_and_projected_to_the_exam_day(session: Session, history: History) -> None:
    everything = readiness(session, history.day, deck_overview(session, history.day))
    studied = {"a-1", "a-2", "a-3", "a-4", "a-5", "b-1", "b-2", "b-3"}  # b-3 is suspended but still known
    expected = fsrs_recall(NOW, studied)
    assert everything.now is not None and everything.now.studied == 8
    assert everything.now.knowledge == pytest.approx(sum(expected), abs=1e-6)
    assert everything.now.mean == pytest.approx(sum(expected) / 8, abs=1e-6)
    assert (everything.questions, everything.unstudied) == (9, 1)
    assert everything.unstudied_share == pytest.approx(1 / 9)
    # Only Alpha has an exam: its cards are projected to 4 a.m. on the exam day.
    assert everything.exam is not None
    assert (everything.exam.exam_date, everything.exam.days_left, everything.exam.recall.studied) == (EXAM_DATE, 30, 5)
    on_exam = fsrs_recall(ist(2026, 12, 24, 4), {"a-1", "a-2", "a-3", "a-4", "a-5"})
    assert everything.exam.recall.mean == pytest.approx(sum(on_exam) / 5, abs=1e-6)
    assert everything.exam.recall.mean < sum(fsrs_recall(NOW, {"a-1", "a-2", "a-3", "a-4", "a-5"})) / 5
    alpha = readiness(session, history.day, deck_overview(session, history.day), deck_id=history.alpha)
    assert alpha.unstudied_share == pytest.approx(1 / 6)
    overview = {deck.name: deck for deck in deck_overview(session, history.day)}
    assert overview["Alpha"].exam_readiness == pytest.approx(alpha.exam.recall.mean if alpha.exam else -1)
    beta = readiness(session, history.day, deck_overview(session, history.day), deck_id=history.beta)
    assert beta.exam is None and beta.unstudied_share == 0


def test_two_exam_dates_each_project_their_own_deck(session: Session, history: History) -> None:
    """Each deck's cards are projected to its own exam day, read in the same pass as the recall now."""
    beta_exam = EXAM_DATE + timedelta(days=60)
    save_exam_date(session, history.beta, beta_exam, NOW)
    overview = {deck.name: deck for deck in deck_overview(session, history.day)}
    alpha_cards, beta_cards = {"a-1", "a-2", "a-3", "a-4", "a-5"}, {"b-1", "b-2", "b-3"}
    on_alpha_exam = fsrs_recall(ist(2026, 12, 24, 4), alpha_cards)
    on_beta_exam = fsrs_recall(ist(2027, 2, 22, 4), beta_cards)
    assert overview["Alpha"].exam_readiness == pytest.approx(sum(on_alpha_exam) / 5, abs=1e-6)
    assert overview["Beta"].exam_readiness == pytest.approx(sum(on_beta_exam) / 3, abs=1e-6)
    assert overview["Beta"].readiness == pytest.approx(sum(fsrs_recall(NOW, beta_cards)) / 3, abs=1e-6)
    everything = readiness(session, history.day, list(overview.values()))
    assert everything.exam is not None and everything.exam.exam_date == EXAM_DATE  # the nearest exam dates it
    assert everything.exam.recall.knowledge == pytest.approx(sum(on_alpha_exam) + sum(on_beta_exam), abs=1e-6)


def test_recall_of_many_listed_decks_keeps_only_those(session: Session, history: History) -> None:
    """Past 20 decks the query reads every deck and drops the rest: the same figures as naming them."""
    many = [history.alpha, *range(10_000, 10_030)]  # decks that do not exist pad the list
    named = recall_by_deck(session, NOW, [history.alpha])
    assert named is not None and set(named[0]) == {history.alpha}
    assert recall_by_deck(session, NOW, many) == named
    everything = recall_by_deck(session, NOW)
    assert everything is not None and set(everything[0]) == {history.alpha, history.beta}


def test_topics_counted_from_the_answers_equal_the_tally(
    session: Session, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Databases without the tally triggers (not SQLite) count topics from the answers: the same figures."""

    def read() -> tuple[object, ...]:
        return (
            topic_accuracy(session),
            topic_accuracy(session, limit=2),
            topic_accuracy(session, deck_id=history.alpha, limit=1),
            topic_count(session),
            topic_count(session, deck_id=history.beta),
        )

    tallied = read()
    monkeypatch.setattr("quizapp.db.tallies.kept", lambda session: False)
    assert read() == tallied and tallied[3] == 4


def test_topics_weakest_first_and_the_quiz_history(session: Session, history: History) -> None:
    topics = [(t.deck, t.topic, t.answered, t.correct) for t in topic_accuracy(session)]
    assert topics == [
        ("Alpha", "Trade", 4, 1),
        ("Alpha", "Origins", 4, 2),  # ties on accuracy: the more answered first
        ("Beta", NO_TOPIC, 2, 1),
        ("Alpha", "Defence", 3, 3),
    ]
    assert [t.topic for t in topic_accuracy(session, deck_id=history.beta)] == [NO_TOPIC]
    # The screen reads the weakest few and how many there are, not every topic.
    assert [t.topic for t in topic_accuracy(session, limit=2)] == ["Trade", "Origins"]
    assert topic_count(session) == 4 and topic_count(session, deck_id=history.alpha) == 3
    quizzes = quiz_history(session)
    assert [(q.deck, q.mode, q.finished) for q in quizzes] == [("Alpha", "practice", True), (None, "exam", False)]
    assert quizzes[0].percent == pytest.approx(3.34 / 6 * 100) and quizzes[1].percent is None
    assert [q.mode for q in quiz_history(session, deck_id=history.alpha)] == ["practice"]


def test_an_exam_date_is_typed_as_an_iso_date_and_never_in_the_past(session: Session, history: History) -> None:
    assert parse_exam_date(" 2027-05-23 ", TODAY) == date(2027, 5, 23)
    assert parse_exam_date("none", TODAY) is None and parse_exam_date("", TODAY) is None
    with pytest.raises(ExamDateError, match="YYYY-MM-DD"):
        parse_exam_date("23/05/2027", TODAY)
    with pytest.raises(ExamDateError, match="not a day of the calendar"):
        parse_exam_date("2027-02-29", TODAY)
    with pytest.raises(ExamDateError, match="already past"):
        parse_exam_date("2026-11-23", TODAY)
    save_exam_date(session, history.beta, date(2027, 1, 1), NOW)
    assert readiness(session, history.day, deck_overview(session, history.day), deck_id=history.beta).exam is not None
    assert IST.utcoffset(None) == timedelta(hours=5, minutes=30)


def test_home_figures_read_beside_each_other_equal_each_read_alone(session: Session, history: History) -> None:
    figures = home_figures(session, history.day)
    assert figures.decks == deck_overview(session, history.day, recall=False)
    assert figures.today == today(session, history.day)
    assert figures.quizzes == last_scores(session) and figures.quizzes
    assert [deck.due_today for deck in figures.decks] == [
        queue_counts(session, history.day)[deck.deck_id].total for deck in figures.decks
    ]
