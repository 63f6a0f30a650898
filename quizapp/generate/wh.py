"""Wh-questions: "When did …?", "How much …?", "What rank …?" made from a sentence and the value it states."""

from __future__ import annotations

import re

from quizapp.generate.facts import Fact

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


_REDUCED_RELATIVE = re.compile(
    r"(?P<name>“[^”]+”|‘[^’]+’|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*|(?:(?<=\bthe\s)|(?<=,\s))[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}(?=\s\([A-Z]))"
    r"(?P<acr>\s\([A-Z]{2,}\))?"
    r"(?:\s(?:was|were))?\s(?P<verb>announced|launched|signed|started|established|founded|held|conducted|set up|formed|created)"
    r"(?P<place>\s(?:in|at|off)\s(?:the\s)?[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)?"
    r"\s(?P<prep>in|on|from)$"
)
"""A name and the event that dates it: "… the “Malabar 2019” held from", "… exercise (MINEX) held in Japan in"."""


_EVENT_NOUNS = (
    "consultations|talks|meeting|meetings|summit|summits|conference|visit|exercise|exercises|elections|election|"
    "dialogue|negotiations|games|festival|session"
)
EVENT = re.compile(
    rf"\bthe\s(?:recent\s|last\s|latest\s)?(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)+(?:\s(?:{_EVENT_NOUNS}))?)"
    r"(?P<place>\s(?:in|at)\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)?$",
)
"""A named event closing the words before its date: "… the recent Japan-India-Australia-US Foreign Ministerial
consultations in New York" (in September 2019)."""


def event_question(name: str, place: str | None = None) -> str | None:
    """ "When were the X consultations held in New York?"; None unless the name ends in a word for an event."""
    last = name.split()[-1]
    if not re.fullmatch(_EVENT_NOUNS, last.lower()):
        return None
    verb = "were" if last.lower().endswith("s") and not last.lower().endswith("ss") else "was"
    return f"When {verb} the {name} held{place or ''}?"


def when_question(text: str, fact: Fact) -> str | None:
    """ "X established Y on DATE." → "When did X establish Y?"; "X was held in DATE" → "When was X held?"."""
    body = _LABEL.sub("", text[: fact.start]).rstrip()
    after = text[fact.end :].strip()
    if after not in ("", ".") or not re.search(r"\s(?:on|in)$", body):
        if fact.kind == "year" and re.search(r"\ssince$", body):
            m = re.match(r"^(?P<subj>[A-Z][\w\s’'-]*?) has been (?P<ing>\w+ing) (?P<rest>.+?) since$", body)
            if m:
                return f"Since when has {m['subj']} been {m['ing']} {_clean(m['rest'])}?"
        m = _REDUCED_RELATIVE.search(body)
        if m and (m["name"].startswith(("“", "‘")) or m["acr"] or len(m["name"].split()) >= 2):
            name = re.sub(r"^The\s", "", m["name"].strip())
            acronym = m["acr"] if m["acr"] and name[:1].islower() else ""  # a lowercase name is clearer with it
            what = f"{name}{acronym} {m['verb']}{m['place'] or ''}"
            if fact.kind == "year":
                return f"In which year was the {what}?" if m["prep"] == "in" else None
            return f"When was the {what}?"
        return None
    body = re.sub(r"\s(?:on|in)$", "", body)
    event = EVENT.search(body)
    if event:
        return event_question(event["name"], event["place"])
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
