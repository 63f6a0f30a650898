"""The generator's word tools and last looks: prose definitions, key-term blanks, verbs, fair choices, caps."""

from __future__ import annotations

import re

import pytest

from quizapp.documents import parse_markdown, parse_text
from quizapp.documents.outline import read_outline
from quizapp.generate.context import context_name
from quizapp.generate.draft import Draft
from quizapp.generate.keyterms import KeyTerms, keyterm_cloze
from quizapp.generate.nouns import clean_sentence, has_verb, head_noun, kind_noun, lead_noun
from quizapp.generate.pipeline import generate_bank
from quizapp.generate.polish import Frames, _stem_given, polish, tidy
from quizapp.generate.prose import (
    called_question,
    condition_called_question,
    copula_question,
    fragment_definition,
    means_question,
    one_that_question,
)
from quizapp.generate.ranking import cap
from quizapp.generate.shapes import Placed
from quizapp.generate.standalone import lowercase_words, outline_sentences

_PROSE = [
    (
        called_question,
        "The tendency of a body to resist a change in its motion is called inertia.",
        ("What is the tendency of a body to resist a change in its motion called?", "inertia"),
    ),
    (called_question, "When the pH falls below 5.6, it is called acid rain.", None),  # a clause, no name
    (
        condition_called_question,
        "When the pH falls below 5.6, it is called acid rain.",
        ("What is it called when the pH falls below 5.6?", "acid rain"),
    ),
    (
        means_question,
        "Internal energy (U) is defined as the sum of the energies of the molecules.",
        ("How is internal energy (U) defined?", "The sum of the energies of the molecules."),
    ),
    (
        one_that_question,
        "An adiabatic process is one in which no heat is exchanged.",
        ("What is an adiabatic process?", "A process in which no heat is exchanged."),
    ),
    (one_that_question, "The transport layer is the one which links the processes to this protocol.", None),
    (
        means_question,
        "Osmosis means the movement of water across a membrane.",
        ("What does osmosis mean?", "The movement of water across a membrane."),
    ),
    (
        copula_question,
        "The Lok Sabha (House of the People) is the lower house of Parliament.",
        ("What is the Lok Sabha?", "The lower house of Parliament."),
    ),
    (copula_question, "For every action there is an equal and opposite reaction.", None),
]


@pytest.mark.parametrize(("ask", "sentence", "expected"), _PROSE)
def test_prose_definitions_ask_for_the_name_and_for_the_meaning(ask, sentence: str, expected) -> None:
    draft = ask(sentence)
    assert (draft.prompt, draft.answer) == expected if expected else draft is None


def test_a_point_that_defines_its_item_asks_the_name_both_ways() -> None:
    card, back = fragment_definition("Acids", "Substances that release hydrogen ions in water.")
    assert (card.prompt, card.answer) == ("What are acids?", "Substances that release hydrogen ions in water.")
    assert (back.prompt, back.answer) == ("What are substances that release hydrogen ions in water called?", "Acids")
    assert fragment_definition("Way Forward", "Experts say that trade must grow.") == []


def test_a_key_term_blank_is_a_rare_noun_phrase_and_never_the_topic() -> None:
    sentences = [
        "Litmus turns red in acid and blue in base.",
        "Phenolphthalein stays colourless in acid.",
        "Hydrochloric acid helps digestion in the stomach.",
        "The stomach releases hydrochloric acid when food arrives.",
    ]
    terms = KeyTerms(sentences, [])
    cloze = keyterm_cloze(sentences[2], terms)
    assert cloze is not None and cloze.answer == "Hydrochloric acid"
    on_topic = keyterm_cloze(sentences[2], terms, topic="Hydrochloric acid")
    assert on_topic is None or "hydrochloric" not in on_topic.answer.lower()  # the notes' subject is no blank
    assert keyterm_cloze("The rate goes up when it is warm.", terms) is None  # no term worth a blank


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("The inquiry was led by the former state finance minister Arvind Rao.", "minister"),
        ("Some pollutants cannot travel through liquids at all.", "travel"),
        ("Mulberry is tested by soaking the petals of mulberry.", "soaking"),
        ("Washing soda comes from rehydration of anhydrous sodium carbonate.", "rehydration of anhydrous"),
        ("The session layer provides synchronised dialogue to the presentation layer.", "session"),
        ("The Gupta Empire was one of the most influential and powerful dynasties of its age.", "powerful"),
        ("Potassium hydroxide KOH is collected near the cathode of the cell.", "KOH"),
        ("The fort stands at the confluence of Bhima and Krishna Rivers.", "Bhima"),
    ],
)
def test_a_key_term_blank_takes_a_whole_noun_phrase(sentence: str, wrong: str) -> None:
    """Half a phrase, a verb, or a name and its formula together is no term a student could be asked for."""
    terms = KeyTerms([sentence, sentence.replace("The ", "A ")], [])
    cloze = keyterm_cloze(sentence, terms)
    assert cloze is None or (wrong not in cloze.answer.split() and cloze.answer != wrong), cloze.answer


def test_a_fragment_of_adjectives_is_no_statement() -> None:
    assert not has_verb("J-shaped muscular bag on the left side of the abdomen.")
    assert not has_verb("Longest part of the alimentary canal, about 6 m long, coiled.")
    assert has_verb("He left the court in 1540.")
    assert not has_verb("Fast, but short-lived.")  # "short-lived" is one word, no verb
    from quizapp.generate.standalone import POINTING

    assert POINTING.search("A device was used to behead a person at that time.")  # when, only the notes say
    assert not POINTING.search("Akbar was king at the time of the war.")
    assert POINTING.search("All signatory countries have been divided into three groups.")  # of what?
    assert POINTING.search("The values given below are in kelvin.") and POINTING.search("As shown above, it rises.")
    assert not POINTING.search("When the pH of rain water falls below 5.6, it is called acid rain.")  # a preposition
    assert POINTING.search("The two houses are equal.") and not POINTING.search("Two systems are in equilibrium.")
    from quizapp.generate.standalone import fragment_start

    assert fragment_start("Important products of the chlor-alkali process are")  # a lead-in, no statement
    assert fragment_start("Organisms that can produce their own food.")  # a definition's noun phrase
    assert not fragment_start("Stomach produces hydrochloric acid which helps in digestion.")  # its verb first
    assert fragment_start("DC submits resignation to C")  # a person in initials
    assert not fragment_start("Internal energy (U) is the energy of the molecules.")  # a symbol
    assert has_verb("Self-pollination occurs in peas.")


def test_a_participle_after_a_preposition_or_before_by_is_no_verb() -> None:
    assert not has_verb("Enhancing connectivity for unimpeded trade and ideas for shared prosperity.")
    assert not has_verb("A maximum of 238 members elected by the states.")
    assert has_verb("Most textiles imported by Britain came from India.")


def test_verbs_are_told_from_plural_nouns_and_participles() -> None:
    assert has_verb("Acids taste sour.")
    assert has_verb("A longer contact time means a smaller force.")
    assert not has_verb("Finance Ministers of each State")
    assert not has_verb("Seniormost member of newly elected house")


def test_shorthand_and_misspellings_are_no_model_sentence() -> None:
    assert clean_sentence("The rate of photosynthesis rises with light.")
    assert not clean_sentence("Resolution passed by house with maj of then membership. 14day notice")
    assert not clean_sentence("For all indicators when a nuetral substance is added there is no change.")


def test_the_nouns_of_headings_and_lead_ins() -> None:
    assert head_noun("The three types of inertia are:") == "types of inertia"
    assert kind_noun("Indicators") == "indicator"
    assert kind_noun("Photosynthesis flashcards") is None  # the notes' own word, not a kind of thing
    assert lead_noun("Under the Constitution, the Parliament consists of three parts:") == "parts of the Parliament"


def test_choices_lose_stray_marks_and_tells() -> None:
    draft = Draft("mcq", "Which slab?", "28 %", [], None, choices=["28 %", "5%", "12%", "18%:"])
    tidy(draft)
    assert draft.answer == "28%" and sorted(draft.choices or []) == ["12%", "18%", "28%", "5%"]
    glossed = Draft(
        "mcq",
        "Which acid?",
        "Citric acid",
        [],
        None,
        choices=["Citric acid", "Malic acid(C4H6O5)", "Oxalic acid", "Tartaric acid"],
    )
    tidy(glossed)
    assert "Malic acid" in (glossed.choices or [])


def test_a_blank_that_another_sentence_fills_otherwise_is_dropped() -> None:
    frames = Frames(["Harappa lies on the Ravi River.", "Lothal lies on the Ravi River."])
    assert frames.ambiguous(Draft("cloze", "____ lies on the Ravi River.", "Harappa", []))
    assert not frames.ambiguous(Draft("cloze", "Harappa lies on the ____.", "Ravi River", []))
    battles = Draft(
        "mcq",
        "Babur won the ____ in 1526.",
        "Battle of Panipat",
        [],
        None,
        choices=["Battle of Panipat", "Agra Fort", "South Asian", "Battle of Khanwa"],
    )
    [kept] = polish([Placed(battles, 1, "", "T")], ["Babur won the Battle of Panipat in 1526."])
    assert kept.draft.type == "cloze" and kept.draft.choices is None  # too few battles to choose among


def test_a_fact_is_asked_once_and_true_false_stays_a_quarter() -> None:
    def placed(kind: str, prompt: str, answer: str, line: int, score: float = 1.0) -> Placed:
        return Placed(Draft(kind, prompt, answer, [], None, score=score), line, f"sentence {line}", "T")

    items = [placed("cloze", f"Fact {n} is ____.", f"value {n}", n) for n in range(1, 7)]
    items += [placed("truefalse", f"Statement {n}.", "True", 10 + n, score=0.7) for n in range(6)]
    items += [placed("short", "What is fact 1?", "value 1", 1, score=0.9)]  # the same fact, same line
    kept = cap(items)
    assert sum(item.draft.type == "truefalse" for item in kept) <= len(kept) / 4
    assert sum(item.draft.answer == "value 1" for item in kept) == 1


def test_advice_is_never_a_statement_to_judge() -> None:
    from quizapp.generate.judge import is_statement as _statement

    assert _statement("India and Japan worked together on the new rail line through the hills.")
    assert not _statement("India and Japan must work together on the new rail line through the hills.")
    assert not _statement("The two sides need to settle the border question through talks.")


def test_a_name_written_carelessly_or_a_stray_quote_is_no_model_sentence() -> None:
    assert not clean_sentence("He invaded india again in 1555.", names=frozenset({"India"}))
    assert clean_sentence("He invaded India again in 1555.", names=frozenset({"India"}))
    assert not clean_sentence("The era began with the Babur’s victory in 1526.’")


def test_a_blank_the_stem_gives_away_by_its_root_is_dropped() -> None:
    assert _stem_given(Draft("cloze", "It gets pancreatic juice from the ____.", "pancreas", [], None))
    assert not _stem_given(Draft("cloze", "It gets bile from the ____.", "liver", [], None))
    assert not _stem_given(Draft("short", "Which term is this: “slower than P waves”?", "secondary waves", [], None))


def test_one_blank_of_a_kind_a_sentence() -> None:
    sentence = "The dam cost Rs 900 crore, of which the state paid Rs 300 crore in 1990."
    bank = generate_bank(parse_text(sentence + "\n\nThe canal cost Rs 50 crore in 1980.\n", title="Dams"))[0]
    money_blanks = [q for q in bank.questions if q.source_line == 1 and "____" in q.prompt and "money" in q.tags]
    assert len(money_blanks) <= 1


def test_one_fact_asked_the_other_way_round_on_another_line_is_padding() -> None:
    notes = (
        "Humayun ruled the empire from 1530 to 1556.\n\n"
        "Babur ruled from 1526.\n\n"
        "Which ruler reigned from 1530 to 1556? Humayun, the son of Babur.\n"
    )
    bank = generate_bank(parse_text(notes, title="Rulers"))[0]
    asked = [(q.prompt, q.answer) for q in bank.questions if q.type != "truefalse"]
    both = [p for p, a in asked if "Humayun" in p and "1530" in a] and [
        p for p, a in asked if "1530" in p and a == "Humayun"
    ]
    assert not both, asked


def test_a_plural_subject_takes_a_verb_that_is_a_noun_as_well_before_its_object() -> None:
    assert has_verb("The weights exhibit a binary system.")
    assert has_verb("The clay tablets mention the trade with distant ports.")
    assert not has_verb("Trade contacts between the two ports")


def test_a_possessive_whose_person_the_sentence_names_first_is_resolved() -> None:
    from quizapp.generate.judge import is_statement
    from quizapp.generate.standalone import unresolved

    assert not unresolved("Ashoka carved his edicts on rocks and pillars across the empire.")
    assert not unresolved("The Qutub's Minar was finished by his successor Iltutmish in Delhi.")
    assert unresolved("He died in 1556 after a fall in his library.")
    assert unresolved("In 1526 his army won at Panipat.")
    assert unresolved("It was his last campaign before the treaty.")  # "It" names no one
    assert is_statement("The king founded a college for those who sought learning.")


def test_a_blank_after_an_ordinal_is_a_defect() -> None:
    from quizapp.generate.quality import defects

    cut = Draft("cloze", "The plan followed the 14th ____ of the state.", "Finance Commission", ["name"], None)
    whole = Draft("cloze", "The plan followed the ____ of the state.", "14th Finance Commission", ["name"], None)
    assert "blank cut from its ordinal" in defects(cut)
    assert "blank cut from its ordinal" not in defects(whole)


def test_a_term_in_quotes_is_the_same_term_defined() -> None:
    from quizapp.generate.sameness import defined_term

    quoted = Draft("flashcard", "What is meant by “Humus”?", "Decayed plant matter.", ["definition"], None)
    plain = Draft("flashcard", "What is humus?", "The dark organic part of soil.", ["definition"], None)
    assert defined_term(quoted) == defined_term(plain) == "humu"


def test_such_as_points_nowhere_and_a_month_ends_no_name() -> None:
    from quizapp.generate.facts.names import find_names
    from quizapp.generate.standalone import POINTING

    assert not POINTING.search("Rice is grown in states such as Punjab and Bihar.")
    assert POINTING.search("Such a tax is hard to collect.")
    names = [f.text for f in find_names("The fair opened in Mysore on March 3, 1999 with great pomp.")]
    assert "Mysore on March" not in names


def test_former_before_a_title_points_nowhere() -> None:
    from quizapp.generate.standalone import POINTING

    assert not POINTING.search("A panel was headed by former Kerala finance minister K. Rao.")
    assert POINTING.search("Of the two rivers, the latter carries more silt than the former.")


def test_a_verb_after_an_adverb_or_before_its_particle_is_a_verb() -> None:
    assert has_verb("Heavy rain on the hills directly feeds the springs below.")
    assert has_verb("The free radicals break down the cell walls.")
    assert not has_verb("The newly elected members of the council")


def test_a_generic_heading_lends_the_name_of_the_heading_above_it() -> None:
    text = (
        "# Local bodies\n\n## Article 243B: The Gram Panchayat\n\n### Voting Structure\n\n"
        "Decisions require a two-thirds majority of the members present.\n"
    )
    bank = generate_bank(parse_markdown(text, title="Local bodies"))[0]
    assert [q.prompt for q in bank.questions] == [
        "The Gram Panchayat: Decisions require a ____ majority of the members present."
    ]


def test_a_noun_and_an_irregular_participle_before_by_is_a_headline_not_a_statement() -> None:
    from quizapp.generate.judge import is_statement

    assert not is_statement("Wholesale prices paid by traders.")
    assert is_statement("The new tax was paid by most traders in the state.")


def test_an_of_phrase_naming_one_thing_takes_the() -> None:
    from quizapp.generate.shapes.pairs import _definition_prompt

    assert _definition_prompt("chemical equation of rusting", "4 Fe + 3 O2 → 2 Fe2O3") == (
        "What is the chemical equation of rusting?"
    )
    assert _definition_prompt("inertia of rest", "the tendency of a body at rest to stay at rest") == (
        "What is inertia of rest?"
    )


HOUSES = """The two chambers

The Senate (Upper Chamber) is the smaller house of the Assembly.

The house has a maximum of 60 members, out of which 10 members are named by the Governor.

The Senate is a permanent body and unlike the Lower Chamber, it cannot be dissolved at any time.
"""


def test_the_house_named_just_before_and_a_pronoun_after_its_own_clause_stand_alone() -> None:
    document = parse_text(HOUSES, title="Chambers")
    outline = read_outline(HOUSES)
    sentences = {s.line: s.text for s in outline_sentences(document, outline, set(), [], lowercase_words(HOUSES))}
    # "The house" is what the sentence before called "the smaller house": the Senate.
    assert sentences[5].startswith("The Senate has a maximum of 60 members")
    # "it" after "The Senate is a permanent body and …," is the Senate, said in the same sentence.
    assert (
        sentences[7]
        == "The Senate is a permanent body and unlike the Lower Chamber, it cannot be dissolved at any time."
    )


def test_a_title_leads_a_statement_only_where_the_statement_says_it() -> None:
    # A statement that names nothing gains nothing from the notes' title in front of it.
    assert context_name("Key points", "Electricity — Ch 11", sentence="If one fails, others keep working.") is None
    assert context_name("Key points", "Electricity", sentence="Electricity flows from high to low potential.") == (
        "Electricity"
    )
    # A formula above is no name to put in front ("FB = –FA: A large force …").
    assert context_name("FB = –FA", "Notes", sentence="A large force acts.") is None
    assert context_name("Rajya Sabha", "Parliament", sentence="It has 245 members.") == "Rajya Sabha"


GLOSSARY = """# Plant words

- stoma: A stoma is the pore in a leaf through which gases pass in and out of the plant.
- Measured with a porometer, always taken at noon in summer.
"""


def test_a_lower_case_label_before_a_sentence_that_names_it_is_dropped() -> None:
    document = parse_markdown(GLOSSARY, title="Plants")
    outline = read_outline(GLOSSARY, markdown=True)
    texts = [s.text for s in outline_sentences(document, outline, set(), [], lowercase_words(GLOSSARY))]
    assert texts[0] == "A stoma is the pore in a leaf through which gases pass in and out of the plant."
    bank = generate_bank(document)[0]
    assert not [q for q in bank.questions if "porometer" in q.prompt]  # "Measured with …": what is, it never says


def test_the_notes_shorthand_is_no_sentence_to_blank_and_a_semicolon_cut_ends_with_a_stop() -> None:
    text = (
        "# Allergy\n\n## Reactions\n\n- Mast cells release histamine and serotonin → sneezing and watery eyes\n"
        "- Afghanistan - The USSR invaded in 1979; the troops withdrew by 1989.\n"
    )
    prompts = [q.prompt for q in generate_bank(parse_markdown(text, title="Allergy"))[0].questions]
    assert not [p for p in prompts if "→" in p]
    assert not [p for p in prompts if p.endswith(";")]


def test_a_title_names_what_the_notes_are_about_without_its_file_number_and_asides() -> None:
    from quizapp.generate.context import title_name

    assert title_name("02 Harappan Civilisation") == "Harappan Civilisation"
    assert title_name("RBI & Monetary Policy — Eco notes (Unit 4)") == "RBI & Monetary Policy"
    assert title_name("The Parliament of India: Lok Sabha and Rajya Sabha") == "The Parliament of India"
    assert title_name("Revision notes") is None  # names no subject


def test_a_sentence_about_a_thing_of_the_notes_is_led_by_their_title() -> None:
    text = (
        "Weights and Measures\n\nWeights made of chert were cubical.\n\n"
        "An object at rest stays at rest unless a force acts on it.\n"
    )
    bank = generate_bank(parse_text(text, title="03 Indus Valley"))[0]
    led = [q for q in bank.questions if q.prompt.startswith("Indus Valley: ")]
    assert led and all(q.source_line == 3 for q in led), [q.prompt for q in bank.questions]
    assert not any("An object" in q.prompt and q.prompt.startswith("Indus") for q in bank.questions)  # any object


def test_a_pasted_slip_is_mended_where_the_sentence_is_plain_english_otherwise() -> None:
    from quizapp.generate.nouns import tidy_slips

    assert (
        tidy_slips("The era began with the Babur’s victory in 1526.’") == "The era began with Babur’s victory in 1526."
    )
    assert clean_sentence(tidy_slips("The era began with the Babur’s victory in 1526.’"))
    assert clean_sentence("The plates shape the Earth's surface.")  # "the Earth's" is English
    assert tidy_slips("He called it “the end.”") == "He called it “the end.”"  # a closing quote is no slip


def test_a_slip_of_spelling_no_english_text_makes_is_mended_and_rare_terms_and_names_are_not() -> None:
    from quizapp.generate.nouns import mend_spelling

    assert mend_spelling("Natural indicaters are found in plants.") == "Natural indicators are found in plants."
    assert mend_spelling("Indicaters change their colour.") == "Indicators change their colour."
    assert mend_spelling("Multai, Betul") == "Multai, Betul"  # a choice that opens with a name
    assert mend_spelling("Plastids store starch; reflation follows.") == "Plastids store starch; reflation follows."
    assert mend_spelling("It flows past Chillas.") == "It flows past Chillas."  # a name inside a sentence
    assert mend_spelling("chyme leaves the stomach") == "chyme leaves the stomach"


def test_a_statement_is_never_made_false_by_a_bare_not() -> None:
    notes = (
        "# Magnets\n\nA magnet attracts iron and nickel.\n\nMagnets lose their strength when heated strongly.\n\n"
        "Like poles of two magnets repel each other.\n\nA compass needle points to the magnetic north.\n"
    )
    bank = generate_bank(parse_markdown(notes, title="Magnets"))[0]
    statements = [q.prompt for q in bank.questions if q.type == "truefalse"]
    assert not [s for s in statements if re.search(r"\b(?:not|n't)\b", s)], statements


def test_a_participle_after_its_noun_or_a_side_word_is_no_finite_verb() -> None:
    assert not has_verb("J-shaped, upper left part of the abdomen.")
    assert not has_verb("opening into the stomach guarded by a sphincter")
    assert has_verb("He left Delhi in 1540.")
    assert has_verb("The bill passed by the house became law.")


def test_the_notes_common_shorthand_is_written_out_in_questions() -> None:
    from quizapp.generate.nouns import mend_spelling

    assert mend_spelling("set up by the govt in 1977, approx 4 yrs b/w them") == (
        "set up by the government in 1977, approximately 4 years between them"
    )
    assert mend_spelling("added by 42nd Amd") == "added by 42nd Amendment"
    assert mend_spelling("SELECT dept_id FROM students") == "SELECT dept_id FROM students"


def test_a_point_that_does_not_name_the_thing_above_it_is_led_by_that_thing() -> None:
    notes = (
        "# Banking\n\n## Reserve Bank\n\n- Headquarters moved from Kolkata to Mumbai in 1937.\n"
        "- Nationalised in 1949 after independence.\n\n## Summary\n\n- Headquarters of the State Bank moved to Mumbai in 1955.\n"
    )
    prompts = [q.prompt for q in generate_bank(parse_markdown(notes, title="Banking"))[0].questions]
    assert "Reserve Bank: Headquarters moved from Kolkata to Mumbai in ____." in prompts, prompts
    assert not [p for p in prompts if p.startswith("Summary")], prompts  # a part of the notes, no thing
