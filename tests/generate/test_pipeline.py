"""The Document → Bank pipeline on the bundled notes: determinism, stable ids, the committed bank, the bar."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from quizapp.bank import Bank, BankQuestion, dump_bank
from quizapp.documents import parse_markdown, parse_text
from quizapp.generate.distractors import normalise
from quizapp.generate.facts import extract_facts
from quizapp.generate.pipeline import bank_for_file, generate_bank

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "question_bank" / "sources" / "india-japan-relations.txt"
COMMITTED = ROOT / "question_bank" / "india-japan-relations.yaml"
DECK = "India–Japan Relations"

Check = Callable[[Bank, Sequence[str]], None]


def generate(text: str) -> Bank:
    bank, _ = generate_bank(parse_text(text, path=NOTES), deck=DECK, source="sources/india-japan-relations.txt")
    return bank


def edited(text: str, line: int, old: str, new: str) -> str:
    """The notes with `old` replaced by `new` on one line; the line count stays."""
    lines = text.split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    result = "\n".join(lines)
    assert result.count("\n") == text.count("\n")
    return result


def others(bank: Bank, line: int) -> dict[str, BankQuestion]:
    return {q.id: q for q in bank.questions if q.source_line != line}


def wrong_value(question: BankQuestion) -> re.Match[str] | None:
    """A false statement's explanation ("It is X, not Y." or "The notes say X, not Y."): `right` X, `wrong` Y."""
    return re.search(r"(?:^|\s)(?:is|say|says|said)\s(?P<right>.+?), not (?P<wrong>.+)\.$", question.explanation or "")


def mentions(question: BankQuestion, value: str) -> bool:
    texts = [question.prompt, question.answer, question.explanation or "", *(question.choices or [])]
    return any(value in text for text in texts)


# -- the bank as a whole --------------------------------------------------------------------------


def test_the_bundled_bank_is_sound(bundled: Bank, notes_text: str, sound_bank: Check) -> None:
    sound_bank(bundled, notes_text.split("\n"))


def test_the_committed_bank_is_what_generate_makes_now() -> None:
    _, _, text = bank_for_file(NOTES, ROOT / "question_bank", deck=DECK)
    assert text == COMMITTED.read_text(encoding="utf-8")


def test_false_statements_are_really_false(bundled: Bank, notes_text: str) -> None:
    lines = notes_text.split("\n")
    sentences = {normalise(q.source_text) for q in bundled.questions if q.source_text}
    falses = [q for q in bundled.questions if q.type == "truefalse" and q.answer == "False"]
    assert falses  # most false statements of these notes would quote "The Ministers …", whom they never name
    for q in falses:
        assert normalise(q.prompt) not in sentences, q.prompt
        right, wrong = wrong_value(q).group("right", "wrong")  # type: ignore[union-attr]
        # The value put in is not written on the sentence's line (its block): there it would be true.
        assert normalise(wrong) not in normalise(lines[q.source_line - 1]), q.prompt  # type: ignore[operator]
        assert normalise(right) != normalise(wrong)


def test_true_statements_are_sentences_of_the_notes(bundled: Bank) -> None:
    trues = [q for q in bundled.questions if q.type == "truefalse" and q.answer == "True"]
    assert len(trues) >= 2  # few: advice ("must endeavour") and "last year" are never statements to judge
    for q in trues:
        assert q.source_text and q.source_line
        # The statement is its sentence, a leading connective or pronoun aside, or its definition cut from a
        # predicate that runs on without a subject ("… Japan and Australia will be carried out").
        tail = " ".join(q.prompt.rstrip(".").split()[-3:])
        assert tail in q.source_text, q.prompt
        if not q.source_text.rstrip(".").endswith(tail):
            assert re.search(re.escape(tail) + r" (?:will|would|shall) ", q.source_text), q.prompt


def test_no_trivial_answers(bundled: Bank) -> None:
    trivial = {
        "it",
        "they",
        "this",
        "that",
        "the",
        "a",
        "an",
        "and",
        "of",
        "is",
        "was",
        "also",
        "both",
        "year",
        "one",
    }
    for q in bundled.questions:
        assert q.answer.casefold() not in trivial and len(normalise(q.answer)) >= 2, q


def test_choices_are_shuffled_deterministically() -> None:
    rows = "\n".join(f"| {name} | {n * 7} | {colour} |" for n, (name, colour) in enumerate(_MINERALS, 1))
    notes = f"# Minerals\n\n| Mineral | Hardness | Colour |\n|---|---|---|\n{rows}\n"
    mcqs = [q for q in generate_bank(parse_markdown(notes, title="M"))[0].questions if q.type == "mcq"]
    again = [q for q in generate_bank(parse_markdown(notes, title="M"))[0].questions if q.type == "mcq"]
    assert [q.choices for q in mcqs] == [q.choices for q in again]
    positions = {q.choices.index(q.answer) for q in mcqs}  # type: ignore[union-attr]
    assert len(positions) >= 3  # the answer is not always in the same place


_MINERALS = [
    ("Talc", "White"),
    ("Gypsum", "Grey"),
    ("Calcite", "Clear"),
    ("Fluorite", "Violet"),
    ("Apatite", "Green"),
    ("Orthoclase", "Pink"),
    ("Quartz", "Purple"),
    ("Topaz", "Yellow"),
]  # the answer is not always in the same place


def test_generating_twice_gives_identical_yaml(notes_text: str) -> None:
    assert dump_bank(generate(notes_text)) == dump_bank(generate(notes_text))


def test_generating_from_another_folder_gives_identical_yaml(notes_text: str, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    copy = tmp_path / "sources" / NOTES.name
    copy.write_text(notes_text, encoding="utf-8")
    _, _, text = bank_for_file(copy, tmp_path, deck=DECK)
    assert text == COMMITTED.read_text(encoding="utf-8")


def test_ids_carry_the_deck_prefix_and_are_unique(bundled: Bank) -> None:
    ids = [q.id for q in bundled.questions]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"ijr-[0-9a-f]{8}", i) for i in ids)


# -- editing one bullet ---------------------------------------------------------------------------


def test_editing_words_of_one_bullet_changes_only_its_questions(bundled: Bank, notes_text: str) -> None:
    after = generate(edited(notes_text, 10, "carried by", "conducted by"))
    assert others(after, 10) == others(bundled, 10)  # ids and content of every other question
    old = {q.id for q in bundled.questions if q.source_line == 10}
    new = {q.id for q in after.questions if q.source_line == 10}
    assert old and new and not old & new  # the edited sentence's questions are new questions


@pytest.mark.parametrize(
    ("line", "old", "new", "value"),
    [
        (44, "$90 billion", "$75 billion", "$90 billion"),
        (8, "in 2017", "in 2016", "2017"),
        (17, "October 2018", "October 2017", "October 2018"),
        (53, "AI, IoT, and big data", "AI, robotics, and big data", "IoT"),
        (59, "ranks 12th", "ranks 11th", "12th"),
        (46, "Rs 38,000 crore", "Rs 36,000 crore", "Rs 38,000 crore"),
    ],
)
def test_editing_a_value_keeps_every_other_id(
    bundled: Bank, notes_text: str, line: int, old: str, new: str, value: str
) -> None:
    after = generate(edited(notes_text, line, old, new))
    before_others, after_others = others(bundled, line), others(after, line)
    # The document's pool of values changed, so a question elsewhere that used the old value may change its
    # choices or its false statement, or give way to another question of its line (a fact is asked once:
    # judged with the old value, it is now recalled instead). Every other line keeps its questions as they were.
    new_value = new.split()[-1] if value not in new else value
    touched = {q.source_line for q in before_others.values() if mentions(q, value)} | {
        q.source_line for q in after_others.values() if mentions(q, new_value) or new in str(q.content())
    }
    kept_before = {qid: q for qid, q in before_others.items() if q.source_line not in touched}
    kept_after = {qid: q for qid, q in after_others.items() if q.source_line not in touched}
    assert set(kept_after) == set(kept_before)
    for qid, question in kept_after.items():
        assert question.content() == kept_before[qid].content(), question


def test_editing_a_bullet_keeps_every_other_id_of_its_section(bundled: Bank, notes_text: str) -> None:
    after = generate(edited(notes_text, 68, "medical equipment and hospitals", "medical equipment and pharmaceuticals"))
    assert set(others(after, 68)) == set(others(bundled, 68))


# -- the bar on the bundled notes -----------------------------------------------------------------


def test_at_least_20_questions_of_all_six_types(bundled: Bank) -> None:
    # Fewer than the notes' facts: half their sentences are about "the Ministers", whom they never name, or are
    # advice; what stands alone is asked, and a sentence mostly once.
    assert len(bundled.questions) >= 20
    assert {q.type for q in bundled.questions} == {"mcq", "cloze", "short", "truefalse", "flashcard", "list"}


# "October 2018", "December 2018" and "Cope India 2018" stand only in sentences about "the Ministers", whom the notes
# never name: quoted as a blank or a statement, such a sentence says less than it seems. "Malabar 2019" was held in
# "September-October 2019": the name gives the year, and the months are trivia.
ANSWERS = [
    "28 April 1952",
    "2017",
    "November 2018",
    "June 2019",
    "July 2019",
    "September 2019",
    "1958",
    "FY18",
    "$90 billion",
    "Rs 50,000 crore",
    "Indo-Pacific Oceans Initiative",
    "Cool EMS Service",
    "Delhi-Mumbai Industrial Corridor",
    "Dedicated Freight Corridor",
    "Quadrilateral Security Dialogue",
]


def test_ranks_are_not_asked(bundled: Bank) -> None:
    """ "Japan is India's 12th largest trading partner": a position in a table of the day, which an examiner calls
    trivia; no question has a rank for its answer."""
    assert not [q for q in bundled.questions if re.fullmatch(r"\d+(?:st|nd|rd|th)", q.answer)]


def test_a_list_needs_a_noun_to_name_its_items(bundled: Bank) -> None:
    """ "Further cooperate for peace, stability and prosperity …" gives no "Name the 3 items that fill the blank":
    without a noun, the list is a guess at where a clause's commas start and end."""
    assert not [q for q in bundled.questions if "items that fill the blank" in q.prompt]


def test_a_sentence_without_a_verb_gives_no_blank(bundled: Bank) -> None:
    """Line 16's "In this regard, the welcome of the recently conducted second “Dharma Guardian-2019” …" has no
    verb: a blank or a statement cut from it would not read as a sentence, so its exercises are not asked."""
    assert not [q for q in bundled.questions if "Dharma Guardian" in q.prompt or q.answer == "Dharma Guardian-2019"]


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_notes_key_facts_are_asked(bundled: Bank, notes_text: str, answer: str) -> None:
    """Asked as an answer, an item or the term a card asks about; or its line already gives three questions,
    the most any line of the notes gives (lists and order questions aside)."""
    asked = any(
        q.answer == answer or answer in (q.items or []) or f"“{answer}”" in q.prompt
        for q in bundled.questions
        if q.type != "truefalse"
    ) or any(  # or judged: a false statement with another value in its place
        (match := wrong_value(q)) is not None and match.group("right") == answer
        for q in bundled.questions
        if q.type == "truefalse" and q.answer == "False"
    )
    line = next(n for n, text in enumerate(notes_text.split("\n"), 1) if answer in text)
    capped = sum(q.source_line == line and q.type != "list" for q in bundled.questions) == 3
    # Or asked the other way round: a sentence is asked once, so "$90 billion" may be the cue of "$90 billion has
    # gone into the ____" rather than an answer of its own.
    cue = any(answer in q.prompt for q in bundled.questions if q.source_line == line)
    assert asked or capped or cue


@pytest.mark.parametrize(
    ("acronym", "expansion"),
    [
        ("ODA", "Official Development Assistance"),
        ("AAGR", "Asia-Africa Growth Corridor"),
        ("ACSA", "Acquisition and Cross-Servicing Agreement"),
        ("MINEX", "mine-countermeasures exercise"),
        ("UNCLOS", "United Nations Convention on the Law of the Sea"),
    ],
)
def test_an_acronym_is_asked_only_where_the_notes_use_it_again(
    bundled: Bank, notes_text: str, acronym: str, expansion: str
) -> None:
    """ "AAGR", named once beside its expansion, and "ODA", its expansion's first letters, teach nothing but
    the phrase; "MINEX", spelled from inside its words, would be worth asking were it used again."""
    asked = [q for q in bundled.questions if "acronym" in q.tags and q.prompt == f"What does {acronym} stand for?"]
    assert expansion in notes_text
    assert asked == []
    assert not [q for q in bundled.questions if q.answer == acronym]  # never asked back from its expansion


@pytest.mark.parametrize(
    ("term", "definition"),
    [
        ("Quadrilateral Security Dialogue", "A strategic dialogue between India, United States, Japan and Australia."),
        ("What is the Cool EMS Service?", "Under it, Japanese food items are transported"),
        ("Dedicated Freight Corridor", "A project of close to Rs 50,000 crore of which Japanese assistance"),
    ],
)
def test_every_definition_is_asked(bundled: Bank, term: str, definition: str) -> None:
    """By its card; or, one question to a sentence, the other way round: the term blanked beside its definition,
    or the members the definition names listed."""
    cards = {q.prompt: q.answer for q in bundled.questions if q.type == "flashcard" and "definition" in q.tags}
    card = cards.get(term) or cards.get(f"What is meant by “{term}”?")
    if card is not None:
        assert card.startswith(definition)
        return
    name = term.removeprefix("What is the ").removesuffix("?")
    blanked = [q for q in bundled.questions if q.answer == name and definition[2:40].lower() in q.prompt.lower()]
    listed = [q for q in bundled.questions if q.type == "list" and name in q.prompt and q.answer in definition]
    assert blanked or listed


def test_a_definition_that_runs_on_is_asked_without_its_dangling_predicate(bundled: Bank) -> None:
    quad = [
        q for q in bundled.questions if q.source_line == 9 and q.type in ("cloze", "truefalse", "flashcard", "list")
    ]
    assert quad
    for q in quad:
        text = q.answer if q.type in ("flashcard", "list") else q.prompt
        assert text.rstrip(".").endswith("India, United States, Japan and Australia"), text


@pytest.mark.parametrize(
    ("line", "items"),
    [
        (9, ["India", "United States", "Japan", "Australia"]),
        (53, ["AI", "IoT", "big data"]),
        (8, ["Bangladesh", "Myanmar", "Sri Lanka"]),
        (
            7,
            [
                "Delhi-Mumbai Freight Corridor",
                "Delhi-Mumbai Industrial Corridor",
                "Chennai-Bangalore Industrial Corridor",
                "Ahmedabad-Mumbai High Speed Rail",
            ],
        ),
        (43, ["power", "transportation", "environmental projects", "projects related to basic human needs"]),
    ],
)
def test_the_enumerations_are_list_questions(bundled: Bank, line: int, items: list[str]) -> None:
    lists = [q for q in bundled.questions if q.type == "list" and q.source_line == line]
    assert [q.items for q in lists] == [items]


def test_the_quad_list_names_its_members(bundled: Bank) -> None:
    [quad] = [q for q in bundled.questions if q.type == "list" and q.source_line == 9]
    assert quad.prompt == "Who are the 4 members of the Quadrilateral Security Dialogue?"


def test_a_pronoun_takes_its_subject(bundled: Bank) -> None:
    [projects] = [q for q in bundled.questions if q.type == "list" and q.source_line == 7]
    assert "Japan continues to maintain" in projects.prompt
    assert projects.source_text and projects.source_text.startswith("It continues")


def test_no_two_questions_of_a_sentence_ask_for_the_same_answer_from_the_same_cue(bundled: Bank) -> None:
    cues: set[tuple[int | None, str, str]] = set()
    for q in bundled.questions:
        cue = re.sub(r"^What does (\S+) stand for\?$", r"\1", q.prompt)
        key = (q.source_line, normalise(cue), normalise(q.answer))
        assert key not in cues, q.prompt
        cues.add(key)


# -- small documents that show a rule ---------------------------------------------------------------


def small(text: str) -> Bank:
    bank, _ = generate_bank(parse_text(text), deck="Notes")
    return bank


def prompts_of(text: str) -> list[str]:
    """The prompts of the bank of some small notes."""
    return [q.prompt for q in small(text).questions]


def test_a_pronoun_with_nobody_to_refer_to_drops_its_sentence() -> None:
    bank = small(
        "Notes:\n\n  • It was signed on 28 April 1952.\n  • This cost Rs 500 crore.\n  • The pact was renewed in 2017.\n"
    )
    assert {q.source_line for q in bank.questions} == {5}
    assert all(not re.match(r"^(?:It|This)\b", q.prompt) for q in bank.questions)


def test_a_pronoun_takes_the_subject_of_the_sentence_before() -> None:
    bank = small("Japan has been a donor since 1958. It gave $90 billion to the Delhi-Mumbai Industrial Corridor.")
    prompts = [q.prompt for q in bank.questions if "$90 billion" in q.answer or "90 billion" in q.prompt]
    assert prompts and all(p.startswith(("Japan gave", "How much")) for p in prompts), prompts


def test_a_pronoun_never_takes_an_older_subject() -> None:
    # "The Ministers spent …" has an irregular verb; "They spent …" once became "India spent …".
    bank = small(
        "India established relations on 28 April 1952. The Ministers spent Rs 50,000 crore last year. "
        "They spent ₹2 lakh crore in 2019."
    )
    assert not any(q.prompt.startswith("India spent") for q in bank.questions)


def test_a_prompt_has_words_besides_the_blank() -> None:
    bank = small("Budget:\n\n  • Rs 500 crore\n  • The state of Kerala spent the rest on new roads in 2019.\n")
    assert bank.questions
    for q in bank.questions:
        prompt = q.prompt.replace("____", " ")
        for fact in reversed(extract_facts(prompt)):  # a statement's values are what it asks about
            prompt = prompt[: fact.start] + " " + prompt[fact.end :]
        assert len(re.findall(r"[^\W\d_]{2,}", prompt)) >= 2, q.prompt


def test_a_pronoun_is_never_lent_an_adjective_or_you() -> None:
    notes = (
        "Heavy defeats and hunger led to a revolution in 1917. After the new rulers took power, they signed a "
        "treaty in March 1918.\n\nYou must convert input before adding. It counts from the end of the list.\n"
    )
    bank = generate(notes)
    assert not [q for q in bank.questions if q.prompt.startswith(("Heavy signed", "You counts"))]
    assert not [q for q in bank.questions if "Heavy signed" in q.prompt or "You counts" in q.prompt]


def test_they_is_lent_the_people_of_the_section_but_not_to_a_passive() -> None:
    notes = (
        "TRADE\n\n"
        "• Phoenicians had built a fleet of fast ships by 1100 BC.\n"
        "• The cedar of Lebanon was the main export of the coast.\n"
        "• They also used a purple dye made from sea snails in 1000 BC.\n"
        "• They might have been used for carrying timber and wine.\n"
    )
    prompts = [q.prompt for q in generate(notes).questions]
    assert any(p.startswith("Phoenicians also used a purple dye") for p in prompts), prompts
    assert not [p for p in prompts if "Phoenicians might have been used" in p]


def test_a_short_sentence_with_a_date_is_asked() -> None:
    notes = "Monarchs\n\nVictoria\nVictoria was the queen of Britain from 1837.\nShe died in 1901.\n"
    assert any("Victoria died in" in q.prompt or q.answer == "1901" for q in generate(notes).questions)


def test_praise_and_a_category_are_not_asked() -> None:
    notes = (
        "The Geneva Accord of 1954 is one of the most successful treaties of all time.\n\n"
        "The Geneva Accord is a Multilateral Peace Agreement signed in 1954 by nine states.\n"
    )
    prompts = [q.prompt for q in generate(notes).questions]
    assert not [p for p in prompts if "of all time" in p]
    assert not [p for p in prompts if "is a ____" in p]


def test_a_statement_that_sets_its_term_apart_takes_its_rival_to_be_false() -> None:
    """ "The maximum membership to Lok Sabha is limited to 250" where the notes say Rajya Sabha: false, and plainly
    so; a statement of what both Houses may do ("can discuss") is never swapped."""
    from quizapp.generate.keyterms import KeyTerms

    notes = [
        "The maximum membership to Rajya Sabha is limited to 250.",
        "The Lok Sabha has 552 members at most.",
        "The Lok Sabha is the lower house.",
        "The Rajya Sabha is a permanent body.",
        "The Rajya Sabha can discuss the policies of the government.",
    ]
    terms = KeyTerms(notes, [])
    swapped = terms.swapped(notes[0], " ".join(notes))
    assert swapped == ("The maximum membership to Lok Sabha is limited to 250.", "Rajya Sabha", "Lok Sabha")
    assert terms.swapped(notes[4], " ".join(notes)) is None


def test_a_statement_about_one_of_a_family_is_made_false_with_a_sibling() -> None:
    from quizapp.documents.outline import read_outline
    from quizapp.generate.shapes.siblings import sibling_terms, subject_choice, subject_swapped
    from quizapp.generate.standalone import lowercase_words

    notes = (
        "Layers\n\n- Link layer: moves frames between neighbours.\n- Network layer: routes packets across networks.\n"
        "- Transport layer: gives end-to-end delivery.\n- Session layer: opens and closes dialogues.\n"
    )
    siblings = sibling_terms(read_outline(notes), lowercase_words(notes))
    assert sorted(siblings["networklayer"]) == ["Link layer", "Session layer", "Transport layer"]
    false, right, wrong = subject_swapped("Network layer routes packets across networks.", siblings, notes) or (
        "",
        "",
        "",
    )
    assert right == "Network layer" and wrong in ("Link layer", "Session layer", "Transport layer")
    assert false == f"{wrong} routes packets across networks."
    which = subject_choice("Network layer routes packets across networks.", siblings, notes)
    assert which is not None and which.prompt == "____ routes packets across networks."
    assert which.answer == "Network layer" and len(which.choices or []) == 4
    # "also" and "can" say the property may be shared: no swap.
    assert subject_swapped("Network layer also routes packets.", siblings, notes) is None
    assert subject_swapped("Network layer can drop packets.", siblings, notes) is None


def test_a_sentence_is_asked_once_and_for_its_name_rather_than_its_figure() -> None:
    """A blank for the name and a blank for the figure of one sentence each give the other's answer away: one of
    them is asked, the name; and a sentence recalled is not also judged as a statement."""
    bank = small(
        "Canal Projects\n\nThe Northern Canal Authority has put $40 billion into the Lakeside Freight Corridor.\n"
        "The Lakeside Freight Corridor opened in March 2019 after six years of work.\n"
    )
    [first] = [q for q in bank.questions if q.source_line == 3]
    assert first.answer in ("Lakeside Freight Corridor", "Northern Canal Authority")
    for line in (3, 4):
        kinds = {q.type == "truefalse" for q in bank.questions if q.source_line == line}
        assert len(kinds) <= 1  # recalled or judged, not both


def test_a_fact_the_notes_give_twice_is_asked_once() -> None:
    """The same figure about the same thing on two lines (a timeline and its paragraph) is one fact."""
    bank = small(
        "Timeline\n\n1905 – 12 March: Harbour treaty signed\n1911 – 3 June: Northern railway opened\n"
        "1915 – 9 May: Southern dam finished\n\nEvents\n\nThe harbour treaty was signed on 12 March 1905 after long talks.\n"
    )
    dated = [q for q in bank.questions if q.answer == "12 March 1905" or "12 March 1905" in q.prompt]
    assert len(dated) == 1, [q.prompt for q in dated]


def test_shorthand_is_no_statement() -> None:
    """Notes in the shorthand of a headline ("Clerk elected by house") or initials ("DC submits … to C") are not
    judged as true or false."""
    bank = small(
        "The Assembly\n\nThe Assembly first met in the Old Hall in March 1921.\nThe Charter of Rights was adopted in 1930.\n"
        "The Northern Canal opened in June 1934.\nThe Grand Library was founded by Mara Quill in 1941.\n"
        "Clerk and Deputy Clerk elected by house\nDC submits resignation to C\nOften biased in budget decisions\n"
    )
    assert [q for q in bank.questions if q.source_line == 4]  # the notes are asked
    assert not [q for q in bank.questions if q.type == "truefalse" and q.source_line in (7, 8, 9)]


def test_a_point_that_leans_on_its_heading_is_told_its_subject() -> None:
    prompts = prompts_of(
        "Human Body\n\nLarge Intestine\n\nMain job is absorbing water and mineral salts through the colon wall.\n"
        "The large intestine is about 1.5 metres long.\n\n"
        "Reforms\n\nA committee headed by Ravi Menon drafted the first plan in 2004.\n"
        "The committee was tasked with designing the tariff model.\n"
    )
    assert "The main job of the large intestine is absorbing water and ____ through the colon wall." in prompts
    assert not [p for p in prompts if "committee was tasked" in p]  # whose committee, no heading would say


def test_an_acronym_and_its_words_ask_one_thing() -> None:
    """ "What is the protocol data unit of the session layer?" from a table and "What is the PDU of the session
    layer?" from the points below it are one question."""
    bank, _ = generate_bank(
        parse_markdown(
            "# Network layers\n\n| Layer | Protocol data unit | Role |\n| --- | --- | --- |\n"
            "| Session layer | Data | Opens and closes talks |\n| Transport layer | Segment | Carries data end to end |\n"
            "| Network layer | Packet | Finds the route |\n\n## PDUs\n\n"
            "- PDU of the session layer: the data that a session carries between two programs.\n"
            "- PDU of the transport layer: the segment that carries data end to end.\n",
            title="Networks",
        ),
        deck="Networks",
    )
    prompts = [q.prompt for q in bank.questions]
    session = [p for p in prompts if re.search(r"(?i)(?:PDU|protocol data unit) of (?:the )?session layer", p)]
    assert len(session) == 1, session
    assert (
        "What is the PDU of the transport layer?" in prompts
        or "What is the protocol data unit of the Transport layer?" in prompts
    )


def test_a_term_is_defined_once_however_it_is_asked() -> None:
    """ "Lethargy is the tendency of a body to stay as it is." judged beside "What is the tendency … called?"
    from another line is one definition asked twice."""
    bank = small(
        "Motion\n\nLethargy is the tendency of a body to stay as it is.\n"
        "The natural tendency of an object to resist any change in its state of rest is called lethargy.\n"
        "Galileo rolled balls down slopes in 1604.\nNewton published the Principia in 1687.\n"
    )
    about = [q for q in bank.questions if "lethargy" in (q.prompt + " " + q.answer).lower()]
    assert len(about) == 1, [q.prompt for q in about]


def test_a_pronoun_no_one_lent_a_name_drops_its_sentence() -> None:
    prompts = prompts_of(
        "The Council\n\nThe Council of Elders has 90 members in all.\nOne-third of its members retire every second year.\n"
        "The Teesta rises in Sikkim.\nIn the plains of Bengal, where it is called Tista, it joins the Jamuna.\n"
    )
    assert not [p for p in prompts if "of its members" in p or "where it is called" in p], prompts
    assert [p for p in prompts if "90 members" in p or "Council of Elders" in p]


def test_what_a_term_does_is_asked_once_across_table_glossary_and_prose() -> None:
    bank, _ = generate_bank(
        parse_markdown(
            "# Engines\n\n| Part | Role |\n| --- | --- |\n| Piston | Turns gas pressure into motion |\n"
            "| Crankshaft | Turns motion into rotation |\n| Flywheel | Keeps the rotation smooth |\n\n"
            "## Notes\n\nThe Piston provides the push that turns gas pressure into motion in every cylinder.\n"
            "The Crankshaft provides the rotation that the wheels finally use.\n",
            title="Engines",
        ),
        deck="Engines",
    )
    piston = [q for q in bank.questions if "piston" in q.prompt.lower()]
    assert len(piston) == 1, [q.prompt for q in piston]


def test_a_sentence_of_everyday_words_alone_is_told_its_subject_or_dropped() -> None:
    prompts = prompts_of(
        "Muhammad Shah\n\nMuhammad Shah ruled from 1719 to 1748.\nPowerful governors established kingdoms in different parts.\n\n"
        "Challenges\n\nPolitical differences may affect decision-making.\nStates collectively have two-thirds.\n"
        "Plate movement is driven by mantle convection.\n"
    )
    assert not [p for p in prompts if p.startswith(("Political differences", "States collectively"))], prompts
    assert not [p for p in prompts if p.startswith("Powerful governors")], prompts  # told whose: "Muhammad Shah: …"


def test_a_fronted_phrase_is_no_appositive_and_his_is_lent_no_thing() -> None:
    prompts = prompts_of(
        "Later Rulers\n\nRana Udai Singh (1540-1572)\nArchitecture flourished under Rana Udai Singh in Mewar.\n"
        "His most famous work was the Lake Palace and the City Palace in Udaipur.\n\n"
        "Rana Pratap (1572-1597)\nAfter the death of Rana Udai Singh, a war of succession broke out among his sons.\n"
    )
    assert not [p for p in prompts if "Rana Udai Singh”" in p], prompts  # no "What is meant by …?" for a king
    assert not [p for p in prompts if "Architecture’s" in p or "Architecture's" in p], prompts
    assert "Architecture flourished under Rana Udai Singh in ____." in prompts


def test_a_blank_never_ends_or_starts_inside_a_name() -> None:
    bank = small(
        "Reforms\n\nThe Atal Bihari Vajpayee government starts discussion on GST by setting up a committee headed by "
        "former West Bengal finance minister Asim Dasgupta.\n"
        "Vajpayee government forms a task force under Vijay Kelkar to recommend tax reforms.\n"
    )
    blanks = [q.prompt for q in bank.questions if "____" in q.prompt]
    assert blanks
    assert not [p for p in blanks if "____ Dasgupta" in p or "Bengal ____" in p], blanks


def test_the_wrong_choices_for_a_name_are_names_of_its_kind() -> None:
    bank = small(
        "The Great War\n\nThe war was fought mostly in Europe but also in the Middle East and Africa.\n"
        "Gavrilo Princip belonged to the Black Hand, a secret society.\n"
        "The Russians were beaten at the Battle of Tannenberg in August 1914.\n"
        "The British and German fleets met at the Battle of Jutland in May 1916.\n"
        "The Germans were stopped at the Battle of the Marne in September 1914.\n"
        "The Russian Revolution broke out in 1917.\nThe Hundred Days Offensive began in August 1918.\n"
    )
    named = [q for q in bank.questions if q.answer in ("Black Hand", "Battle of Tannenberg", "Battle of the Marne")]
    assert named
    for q in named:
        if q.type == "mcq":  # a secret society among battles, or a battle among societies, gives itself away
            assert len({c.startswith("Battle") for c in q.choices or []}) == 1, q.choices


def test_an_answer_with_its_year_or_act_is_the_same_answer() -> None:
    from quizapp.generate.shapes.common import core_answer

    assert core_answer("42nd Amendment Act, 1976") == core_answer("42nd Amendment (1976)") == "42nd Amendment"
    assert core_answer("March 1947") == "March 1947"  # a date keeps its year
    assert core_answer("1946") == "1946"


def test_asking_what_a_term_means_in_other_words_is_one_question() -> None:
    from quizapp.generate.sameness import spelled_short

    same = {
        spelled_short(p, {})
        for p in (
            "What is diffusion?",
            "What is the process of diffusion?",
            "What do you mean by diffusion?",
            "What is meant by diffusion?",
        )
    }
    assert len(same) == 1


def test_an_amount_in_an_event_under_a_year_is_not_blanked() -> None:
    from quizapp.documents import parse_markdown

    text = (
        "# Tax\n\n## Timeline\n\n### 2013\n\n- Mehta says the government has set aside Rs 9000 crore to compensate"
        " states for losses.\n\n### 2015\n\n- The council meets for the first time in Delhi.\n"
    )
    bank = generate_bank(parse_markdown(text, title="Tax"))[0]
    assert not [q for q in bank.questions if q.answer == "Rs 9000 crore"]
