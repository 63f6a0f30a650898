"""Enumerations whose items hold their own "and", and names side by side without commas."""

from __future__ import annotations

from quizapp.generate.facts import extract_facts, find_enumerations, standalone_names


def _lists(text: str, known: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    return [f.value[1] for f in extract_facts(text, known) if f.kind == "list"]


def test_comma_groups_keep_their_inner_and_and_only_the_last_group_splits() -> None:
    text = (
        "The importance of freedom of navigation and overflight, unimpeded lawful commerce and peaceful resolution "
        "of disputes with full respect for legal and diplomatic processes, including those of the Convention."
    )
    assert _lists(text) == [
        ("freedom of navigation and overflight", "unimpeded lawful commerce", "peaceful resolution of disputes")
    ]


def test_comma_groups_after_an_announcing_word() -> None:
    text = "The plan covers areas such as research and development, public health and clean energy."
    assert _lists(text) == [("research and development", "public health", "clean energy")]


def test_a_group_whose_and_comes_before_a_preposition_is_not_an_item() -> None:
    text = "Enhancing communication and connectivity for unimpeded trade and flow of people, technology and ideas."
    assert _lists(text) == [("people", "technology", "ideas")]


def test_clauses_joined_by_and_are_not_items() -> None:
    assert _lists("We met them and they left, the rain came and it was cold.") == []
    assert _lists("The cell grows and divides, mitosis follows and the cycle ends.") == []


def test_standalone_names_are_single_capitalised_words_never_written_in_lower_case() -> None:
    names = standalone_names(["India and Japan met.", "USA joined.", "The Bank of Japan.", "the plan"])
    assert {"India", "Japan", "USA"} <= names
    assert "Bank" not in names and "The" not in names


def test_names_side_by_side_split_when_each_stands_alone_elsewhere() -> None:
    sentences = [
        "India and Japan signed a pact.",
        "Japan ranks 12th.",
        "Malabar exercise has been carried by India Japan and USA on a continuous basis.",
    ]
    known = standalone_names(sentences)
    [fact] = [f for f in find_enumerations(sentences[2], known)]
    assert fact.value[1] == ("India", "Japan", "USA")
    assert fact.text == "India Japan and USA"


def test_names_side_by_side_stay_whole_when_one_is_not_known() -> None:
    known = standalone_names(["Tata met officials.", "Mitsubishi grew."])
    assert _lists("The deal was signed by Tata Sons and Mitsubishi in Tokyo.", known) == []
    assert _lists("It was carried by India Japan and USA.") == []  # no names known without the document
