"""Question builders: from a sentence and its facts to cloze, mcq, short, truefalse, flashcard and list questions."""

from __future__ import annotations

import hashlib
import re

from quizapp.generate.distractors import choose_distractors, name_variants
from quizapp.generate.draft import BLANK, Draft, SentenceContext, cloze
from quizapp.generate.facts import MONTHS, NAME_KINDS, Fact
from quizapp.generate.lists import _NOUN_STOP, _makes_list, list_questions
from quizapp.generate.nouns import readings
from quizapp.generate.terms import acronym_questions, definition_questions
from quizapp.generate.wh import wh_question

__all__ = ["BLANK", "Draft", "SentenceContext", "cloze", "fact_questions"]

# -- builders -----------------------------------------------------------------------------------


def _mcq(ctx: SentenceContext, fact: Fact, prompt: str, seed: str) -> Draft | None:
    wrong = choose_distractors(fact, ctx.pool, seed=seed, banned=[ctx.text])
    if len(wrong) < 3:
        return None
    return Draft("mcq", prompt, fact.text, [fact.tag], fact, choices=[fact.text, *wrong], score=1.2)


_APPROXIMATE = re.compile(
    r"\b(?:around|about|approximately|approx\.?|nearly|roughly|some|circa|c\.|over|almost|more than|less than)\s$",
    re.IGNORECASE,
)
_COMPARATIVE = re.compile(r"\b(?:lower|higher|more|less|larger|smaller|fewer|greater|better|worse)\s+than\b")
"""A value on one side of a comparison is no single fact: other values could be true too."""


def _coin(seed: str, sides: int) -> int:
    """A stable choice among `sides` options, so regenerating gives the same questions."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8], 16) % sides


def fact_questions(ctx: SentenceContext) -> list[Draft]:
    """A few questions per fact, each asking something different.

    One question recalls the fact (a wh-question, else a cloze or an mcq on the cloze), one recognises it
    (a true or false statement), and a fact that has a wh-question also gets an mcq on its cloze.
    """
    drafts: list[Draft] = []
    comparative = bool(_COMPARATIVE.search(ctx.text))
    stated = False
    for fact in ctx.facts:
        seed = f"{ctx.source}\x1f{fact.text}"
        if fact.kind == "acronym":
            drafts.extend(acronym_questions(ctx, fact))
            continue
        if fact.kind == "definition":
            drafts.extend(definition_questions(ctx, fact))
            continue
        if fact.kind == "list":
            drafts.extend(list_questions(ctx, fact))
            continue
        if fact.tag == "name" and not _askable_name(fact, ctx):
            continue
        if fact.tag == "name" and re.search(r"\b(?:is|are|was|were)\s(?:a|an)\s$", ctx.text[: fact.start]):
            continue  # "The Vienna Convention is a ____": a category, which other names fit as well
        if fact.kind == "quantity" and re.search(r"\btop\s$", ctx.text[: fact.start]):
            continue  # "top 25 countries" sizes a list; it is not a fact to learn
        if fact.tag == "rank":
            continue  # "Japan ranks 12th": a position in a table of the day, trivia to an examiner
        if fact.tag == "date" and _month_of_a_named_year(fact, ctx.text):
            continue  # "“Malabar 2019” held in September-October 2019": the name gives the year, the rest is trivia
        blanked = cloze(ctx.text, fact)
        approximate = bool(_APPROXIMATE.search(ctx.text[: fact.start])) or bool(
            re.match(r"\s?(?:BC|BCE|B\.C\.)\b", ctx.text[fact.end :])
        )  # "1900 BC" is a round age: 1902 BC is no wrong answer anyone would weigh
        if ctx.leans_back:
            blanked = f"{ctx.topic}: {blanked[:1].lower()}{blanked[1:]}"
        wh = wh_question(ctx.text, fact)
        # "around 1500 BC": a near value is no wrong answer, so no choices and no false statement for it.
        mcq = None if comparative or approximate else _mcq(ctx, fact, blanked, seed)
        if wh:
            drafts.append(Draft("short", wh, fact.text, [fact.tag], fact, accept=_accept(fact, ctx), score=1.3))
            if mcq:
                drafts.append(mcq)
        elif mcq and _coin(seed, 2):
            drafts.append(mcq)
        else:
            drafts.append(Draft("cloze", blanked, fact.text, [fact.tag], fact, accept=_accept(fact, ctx)))
        if not ctx.leans_back:
            # One true statement per sentence; its other facts can still be asked as false ones.
            statement = truefalse_questions(
                ctx, fact, allow_false=not comparative and not approximate and fact.tag != "name", force_false=stated
            )
            stated = stated or any(d.answer == "True" for d in statement)
            drafts.extend(statement)
    if comparative and stated and not ctx.leans_back:
        drafts.extend(_reversed_comparison(ctx, drafts))
    return drafts


_OPPOSITE = {
    "lower": "higher",
    "higher": "lower",
    "more": "less",
    "less": "more",
    "fewer": "more",
    "larger": "smaller",
    "smaller": "larger",
    "greater": "smaller",
    "better": "worse",
    "worse": "better",
}


def _reversed_comparison(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """ "Exports in FY18 were lower than in FY15" stated the other way round: a false statement that is really
    false, where swapping one of the two values would not be (other values could be lower too)."""
    found = list(_COMPARATIVE.finditer(ctx.text))
    stated = {id(d.fact) for d in drafts if d.type == "truefalse"}
    fact = next((f for f in ctx.facts if f.tag in ("date", "money", "rank") and id(f) not in stated), None)
    if len(found) != 1 or fact is None:
        return []
    right = found[0].group(0)
    word = right.split()[0]
    wrong = _OPPOSITE[word.lower()] + right[len(word) :]
    statement = ctx.text if ctx.text.endswith((".", "!", "?")) else ctx.text + "."
    false = statement[: found[0].start()] + wrong + statement[found[0].end() :]
    explanation = f"The notes say {right}, not {wrong}."
    return [Draft("truefalse", false, "False", [fact.tag], fact, explanation=explanation, score=0.9)]


def _month_of_a_named_year(fact: Fact, text: str) -> bool:
    """A date with a month whose year is already in a name of the sentence ("Malabar 2019")."""
    year = re.search(r"\b(?:1[0-9]|20)\d\d\b", fact.text)
    if year is None or not re.search(r"[A-Za-z]", fact.text):
        return False
    before = text[max(0, fact.start - 60) : fact.start]
    return bool(re.search(rf"[A-Za-z][\w\s-]{{0,30}}[\s-]{year.group(0)}\b", before))


def _askable_name(fact: Fact, ctx: SentenceContext) -> bool:
    """Quoted names, names of a kind (corridors, initiatives…) and places make questions; other capitals do not.

    A name that is an item of a list in the sentence is asked through the list; a name spelled out by
    an acronym right after it ("Asia-Africa Growth Corridor (AAGR)") through the acronym.
    """
    if re.match(r"\s?\([A-Z]{2,}\)", ctx.text[fact.end :]):
        return False
    if any(f.kind == "list" and f.start <= fact.start and fact.end <= f.end and _makes_list(f, ctx) for f in ctx.facts):
        return False
    if fact.value[0] in ("place", "agent") and not any(f is not fact and f.tag != "name" for f in ctx.facts):
        return False  # "developments in the ____" could be any place: a date or amount must pin it down
    if _gives_itself_away(fact, ctx.text):
        return False
    if fact.kind == "quoted" and fact.text.islower() and len(fact.text.split()) == 1:
        found = readings(fact.text)
        if "VERB" in found and "NOUN" not in found:
            return False  # not “washed” back to Earth: a verb in quotes is no name
    return fact.kind == "quoted" or bool(fact.value[1]) or fact.value[0] in ("place", "agent")


def _gives_itself_away(fact: Fact, text: str) -> bool:
    """The name's own words stand elsewhere in the sentence, so the blank all but fills itself in."""
    rest = text[: fact.start] + " " + text[fact.end :]
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", rest)}
    parts = [
        part
        for part in re.findall(r"[A-Za-z]+", fact.text)
        if part not in NAME_KINDS and part.casefold() not in _NOUN_STOP and len(part) >= 2
    ]
    # "Japan-India-US …" names its parties: one of them in the sentence already narrows the blank to the rest.
    parties = re.findall(r"[A-Za-z]+", fact.text.split()[0]) if "-" in fact.text.split()[0] else []
    if len(parties) >= 3 and any(party.casefold() in words for party in parties):
        return True
    return bool(parts) and 2 * sum(part.casefold() in words for part in parts) > len(parts)


def _accept(fact: Fact, ctx: SentenceContext) -> list[str]:
    """Other ways of writing the answer: the other date order, the same name with its words swapped."""
    if fact.tag == "name":
        variants = name_variants(fact, ctx.pool)
        demonym = re.match(r"^[A-Z][a-z]+(?:ese|ian|an|ish|i)\s(?=\S+\s\S)", fact.text)
        if demonym:  # "Japanese Asia Health … Initiative" is also right as "Asia Health … Initiative"
            variants.append(fact.text[demonym.end() :])
        edition = re.match(r"^(?P<name>.*[A-Za-z].*?)[\s-](?:19|20)\d\d$", fact.text)
        if edition and len(edition["name"]) >= 3:  # "Malabar 2019" is the 2019 Malabar: "Malabar" is right too
            variants.append(edition["name"])
        return sorted(set(variants))
    if fact.kind == "date" and fact.value[0] == "date":
        _, day, month, year = fact.value
        return (
            [f"{MONTHS[month - 1]} {day}, {year}"]
            if not re.match(r"^[A-Za-z]", fact.text)
            else [f"{day} {MONTHS[month - 1]} {year}"]
        )
    return []


_INNER_STOP = re.compile(r"(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bNo)(?<!\bSt)(?<!\bDr)\.\s+\S")


def one_idea(statement: str) -> bool:
    """A statement to judge says one thing: one sentence of at most 25 words."""
    return len(statement.split()) <= 25 and not _INNER_STOP.search(statement.rstrip(". "))


def truefalse_questions(
    ctx: SentenceContext, fact: Fact, *, allow_false: bool, force_false: bool = False
) -> list[Draft]:
    """The sentence as a statement: as written (True), or with the fact swapped for a wrong one (False).

    Which of the two is stable per fact and about even over a bank, so "always False" is no strategy.
    """
    statement = ctx.text if ctx.text.endswith((".", "!", "?")) else ctx.text + "."
    several = sum(f.tag in ("date", "money") for f in ctx.facts) > 1 and not _COMPARATIVE.search(ctx.text)
    if not one_idea(statement) or several:
        return []  # "Babur won Khanwa in 1527 and Chanderi in 1528": which part is false, the student must guess
    if len(re.findall(r"\w+", statement[: fact.start] + statement[fact.end :])) < 3:
        return []  # "Rs 500 crore." states nothing beyond its value
    seed = f"tf\x1f{ctx.source}\x1f{fact.text}"
    if allow_false and (force_false or _coin(seed, 2)):
        # Another value the notes give, never a made-up nudge ("1st" → "11th January 1989").
        wrong = choose_distractors(fact, ctx.pool, seed=seed, banned=[ctx.block_text], n=1, invent=False)
        year = re.search(r"\b\d{4}\b", fact.text)
        if wrong and year and year.group(0) in wrong[0]:
            wrong = []  # "September 2019" for "July 2019": a month moved is no fact to judge
        if wrong:
            false = statement[: fact.start] + wrong[0] + statement[fact.end :]
            explanation = f"The notes say {fact.text}, not {wrong[0]}."
            return [Draft("truefalse", false, "False", [fact.tag], fact, explanation=explanation, score=0.9)]
    if force_false:
        return []
    return [Draft("truefalse", statement, "True", [fact.tag], fact, score=0.8)]
