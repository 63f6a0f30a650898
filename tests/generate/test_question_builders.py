"""Question builders on one sentence: wh-questions, list prompts and term cards."""

from __future__ import annotations

import pytest

from quizapp.generate.draft import SentenceContext
from quizapp.generate.facts import extract_facts
from quizapp.generate.lists import list_questions
from quizapp.generate.questions import fact_questions, one_idea
from quizapp.generate.repair import headline_passive
from quizapp.generate.terms import acronym_questions, definition_questions
from quizapp.generate.wh import when_question


def context(text: str) -> SentenceContext:
    facts = extract_facts(text)
    return SentenceContext(text=text, source=text, line=1, topic="Notes", facts=facts, pool=facts, block_text=text)


def fact_of(text: str, kind: str):  # type: ignore[no-untyped-def]
    [fact] = [f for f in extract_facts(text) if f.kind == kind]
    return fact


@pytest.mark.parametrize(
    ("text", "kind", "question"),
    [
        (
            "Ties grew, shown by the “Malabar 2019” held from September-October 2019 off the coast of Japan.",
            "period",
            "When was the “Malabar 2019” held?",
        ),
        (
            "They praised the mine-countermeasures exercise (MINEX) held in Japan in July 2019 and more.",
            "date",
            "When was the mine-countermeasures exercise (MINEX) held in Japan?",
        ),
        (
            "Asia-Africa Growth Corridor (AAGR) announced in 2017 and joint projects will be taken up.",
            "year",
            "In which year was the Asia-Africa Growth Corridor announced?",
        ),
        ("The Delhi Summit held on 4 May 2019 was a success.", "date", "When was the Delhi Summit held?"),
    ],
)
def test_a_name_and_the_event_that_dates_it(text: str, kind: str, question: str) -> None:
    assert when_question(text, fact_of(text, kind)) == question


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo held talks in 2019 with everyone.",  # one capitalised word: no name of an event
        "The plan was held up from 2019 by the courts.",
    ],
)
def test_no_when_question_without_a_named_event(text: str) -> None:
    fact = next(f for f in extract_facts(text) if f.tag == "date")
    assert when_question(text, fact) is None


def test_qualities_are_no_list_to_recite() -> None:
    """ "a safe, secure and stable maritime domain": adjectives of a communiqué, which teach no fact."""
    ctx = context("The plan is to create a safe, secure and stable maritime domain and more trade.")
    assert list_questions(ctx, fact_of(ctx.text, "list")) == []


def test_a_list_after_a_bare_preposition_asks_for_the_items_of_the_blank() -> None:
    ctx = context("Trade grew with help from banks, ports and railways.")
    [draft] = list_questions(ctx, fact_of(ctx.text, "list"))
    assert draft.prompt == "Name the 3 items that fill the blank: “Trade grew with ____.”"


def test_a_list_after_as_a_result_of_names_the_reasons() -> None:
    ctx = context("Exports fell as a result of language barriers, high quality and service standards.")
    [draft] = list_questions(ctx, fact_of(ctx.text, "list"))
    assert draft.prompt == "Name the 3 reasons mentioned: “Exports fell as a result of ____.”"


@pytest.mark.parametrize(
    ("text", "forward_type"),
    [
        ("Navies held a mine-countermeasures exercise (MINEX) in July.", "short"),
    ],
)
def test_acronyms_are_asked_forward_only(text: str, forward_type: str) -> None:
    """Expansion → acronym would ask the phrase's initials back: padding, so only the acronym is asked."""
    ctx = context(text)
    fact = fact_of(text, "acronym")
    [forward] = acronym_questions(ctx, fact)
    assert (forward.type, forward.prompt, forward.answer) == (
        forward_type,
        f"What does {fact.text} stand for?",
        fact.value[0],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Japan gave ODA (Official Development Assistance) to India.",
        "It follows the United Nations Convention on the Law of the Sea (UNCLOS).",
        "Some goods pay UTGST (Union Territory Goods and Services Tax) instead.",
    ],
)
def test_an_acronym_of_its_expansions_initials_is_not_asked(text: str) -> None:
    """ "ODA" is "Official Development Assistance" cut to its first letters: the expansion teaches nothing."""
    assert acronym_questions(context(text), fact_of(text, "acronym")) == []


def test_a_definition_with_a_list_of_members_still_has_its_card() -> None:
    ctx = context("The Quad is a strategic dialogue between India, United States, Japan and Australia.")
    [card] = definition_questions(ctx, fact_of(ctx.text, "definition"))
    assert (card.type, card.prompt) == ("flashcard", "What is meant by “Quad”?")
    assert card.answer == "A strategic dialogue between India, United States, Japan and Australia."
    assert len(list_questions(ctx, fact_of(ctx.text, "list"))) == 1  # and the list asks who its members are


@pytest.mark.parametrize(
    ("before", "question"),
    [
        (
            "The Ministers welcomed the recent Japan-India-Australia-US Foreign Ministerial consultations in New York",
            "When were the Japan-India-Australia-US Foreign Ministerial consultations held in New York?",
        ),
        ("Leaders met at the Tokyo Summit", "When was the Tokyo Summit held?"),
        ("They visited the Taj Mahal", None),  # no word for an event: nothing to say "held" of
    ],
)
def test_a_named_event_closing_the_words_before_its_date(before: str, question: str | None) -> None:
    text = f"{before} in September 2019."
    assert when_question(text, fact_of(text, "date")) == question


def test_dates_named_together_ask_when_the_event_was_held() -> None:
    ctx = context("Recalling the Japan-India-US Summit Meetings in November 2018 and June 2019, the Ministers met.")
    [draft] = list_questions(ctx, fact_of(ctx.text, "list"))
    assert (draft.prompt, draft.items) == (
        "When were the Japan-India-US Summit Meetings held?",
        ["November 2018", "June 2019"],
    )


def test_a_comparison_stated_the_other_way_round_is_false() -> None:
    ctx = context("India’s exports to Japan in FY18 were lower than in FY15 in value terms.")
    drafts = fact_questions(ctx)
    statements = {d.prompt: d.answer for d in drafts if d.type == "truefalse"}
    assert statements == {
        "India’s exports to Japan in FY18 were lower than in FY15 in value terms.": "True",
        "India’s exports to Japan in FY18 were higher than in FY15 in value terms.": "False",
    }
    [false] = [d for d in drafts if d.answer == "False"]
    assert false.explanation == "The notes say lower than, not higher than."


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        (
            "Asia-Africa Growth Corridor (AAGR) announced in 2017 and joint projects will be taken up.",
            "Asia-Africa Growth Corridor (AAGR) was announced in 2017 and joint projects will be taken up.",
        ),
        ("Paris Agreement signed in 2015 by many.", "Paris Agreement was signed in 2015 by many."),
        # A doer stays a doer; a sentence with its verb stays as it is.
        ("Reserve Bank announced in 2019 a new rate.", "Reserve Bank announced in 2019 a new rate."),
        ("The Paris Agreement was signed in 2015.", "The Paris Agreement was signed in 2015."),
    ],
)
def test_a_headline_note_gets_its_verb(text: str, repaired: str) -> None:
    assert headline_passive(text) == repaired
    if repaired != text:
        fact = next(f for f in extract_facts(repaired) if f.kind == "year")
        assert when_question(repaired, fact) == when_question(
            text, next(f for f in extract_facts(text) if f.kind == "year")
        )


def test_a_statement_to_judge_says_one_thing() -> None:
    """Two dates in one statement, or two sentences run together: which part is false, the student must guess."""
    two_dates = context("Babur won the battle of Khanwa in 1527 and the battle of Chanderi in 1528.")
    assert not [d for d in fact_questions(two_dates) if d.type == "truefalse"]
    assert one_idea("The Lok Sabha is the lower house.")
    assert not one_idea("The law defines force. force and mass are linked.")
    assert not one_idea(" ".join(["word"] * 26) + ".")


def test_a_label_is_no_term_to_define() -> None:
    text = "Examples are the San Andreas fault and the Alpine fault."
    ctx = context(text)
    facts = [f for f in ctx.facts if f.kind == "definition"]
    assert all(definition_questions(ctx, f) == [] for f in facts)
