"""Question builders: from a sentence and its facts to cloze, mcq, short, truefalse, flashcard and list questions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from quizapp.generate.distractors import choose_distractors, name_variants
from quizapp.generate.facts import MONTHS, NAME_KINDS, Fact

BLANK = "____"


@dataclass(slots=True)
class Draft:
    """A question before ids, filtering and ranking."""

    type: str
    prompt: str
    answer: str
    tags: list[str]
    fact: Fact | None = None
    choices: list[str] | None = None
    items: list[str] | None = None
    accept: list[str] = field(default_factory=list)
    explanation: str | None = None
    score: float = 1.0
    """Higher is better; the filter keeps the best drafts of each fact."""


@dataclass(slots=True)
class SentenceContext:
    """A sentence ready for questions: its text (a leading pronoun already resolved) and its facts."""

    text: str
    source: str
    """The sentence exactly as in the notes, for `source.text`."""
    line: int
    topic: str
    facts: list[Fact]
    pool: list[Fact]
    """Every fact of the document, for distractors."""
    block_text: str
    """The sentence's whole block: a false statement must not be true elsewhere in it."""
    leans_back: bool = False
    """The sentence opened with "In this regard," or the like: only its topic can stand in for what it points at,
    so it gives blanks with the topic before them, and no true/false statement."""


def cloze(text: str, fact: Fact) -> str:
    return text[: fact.start] + BLANK + text[fact.end :]


# -- wh-questions -------------------------------------------------------------------------------

PAST_TO_BASE = {
    "established": "establish",
    "signed": "sign",
    "launched": "launch",
    "started": "start",
    "announced": "announce",
    "held": "hold",
    "founded": "found",
    "formed": "form",
    "created": "create",
    "began": "begin",
    "joined": "join",
    "adopted": "adopt",
    "conducted": "conduct",
    "opened": "open",
    "inaugurated": "inaugurate",
    "visited": "visit",
    "agreed": "agree",
    "commenced": "commence",
    "introduced": "introduce",
    "organised": "organise",
    "organized": "organize",
    "hosted": "host",
    "declared": "declare",
    "released": "release",
    "completed": "complete",
    "approved": "approve",
    "passed": "pass",
    "enacted": "enact",
    "ratified": "ratify",
    "won": "win",
    "became": "become",
    "abolished": "abolish",
    "merged": "merge",
    "discovered": "discover",
    "invented": "invent",
    "published": "publish",
}
"""Verbs whose event a date can be asked about ("When did X establish Y?"), with their base forms.
A list, not a rule: English past tenses are too irregular to undo by suffix without mistakes."""


def base_form(verb: str) -> str | None:
    """The infinitive of a past-tense verb ("established" → "establish"), or None if unknown."""
    return PAST_TO_BASE.get(verb)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,")


_LABEL = re.compile(r"^[A-Z][\w\s-]{0,30}:\s")


def when_question(text: str, fact: Fact) -> str | None:
    """ "X established Y on DATE." → "When did X establish Y?"; "X was held in DATE" → "When was X held?"."""
    body = _LABEL.sub("", text[: fact.start]).rstrip()
    after = text[fact.end :].strip()
    if after not in ("", ".") or not re.search(r"\s(?:on|in)$", body):
        if fact.kind == "year" and re.search(r"\ssince$", body):
            m = re.match(r"^(?P<subj>[A-Z][\w\s’'-]*?) has been (?P<ing>\w+ing) (?P<rest>.+?) since$", body)
            if m:
                return f"Since when has {m['subj']} been {m['ing']} {_clean(m['rest'])}?"
        m = re.search(
            r"(?P<name>[A-Z][\w\s-]+?)(?: \([A-Z]+\))? (?P<verb>announced|launched|signed|started|established|founded|held|set up|formed|created) in$",
            body,
        )
        if m and fact.kind == "year":
            return f"In which year was the {m['name'].strip()} {m['verb']}?"
        return None
    body = re.sub(r"\s(?:on|in)$", "", body)
    if len(body.split()) > 14 or re.search(r"\b(?:since|which|that|who|whose|to)\b", body):
        return None  # the date may belong to a clause, not to the main verb
    passive = re.match(r"^(?P<subj>.+?) (?P<aux>was|were) (?P<verb>\w+)(?P<rest>.*)$", body)
    if passive and passive["verb"] in PAST_TO_BASE and _plain_subject(passive["subj"]):
        return (
            f"When {passive['aux']} {_lower_article(_clean(passive['subj']))} {passive['verb']}{passive['rest']}".rstrip()
            + "?"
        )
    words = body.split()
    for index, word in enumerate(words[1:], start=1):
        verb = base_form(word)
        if verb and words[0][:1].isupper() and index + 1 < len(words) and _plain_subject(" ".join(words[:index])):
            subject = _lower_article(" ".join(words[:index]))
            return f"When did {subject} {verb} {_clean(' '.join(words[index + 1 :]))}?"
    return None


def _plain_subject(subject: str) -> bool:
    """A subject a question can be built on: a short noun phrase, not a clause with its own verb or values."""
    words = subject.split()
    return 0 < len(words) <= 7 and not re.search(r"\d|[$₹¥€£%]|\b(?:and|but|or)$", subject)


def _lower_article(subject: str) -> str:
    """ "The Ministers" inside a question reads "the Ministers"."""
    return re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), subject)


def how_much_question(text: str, fact: Fact) -> str | None:
    """ "$90 billion has gone into X." → "How much has gone into X?"."""
    if fact.start != 0:
        return None
    m = re.match(r"^\s(?P<aux>has|have|had|was|were|is)\s(?P<rest>.+?)\.?$", text[fact.end :])
    return f"How much {m['aux']} {m['rest']}?" if m else None


def rank_question(text: str, fact: Fact) -> str | None:
    before, after = text[: fact.start], text[fact.end :].strip().rstrip(".")
    m = re.match(r"^(?P<pre>.*?,\s)?(?P<subj>[A-Z][\w\s-]*?) ranks\s$", before)
    if m and not after:
        pre = m["pre"] or ""
        return f"{pre}what rank does {m['subj']} hold?" if pre else f"What rank does {m['subj']} hold?"
    m = re.match(r"^(?P<pre>.*?,\s)?(?P<subj>[A-Z][\w\s-]*?) is at\s$", before)
    if m and after.startswith("position"):
        rest = after[len("position") :].strip()
        pre = m["pre"] or ""
        lead = "at which position" if pre else "At which position"
        return f"{pre}{lead} is {m['subj']} {rest}".rstrip() + "?"
    return None


def wh_question(text: str, fact: Fact) -> str | None:
    if fact.tag == "date":
        return when_question(text, fact)
    if fact.tag == "money":
        return how_much_question(text, fact)
    if fact.tag == "rank":
        return rank_question(text, fact)
    return None


# -- builders -----------------------------------------------------------------------------------


def _mcq(ctx: SentenceContext, fact: Fact, prompt: str, seed: str) -> Draft | None:
    wrong = choose_distractors(fact, ctx.pool, seed=seed, banned=[ctx.text])
    if len(wrong) < 3:
        return None
    return Draft("mcq", prompt, fact.text, [fact.tag], fact, choices=[fact.text, *wrong], score=1.2)


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
        if fact.kind == "quantity" and re.search(r"\btop\s$", ctx.text[: fact.start]):
            continue  # "top 25 countries" sizes a list; it is not a fact to learn
        blanked = cloze(ctx.text, fact)
        if ctx.leans_back:
            blanked = f"{ctx.topic}: {blanked[:1].lower()}{blanked[1:]}"
        wh = wh_question(ctx.text, fact)
        mcq = None if comparative else _mcq(ctx, fact, blanked, seed)
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
                ctx, fact, allow_false=not comparative and fact.tag != "name", force_false=stated
            )
            stated = stated or any(d.answer == "True" for d in statement)
            drafts.extend(statement)
    return drafts


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


def _sentence_case(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def acronym_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """ "What does ACR stand for?": typed when the expansion is short enough to type, else a flashcard.

    The other direction (expansion → acronym) is never asked: the expansion spells the acronym out.
    """
    acronym, expansion = fact.text, fact.value[0]
    prompt = f"What does {acronym} stand for?"
    kind = "short" if len(expansion.split()) <= 4 else "flashcard"
    return [Draft(kind, prompt, expansion, ["acronym"], fact, score=1.4)]


def definition_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """A term → definition card, unless a list question of the sentence already asks the same."""
    definition, verb = fact.value
    if any(f.kind == "list" and f.value[0] == "between" for f in ctx.facts):
        return []
    if definition.startswith("under which "):
        back = "Under it, " + definition[len("under which ") :]
        front = f"What is the {fact.text}?" if verb != "is" else fact.text
    else:
        back = _sentence_case(definition)
        front = fact.text
    return [Draft("flashcard", front, back.rstrip(".") + ".", ["definition"], fact, score=1.1)]


_NOUN_STOP = {
    "for",
    "of",
    "to",
    "in",
    "on",
    "with",
    "from",
    "by",
    "at",
    "and",
    "or",
    "the",
    "a",
    "an",
    "some",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "support",
    "interest",
}


def _list_noun(before: str) -> str | None:
    """The noun phrase an enumeration belongs to: "projects like …" → "projects"."""
    words = before.split()
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in _NOUN_STOP or word.endswith((",", ":")):
            break
        phrase.insert(0, word)
        if len(phrase) == 5:
            break
    return " ".join(phrase) if phrase else None


def _makes_list(fact: Fact, ctx: SentenceContext) -> bool:
    """Whether an enumeration becomes a list question ("between X and Y" only when it lists members)."""
    return fact.value[0] != "between" or (len(fact.value[1]) >= 3 and any(f.kind == "definition" for f in ctx.facts))


def list_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    trigger, items, trigger_start = fact.value
    items = list(items)
    n = len(items)
    blanked = cloze(ctx.text, fact)
    definition = next((f for f in ctx.facts if f.kind == "definition"), None)
    if not _makes_list(fact, ctx):
        return []  # "between X and Y" names a relation, not a set worth listing
    if trigger == "between" and definition is not None:
        prompt = f"Who are the {n} members of the {definition.text}?"
    else:
        before = ctx.text[:trigger_start].strip()
        if trigger in ("include", "includes"):
            noun = _LABEL.sub("", before).strip()
            if noun and not noun.split()[0].isupper():
                noun = noun[:1].lower() + noun[1:]
        else:
            noun = _list_noun(before)
            if noun and before.startswith(noun) and not noun.split()[0].isupper():
                noun = noun[:1].lower() + noun[1:]  # "Organelles such as …" opens the sentence
        if noun and len(noun.split()) <= 6:
            noun = re.sub(r"^(?:\S+[’']s|the|a|an|some|these|those|its|their)\s", "", noun, flags=re.IGNORECASE)
            prompt = f"Name the {n} {noun} mentioned: “{blanked}”"
        else:
            prompt = f"Name the {n} items that fill the blank: “{blanked}”"
    answer = ", ".join(items[:-1]) + " and " + items[-1]
    return [Draft("list", prompt, answer, ["list"], fact, items=items, score=1.3)]


def truefalse_questions(
    ctx: SentenceContext, fact: Fact, *, allow_false: bool, force_false: bool = False
) -> list[Draft]:
    """The sentence as a statement: as written (True), or with the fact swapped for a wrong one (False).

    Which of the two is stable per fact and about even over a bank, so "always False" is no strategy.
    """
    statement = ctx.text if ctx.text.endswith((".", "!", "?")) else ctx.text + "."
    if len(re.findall(r"\w+", statement[: fact.start] + statement[fact.end :])) < 3:
        return []  # "Rs 500 crore." states nothing beyond its value
    seed = f"tf\x1f{ctx.source}\x1f{fact.text}"
    if allow_false and (force_false or _coin(seed, 2)):
        wrong = choose_distractors(fact, ctx.pool, seed=seed, banned=[ctx.block_text], n=1)
        if wrong:
            false = statement[: fact.start] + wrong[0] + statement[fact.end :]
            explanation = f"The notes say {fact.text}, not {wrong[0]}."
            return [Draft("truefalse", false, "False", [fact.tag], fact, explanation=explanation, score=0.9)]
    if force_false:
        return []
    return [Draft("truefalse", statement, "True", [fact.tag], fact, score=0.8)]
