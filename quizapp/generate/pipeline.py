"""Document → Bank: resolve each sentence's subject, find facts, draft questions, filter, give stable ids."""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.bank import Bank, BankQuestion, dump_bank
from quizapp.bank.ids import deck_prefix, stable_id
from quizapp.bank.load import check_text
from quizapp.documents import read_document
from quizapp.documents.model import Document, DocumentError, Sentence
from quizapp.documents.outline import Node, Outline, read_outline
from quizapp.documents.sentences import split_sentences
from quizapp.generate import ranking, shapes
from quizapp.generate.distractors import normalise
from quizapp.generate.facts import Fact, extract_facts, standalone_names
from quizapp.generate.facts.phrases import trim_dangling
from quizapp.generate.keyterms import KeyTerms, keyterm_cloze
from quizapp.generate.nouns import (
    clean_sentence,
    has_verb,
    is_generic_label,
    main_clause,
    readings,
    verb_only,
    zipf,
)
from quizapp.generate.polish import polish
from quizapp.generate.prose import (
    called_question,
    copula_question,
    fragment_definition,
    label_definition,
    means_question,
)
from quizapp.generate.quality import defects, select
from quizapp.generate.questions import BLANK, Draft, SentenceContext, fact_questions, one_idea
from quizapp.generate.repair import complete_fragment, headline_passive

_TYPE_ORDER = {"mcq": 0, "cloze": 1, "short": 2, "list": 3, "truefalse": 4, "flashcard": 5}
_PRONOUN = re.compile(r"^(?P<word>It|Its|They|Their|He|She|His|Her)\b")
_VAGUE_START = re.compile(r"^(?:This|These|Those|That)\b")
_DISCOURSE = re.compile(
    r"^(?:However|Also|Further|Furthermore|Moreover|Besides|Or|Alternatively|And|So|Finally|Notwithstanding"
    r"|Not\swithstanding|Similarly|Likewise|Additionally|In\saddition|Meanwhile|Then|Later|Now|Again|But|Yet"
    r"|As\syou\scan\ssee|As\swe\sknow|In\sshort|In\sbrief|Basically|Simply\sput),\s"
)
_ANAPHORIC = re.compile(
    r"^(?:In this regard|In this context|To this end|As a result|Thus|Hence|Therefore|Accordingly),\s"
)
"""Openings that point back at the sentence before: what follows may be no statement of its own."""
_LABEL = re.compile(r"^(?:[A-Z][\w\s'’()-]{0,40}:\s?(?=[A-Z])|[A-Z][\w'’()-]*(?:\s[\w'’()-]+){0,3}:\s(?=[a-z]))")
"""A bullet's lead-in label ("Defence ties: …"): a heading inside the sentence, not part of what it says."""
_SUBJECT = re.compile(
    r"^(?P<subj>(?:The\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,4})\s(?:is|are|was|were|has|have|had|will|can|could"
    r"|would|may|might|must|should|did|does|do|[a-z]+(?:s|ed))\b"
)
"""A sentence opening with a capitalised name and then its verb ("Bee sting causes" names no subject "Bee")."""
_FRONTED_PRONOUN = re.compile(
    r"^(?P<front>[^,]{2,60},\s|(?:In|On|At|By|During|After|Before|Since|Until|From|Within)\s[^,]{1,40}?\s)"
    r"(?P<word>it|its|they|their|he|she|his|her)\b"
)
"""A pronoun after a fronted phrase: "In August 2012, it became …" or "In August 2012 it became …"."""
_NOT_SUBJECT = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "This",
    "They",
    "There",
    "Both",
    "Its",
    "You",
    "We",
    "I",
    "One",
    "Some",
    "Many",
    "Most",
    "All",
    "Each",
    "Every",
    "Such",
    "Other",
    "Another",
    "These",
    "Those",
    "He",
    "She",
    "Your",
    "Our",
}


@dataclass
class GenerateReport:
    """What a generation found and made, for the command's summary."""

    facts: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)
    sentences: int = 0


def _subject(sentence: str) -> str | None:
    """The proper-noun subject a sentence starts with ("Japan has been …" → "Japan")."""
    m = _SUBJECT.match(sentence)
    if not m or m["subj"] in _NOT_SUBJECT or m["subj"].split()[0] in _NOT_SUBJECT - {"The"}:
        return None
    found = readings(m["subj"].lower()) if " " not in m["subj"] else frozenset()
    if "ADJ" in found and "NOUN" not in found:
        return None  # "Heavy defeats … led to": an adjective of the subject, not the subject
    return m["subj"]


def _stand_alone(text: str, previous_subject: str | None) -> str | None:
    """The sentence made to stand on its own, or None when it cannot be (a pronoun with nobody to refer to)."""
    text = _LABEL.sub("", _ANAPHORIC.sub("", _DISCOURSE.sub("", text)))
    first = text.split(" ", 1)[0]
    if first[1:] == first[1:].lower():  # "pH plays …" keeps its small p
        text = text[:1].upper() + text[1:]
    if _VAGUE_START.match(text):
        return None
    m = _PRONOUN.match(text) or _FRONTED_PRONOUN.match(text)
    if m:
        if previous_subject is None:
            return None
        possessive = m["word"].lower() in ("its", "their", "his", "her")
        replacement = previous_subject + ("’s" if possessive else "")
        front = m.groupdict().get("front") or ""
        if front and replacement.startswith("The "):
            replacement = "the " + replacement[4:]
        text = front + replacement + text[m.end() :]
    return text


@dataclass
class _Sentence:
    topic: str
    text: str
    source: str
    line: int
    block_text: str
    facts: list[Fact]


def _sentences(document: Document) -> list[_Sentence]:
    """Sentences of the notes when their shape cannot be read (a Document made without its text)."""
    out: list[_Sentence] = []
    known_names = standalone_names([sentence.text for _, _, sentence in document.sentences()])
    for section in document.sections:
        subject: str | None = None
        for block in section.blocks:
            for sentence in block.sentences:
                resolved = _resolve(sentence.text, subject, None)
                subject = _subject(resolved) if resolved is not None else None
                if resolved is None:
                    continue
                facts = extract_facts(resolved, known_names)
                topic = section.heading or document.title
                out.append(_Sentence(topic, resolved, sentence.text, sentence.line, block.text, facts))
    return out


def _resolve(
    text: str, previous_subject: str | None, parent_subject: str | None, lowercase: frozenset[str] = frozenset()
) -> str | None:
    """The sentence made to stand alone: its pronoun resolved from the sentence before, else the item above;
    a point without its subject ("Discovered by … in 1921.") given the item's name."""
    completed = complete_fragment(text, parent_subject)
    if completed is not None:
        text = completed
    demonstrative = _THIS_IS.match(text)
    if demonstrative and parent_subject and not previous_subject:
        text = parent_subject + text[demonstrative.end("word") :]  # "This is the law of …" under "2nd Law"
    pronoun = _PRONOUN.match(text) or _FRONTED_PRONOUN.match(text)
    if pronoun and not previous_subject and parent_subject:
        word = pronoun["word"].lower()
        plural = parent_subject.split()[-1].lower().endswith("s")
        person = all(w[:1].isupper() for w in parent_subject.split()) and not any(
            w.lower() in lowercase for w in parent_subject.split()
        )
        if (
            (word in ("he", "she", "his", "her") and not person)
            or (word in ("they", "their")) != plural
            and not (word in ("he", "she", "his", "her"))
        ):
            parent_subject = None  # a heading is no person, and "they" needs a plural name
    resolved = _stand_alone(text, previous_subject or parent_subject)
    return headline_passive(trim_dangling(resolved)) if resolved is not None else None


def _outline_sentences(
    document: Document, outline: Outline, skip: set[int], extra: list[shapes.Placed]
) -> list[_Sentence]:
    """Sentences of every text, item and row of the notes but those the structure already asks about; the
    cards of labelled paragraphs go to `extra`."""
    out: list[_Sentence] = []
    units: list[tuple[Node, list[tuple[int, str]], str | None]] = []
    members = shapes.list_members(outline)
    for node in outline.nodes:
        if node.kind == "heading" or node.line in skip or id(node) in members:
            continue  # a list's items are asked through their list; a mind map's numbered points are labels
        parts, subject = node.parts, shapes.subject_of(node)
        pair = shapes.split_pair(node)
        if pair is not None:
            if len(pair.body.split()) < 6 or not has_verb(main_clause(pair.body)):
                continue  # the pair's own questions ask it; a definition without a verb is no sentence
            if (
                not pair.label
                and normalise(pair.term) not in normalise(pair.body)
                and _NOUN_PHRASE_START.match(pair.body)
            ):
                continue  # "Dictionary – a collection of … written in { }": its subject is the term, not said
            parts, subject = [(node.line, pair.body)], (pair.term if not pair.label else subject)
        units.append((node, parts, subject))
    known_names = standalone_names([text for _, parts, _ in units for _, text in parts])
    # A name the notes never write in lower case may be a person's, whom "he" or "she" can stand for.
    lowercase = frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", document.text or ""))
    # Names the notes only ever capitalise but for a slip ("India" ten times, "india" once).
    capitalised = Counter(re.findall(r"\b[A-Z][a-z]{2,}\b", document.text or ""))
    lowered = Counter(re.findall(r"\b[a-z]{3,}\b", document.text or ""))
    proper = frozenset(
        word
        for word, count in capitalised.items()
        if count >= max(3, 3 * lowered[word.lower()]) and not readings(word.lower()) and zipf(word.lower()) < 6
    )  # "The" opens many sentences and is no name
    previous: str | None = None
    previous_text = ""
    last_parent: Node | None = None
    seen_under: set[int] = set()
    plural_by_section: dict[int, str] = {}
    for node, parts, parent_subject in units:
        block_text, sentences = split_sentences(parts)
        sentences = _rejoin(sentences)
        topic = _topic(node, document)
        if node.parent is not last_parent:
            previous, last_parent = None, node.parent  # a subject is lent only among the points of one parent
        noted = bool(_NOTE_LABEL.match(node.text)) and node.parent is not None and node.parent.kind == "item"
        if node.parent is not None and id(node.parent) in seen_under and node.kind != "item" and not noted:
            parent_subject = None  # a heading or an item names what its first paragraph is about, not every
            # later one; each point of a list right under it is about it, and so is a "Note:" under an item
        if node.kind == "item" and sentences and parent_subject:
            for draft in fragment_definition(_noun_subject(parent_subject), sentences[0].text):
                extra.append(shapes.Placed(draft, node.line, node.text, topic, f"fragment:{node.line}"))
        if node.parent is not None:
            seen_under.add(id(node.parent))
        if len(sentences) >= 2 and node.kind == "text" and _is_label(sentences[0].text):
            # "Balanced forces. When two or more forces …": the opening name is what the paragraph defines.
            label = sentences[0].text
            card = label_definition(label, sentences[1].text)
            if card is not None:
                extra.append(shapes.Placed(card, sentences[1].line, node.text, topic, f"label:{node.line}"))
            if not is_generic_label(label.rstrip(".")):
                parent_subject = re.sub(r"\s*\([^)]*\)", "", label.rstrip(".")).strip()
            sentences = sentences[1:]
        for position, sentence in enumerate(sentences):
            if len(sentence.text) > 1200:
                continue  # a run-on line is no sentence a question can quote
            # The first sentence of a point is about the item it hangs under; a later one about what the
            # sentence before it was about.
            parent = _noun_subject(parent_subject) if position == 0 else None
            lent = previous if position or not parent else None
            people = plural_by_section.get(id(node.heading()))
            if (
                lent is None
                and parent is None
                and people
                and re.match(r"(?:They|Their)\b", sentence.text)
                and not _PASSIVE_THEY.match(sentence.text)
            ):
                lent = people  # "They used binary numbering" a few points after "Harappans had developed …"
            if lent and _PASSIVE_THEY.match(sentence.text) and lent[:1].isupper() and lent.lower() not in lowercase:
                lent = None  # "They might have been used for weighing …" after "Harappans used …": the weights
            resolved = _resolve(sentence.text, lent, parent, lowercase)
            previous = _subject(resolved) if resolved is not None else None
            if previous and " " not in previous and previous.endswith("s") and previous.lower() not in lowercase:
                plural_by_section[id(node.heading())] = previous  # a people or a group named in the plural
            previous_text = sentence.text
            if resolved is None or not _complete(resolved) or _INSTRUCTION.match(resolved):
                continue
            sloppy = not clean_sentence(resolved, names=proper)
            if _RELATIVE_TIME.search(resolved) or _FURNITURE.search(resolved) or sloppy:
                continue  # "the following month" is known only from the sentence before; "Class 9 … QAs" is a
                # page; a misspelt or shorthand line ("maj of then membership. 14day notice") is no model
            if _points_back(resolved, previous_text):
                continue  # "The committee was tasked …" right after the committee was named: which committee?
            facts = extract_facts(resolved, known_names)
            if _PRONOUN_START.match(sentence.text):
                # "It is a yellow-white solid …" under "Properties and uses": what "it" is was lent, not said,
                # so no definition of it is taken from here.
                facts = [fact for fact in facts if fact.kind != "definition"]
            out.append(_Sentence(topic, resolved, sentence.text, sentence.line, block_text, facts))
    return out


_PASSIVE_THEY = re.compile(r"^They\s(?:\w+\s){0,2}?(?:be|been|are|were)\s(?:\w+ly\s)?\w+(?:ed|en|wn)\b")
"""“They might have been used for weighing …”: things done to, not the people who did."""
_NOTE_LABEL = re.compile(r"^(?:Note|NB|N\.B\.|Remember|Also)\s?:", re.IGNORECASE)
_NOUN_PHRASE_START = re.compile(r"^(?:(?:A|An|The|a|an|the)\s)?[a-z]")
"""A right side that opens as a noun phrase ("a collection of …"): a definition whose subject is the term."""
_PRONOUN_START = re.compile(r"^(?:It|They|He|She|This|These)\b")


_UNRESOLVED = re.compile(r"\b(?:his|her|he|she|him)\b", re.IGNORECASE)
"""A pronoun left inside a sentence ("built by his widow"): whose, the question would not say."""
_DASH_LABEL = re.compile(r"^[^–—.!?]{1,25}\s[–—-]\s")
"""“28% – Many high end items …”: a row of a table set out with a dash, not a sentence."""
_ABBREVIATION_END = re.compile(
    r"\b(?:Pvt|Ltd|Co|Corp|Inc|vs|v|Dr|Mr|Mrs|Ms|St|No|Nos|esp|etc|viz|approx|Govt|Dept|Art|Sec|Fig|Vol)\.$"
)


def _rejoin(sentences: list[Sentence]) -> list[Sentence]:
    """Pieces the splitter cut after an abbreviation (", the Supreme Court …" after "Pvt. Ltd. (2022)")
    joined back to the sentence they belong to."""
    out: list[Sentence] = []
    for sentence in sentences:
        after_abbreviation = bool(out) and bool(_ABBREVIATION_END.search(out[-1].text))
        if out and (sentence.text[:1] in ",;:)" or sentence.text[:1].islower() or after_abbreviation):
            out[-1] = Sentence(f"{out[-1].text} {sentence.text}".replace(" ,", ","), out[-1].line)
        else:
            out.append(sentence)
    return out


_DEFINITE = re.compile(r"^The\s(?P<noun>[a-z][a-z-]+)\b")


_DOCUMENT_NOUN = re.compile(
    r"^The\s(?:Article|Protocol|Act|Bill|Convention|Amendment|Treaty|Agreement|Section|Clause|Schedule|Committee"
    r"|Commission|Council|House|Assembly|Court|Ministry|Department|Report|Resolution|Scheme|Policy|Mission)\b"
    r"(?!\s(?:of|on|for)\b|\s[A-Z0-9])"
)


def _points_back(text: str, before: str) -> bool:
    """A sentence whose subject is "the <noun>" named in the sentence before, or a document named only as "The
    Article", "The Protocol": an answer to "which one?" that the question would not carry."""
    if _DOCUMENT_NOUN.match(text):
        return True
    match = _DEFINITE.match(text)
    if match is None or not before:
        return False
    noun = match["noun"]
    return bool(re.search(rf"\b(?:a|an|one|this|that)\s(?:[\w-]+\s){{0,3}}?{re.escape(noun)}\b", before, re.IGNORECASE))


def _noun_subject(subject: str | None) -> str | None:
    """An item's or heading's name that can stand in for "it"/"they": a short name, not a question."""
    subject = re.sub(r"\s*\([^)]*\)", "", subject or "").strip()
    if re.search(r",|\sand\s|&|:", subject) or subject.isupper() and len(subject) > 6:
        return None  # "Seals, Sealing and Scripts", "INDUS SITES": a section's name, not one thing "it" can be
    if not subject or subject.endswith("?") or len(subject.split()) > 5:
        return None
    return subject[:1].upper() + subject[1:]


_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|may|might|must|shall|should"
    r"|became|become|began|begin|made|make|took|take|gave|give|won|lost|led|fought|built|wrote|came|went|rose|fell"
    r"|grew|found|held|left|met|ran|saw|set|sent|stood|told|brought|chose|drew|knew|lay|paid|said|sold|spoke"
    r"|spent|struck|taught|thought|threw|bore|split|put|let|cut|hit|kept|lead|form|occur|move|act)\b"
    r"|\b[a-z]{2,}(?:s|ed|en)\b",
    re.IGNORECASE,
)


_MODALS = frozenset(["can", "could", "may", "might", "must", "will", "would", "shall", "should", "cannot"])


def _complete(text: str) -> bool:
    """A sentence a question can be cut from: some words, not a stray label or formula nor a clause cut short."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    opening = text.lstrip("\"'“‘(")[:1]
    first = words[0] if words else ""
    if (verb_only(first) or first.lower() in _MODALS) and text.split()[0].isalpha():
        return False  # "Presides over joint sitting …", "Can travel through solids only.": no subject given
    counted = len(words) + (1 if re.search(r"\d", text) else 0)  # "Babur died in 1530." says enough
    return counted >= 4 and not opening.islower()


_POINTING = re.compile(
    r"\b(?:this|these|those|such|above|below|following|former|latter)\b|^(?:It|They|Them|He|She|His|Her|Its|Their)\b"
    r"|^(?:The\s)?(?:other|same|remaining|rest|latter|former|members|both|two)\b"
    r"|^(?:The\s)?(?:first|second|third|fourth|fifth|last|next|previous)[\s-](?:phase|group|stage|part|step|one|half)",
    re.IGNORECASE,
)


_FRAGMENT_START = re.compile(
    r"^(?:[\w'’-]+\s){1,4}?(?:that|which|who|whose|where)\b"
    r"|^(?:[A-Z][\w'’-]*\s){1,3}[a-z]+ed\sand\s[a-z]+ed\b"  # "Robespierre arrested and guillotined": no "was"
    r"|^(?:Because|Since|Although|Though|Unless|If|When|While|Whereas)\b(?!.*,\s)"
)
"""“Organisms that can produce their own food …”: a definition's noun phrase, no statement."""


def _names_something(text: str, lowercase: frozenset[str]) -> bool:
    """Whether a sentence names what it is about: a name inside it, a number, or a first word the notes never
    write in lower case ("Harappans had …"), rather than only common nouns ("Decisions require …")."""
    words = text.split()
    if any(word[:1].isupper() for word in words[1:]) or re.search(r"\d", text):
        return True
    first = re.sub(r"[^\w'’-]", "", words[0]).lower() if words else ""
    if first in _COMMON_OPENERS or not first:
        return False
    second = re.sub(r"[^\w'’-]", "", words[1]).lower() if len(words) > 1 else ""
    if (
        second
        and second not in _COMMON_OPENERS
        and second not in ("job", "part", "point", "thing", "way", "idea", "reason", "aim")
        and (second == "of" or not has_verb(f"{words[0]} {words[1]}"))
        and "NOUN" in readings(first) | readings(second.rstrip("s"))
        and first not in ("main", "other", "same", "first", "second", "third", "last", "next", "such")
    ):
        return True  # "Plate movement is driven by …", "Radius of circle is …": a subject of its own
    # "Main job is …": a word of everyday English, which the notes may just not happen to write in lower case.
    return first not in lowercase and not readings(first)


_COMMON_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "there",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "no",
        "some",
        "many",
        "most",
        "all",
    ]
)


def _from_capitals(text: str, lowercase: frozenset[str]) -> str:
    """A heading in capitals as running text: a word the notes write in lower case goes to lower case, a short
    one they never do stays an acronym ("PDU"), the first word takes a capital."""
    words = [
        word.lower() if word.lower() in lowercase else word if len(word) <= 4 else word.capitalize()
        for word in text.split()
    ]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _context_name(topic: str, title: str, lowercase: frozenset[str] = frozenset()) -> str | None:
    """A heading that names what a sentence is about ("Rajya Sabha", "Kigali Amendment"), short enough to stand in
    front of it; not a question, a label, nor a section's description ("Layers of the OSI model and their
    functions", "Causes of ozone depletion", "Practice questions"), which reads as part of the statement."""
    for text in (topic, title):
        clean = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(":.")
        if clean.isupper() and len(clean) > 4:
            clean = _from_capitals(clean, lowercase)  # "SMALL INTESTINE" → "Small intestine"
        words = clean.split()
        if not 1 <= len(words) <= 4 or clean.endswith("?") or is_generic_label(clean):
            continue
        if re.search(r":|\s(?:and|&|vs\.?|or)\s|,", clean) or is_generic_label(words[0]) or is_generic_label(words[-1]):
            continue  # "Earthquake waves: fact cards", "Seals and Scripts", "Types of inertia", "Key facts"
        if clean[:1].isdigit() or _INSTRUCTION.match(clean):
            continue  # "05 Acids Bases Salts" is a file's name; "Define light reaction …" an exercise
        return clean
    return None


def _said(context: str, text: str) -> bool:
    """Whether a sentence already names its heading ("Acids are corrosive" under "Acids"): no need to say it twice."""
    words = {word[:5] for word in re.findall(r"[a-z]{3,}", context.lower())}
    return bool(words) and words <= {word[:5] for word in re.findall(r"[a-z]{3,}", text.lower())}


def _statement(text: str) -> bool:
    """A sentence that can stand as a true statement: a verb, one idea in 5 to 25 words, nothing that points elsewhere."""
    words = text.split()
    return (
        not _UNRESOLVED.search(text)
        and 5 <= len(words)
        and one_idea(text)
        and has_verb(main_clause(text))
        and not _POINTING.search(text)
        and not text.rstrip(". ").endswith((":", "?"))
        and not _FRAGMENT_START.match(text)
        and not re.search(r"\s[-–—]\s", text)
        and not _NORMATIVE.search(text)
    )


_UNNAMED = re.compile(
    r"\b(?:the|both|two|all)\s(?:two\s)?(?:ministers|leaders|delegates|officials|parties|participants|sides|signatories"
    r"|representatives|delegations|heads)\b(?!\sof\b)",
    re.IGNORECASE,
)
"""“The Ministers welcomed …”, “Both sides are …”: people the notes never name, so a sentence quoted with them says
less than it seems; its facts are still asked by questions that leave them out ("When were … held?")."""
_NORMATIVE = re.compile(r"\b(?:must|should|ought\sto|needs?\sto|has\sto|have\sto)\s(?:\w+\s)?\w+", re.IGNORECASE)
"""“Both countries must endeavour to …”: advice, which no student would call false; judging it tests nothing."""


def _dominant_words(texts: list[str]) -> list[str]:
    """The words a fifth of the notes' sentences use: what the notes are about ("ozone", "Harappan"), a blank
    anyone can fill."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({word.casefold() for word in re.findall(r"[^\W\d_]{4,}", text)})
    floor = max(3, len(texts) // 5)
    return [word for word, count in counts.items() if count >= floor and zipf(word) < 5.5]


def _subject_words(topic: str, title: str) -> str:
    """The words a blank must not take: the section's heading, and the notes' title when it names one subject
    ("Ozone Layer Depletion"), not when it names several ("Lok Sabha and Rajya Sabha"), any of which can be the
    answer."""

    def several(text: str) -> bool:
        return bool(re.search(r"\s(?:and|vs\.?|versus|than|&)\s|,", text.split(":")[-1]))

    return " ".join(text for text in (topic, title) if not several(text))


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s(?:of\s(?:the\s)?)?[A-Z][a-z]+){1,3}\b")


def _repeated_names(sentences: list[_Sentence]) -> list[str]:
    """Names of two to four capitalised words the notes use more than once ("Money Bill", "Rajya Sabha"):
    what the notes keep naming is what they are about."""
    counts = Counter(match.group(0) for sentence in sentences for match in _NAME.finditer(sentence.text))
    return [name for name, count in counts.items() if count >= 2]


def _pair_terms(outline: Outline) -> list[str]:
    pairs = (shapes.split_pair(node) for node in outline.nodes if node.kind in ("item", "text"))
    return [pair.term for pair in pairs if pair is not None and not pair.label]


def _topic(node: Node, document: Document) -> str:
    heading = node.heading()
    return heading.text if heading is not None else document.title


def generate_bank(
    document: Document, *, deck: str | None = None, source: str | None = None
) -> tuple[Bank, GenerateReport]:
    """A bank of questions from a document; the same document always gives the same bank."""
    deck_name = deck or document.title
    prefix = deck_prefix(deck_name)
    report = GenerateReport()
    placed: list[shapes.Placed] = []
    if document.text is not None:
        outline = read_outline(document.text, markdown=document.markdown)
        topic_of = lambda node: _topic(node, document)
        placed.extend(shapes.qa_questions(outline, topic_of))
        placed.extend(shapes.term_questions(outline, topic_of))
        placed.extend(shapes.list_questions(outline, topic_of))
        placed.extend(shapes.table_questions(outline, topic_of))
        placed.extend(shapes.record_questions(outline, topic_of))
        placed.extend(shapes.timeline_questions(outline, topic_of))
        written_lower = frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", document.text))
        placed.extend(shapes.group_questions(outline, topic_of, written_lower))
        placed.extend(shapes.named_questions(outline, topic_of, shapes.qa_lines(outline) | shapes.table_lines(outline)))
        skip = shapes.qa_lines(outline) | shapes.table_lines(outline)
        sentences = _outline_sentences(document, outline, skip, placed)
    else:
        sentences = _sentences(document)
    report.sentences = len(sentences)
    pool = [fact for s in sentences for fact in s.facts]
    report.facts.update(fact.tag for fact in pool)
    drafted: list[tuple[SentenceContext, Draft]] = []
    for sentence in sentences:
        prose = called_question(sentence.text) or means_question(sentence.text)
        if (
            prose is None
            and not any(f.kind == "definition" for f in sentence.facts)
            and not _PRONOUN_START.match(sentence.source)
        ):  # "It is a combination of CGST and SGST": what "it" is was lent, so this says less than it seems
            prose = copula_question(sentence.text)
        if prose is not None:
            placed.append(
                shapes.Placed(prose, sentence.line, sentence.source, sentence.topic, f"prose:{sentence.line}")
            )
        ctx = SentenceContext(
            text=sentence.text,
            source=sentence.source,
            line=sentence.line,
            topic=sentence.topic,
            facts=sentence.facts,
            pool=pool,
            block_text=sentence.block_text,
            leans_back=bool(_ANAPHORIC.match(_LABEL.sub("", sentence.source))),
        )
        drafted.extend((ctx, draft) for draft in fact_questions(ctx))
    drafted = [(ctx, d) for ctx, d in drafted if d.type != "list" or _named_list(d)]
    # An acronym spelled out is worth asking only where the notes use it again: "FDP" named once is its own
    # expansion's initials, nothing more to learn.
    used = Counter(re.findall(r"\b[A-Z][A-Za-z]*[A-Z]\b", document.text or ""))
    drafted = [(ctx, d) for ctx, d in drafted if "acronym" not in d.tags or used[d.fact.text if d.fact else ""] >= 2]
    # A blank or a statement needs a sentence: a list item or a table row without a verb is neither.
    drafted = [
        (ctx, d)
        for ctx, d in drafted
        if (d.type not in ("cloze", "truefalse") and not (d.type == "mcq" and BLANK in d.prompt))
        or (
            has_verb(main_clause(ctx.text))
            and not _DASH_LABEL.search(ctx.text)
            and not _UNRESOLVED.search(ctx.text)
            and not _POINTING.search(ctx.text)
            and not _UNNAMED.search(ctx.text)
            and not _FRAGMENT_START.match(ctx.text)
        )
    ]
    kept = {id(d) for d in select([d for _, d in drafted])}
    lowercase = frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", document.text or ""))
    for ctx, draft in drafted:
        if id(draft) in kept:
            if _quotes_sentence(draft) and not _names_something(ctx.text, lowercase):
                # "Decisions require a ____ majority": whose decisions only the heading says.
                context = _context_name(ctx.topic, document.title, lowercase)
                if context is None:
                    continue
                if not _said(context, ctx.text):
                    draft.prompt = f"{context}: {draft.prompt}"
            if _EXAMPLE.search(ctx.source):
                draft.score *= 0.6  # an example or illustration is asked last
            placed.append(shapes.Placed(draft, ctx.line, ctx.source, ctx.topic, f"fact:{id(draft.fact)}"))
    texts = [sentence.text for sentence in sentences]
    placed = ranking.cap(polish(placed, texts))
    if document.text is not None:
        # A sentence whose line has no question after the caps is asked through its key term, or judged as a
        # statement; then the caps again, over all.
        asked = {item.line for item in placed if item.draft.type != "truefalse"}
        terms = KeyTerms(
            (s.text for s in sentences), [*outline.key_terms(), *_pair_terms(outline), *_repeated_names(sentences)]
        )
        fallback: list[shapes.Placed] = []
        dominant = frozenset(_dominant_words([sentence.text for sentence in sentences]))
        for sentence in sentences:
            if sentence.line in asked or _EXAMPLE.search(sentence.source) or _UNNAMED.search(sentence.text):
                continue
            draft = keyterm_cloze(sentence.text, terms, _subject_words(sentence.topic, document.title), dominant)
            if draft is None and _statement(sentence.text):
                statement = (
                    sentence.text if sentence.text.rstrip("\"'”’)").endswith((".", "!", "?")) else sentence.text + "."
                )
                draft = Draft("truefalse", statement, "True", ["statement"], None, score=0.7)
            if draft is not None and not _names_something(sentence.text, lowercase):
                # "Decisions require a three-fourths majority": whose decisions only its heading says. Said with
                # the heading in front where the heading is a name; else not asked.
                context = _context_name(sentence.topic, document.title, lowercase)
                if context is None:
                    continue
                if not _said(context, sentence.text):
                    draft.prompt = f"{context}: {draft.prompt}"
            if draft is not None and not defects(draft):
                fallback.append(shapes.Placed(draft, sentence.line, sentence.source, sentence.topic, "fallback"))
                asked.add(sentence.line)
        if fallback:
            placed = ranking.cap([*placed, *polish(fallback, texts)])
    questions: list[tuple[tuple[int, int, int], BankQuestion]] = []
    used_ids: set[str] = set()
    for order, item in enumerate(placed):
        draft = item.draft
        qid = stable_id(prefix, item.source, draft.type, draft.answer)
        if qid in used_ids:
            qid = stable_id(prefix, item.source, draft.type, draft.answer, draft.prompt)
        if qid in used_ids:
            continue
        used_ids.add(qid)
        choices = None
        if draft.choices:
            choices = list(draft.choices)
            random.Random(qid).shuffle(choices)
        question = BankQuestion(
            id=qid,
            type=draft.type,
            topic=item.topic,
            prompt=draft.prompt,
            answer=draft.answer,
            choices=choices,
            accept=[a for a in dict.fromkeys(draft.accept) if a != draft.answer],
            items=draft.items,
            explanation=draft.explanation,
            source_line=item.line,
            source_text=item.source,
            tags=sorted(set(draft.tags)),
        )
        start = draft.fact.start if draft.fact else 0
        questions.append(((item.line, start, order), question))
        report.questions[draft.type] += 1
    questions.sort(key=lambda pair: pair[0])
    bank = Bank(deck=deck_name, source=source, questions=[q for _, q in questions])
    return bank, report


_THIS_IS = re.compile(r"^(?P<word>This|These|It)(?=\s(?:is|are|was|were)\s(?:the|a|an)\b)")
_LABEL_SENTENCE = re.compile(r"^[A-Z][\w'’ -]{1,50}(?:\s\([^)]{1,40}\))?\.$")
"""A paragraph's opening "sentence" that is only a name: "Inertia.", "Newton's First Law (Law of Inertia)."."""
_RELATIVE_TIME = re.compile(
    r"\b(?:the\s(?:following|next|previous|same)|that|this|last|next)\s(?:day|week|month|year|decade|century)\b"
    r"|\b(?:\w+\s(?:days|weeks|months|years)\slater|soon\safter|shortly\safter)\b"
    r"|\b(?:as\sfollows|the\sabove|mentioned\sabove|as\smentioned)\b",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"\b(?:Class\s\d+(?:th)?|Chapter\s\d+|Important\s(?:Questions|QAs?)|Question\sBank|NCERT\s(?:Solutions|Notes)"
    r"|Study\sNotes|Intext\sQuestions|Short[\s-]Answer|Long[\s-]Answer|Very\sShort[\s-]Answer|Board\s\d|"
    r"[Cc]lick\shere|[Rr]ead\smore|Download)\b"
)
"""A course's or a page's furniture copied with the notes: "Class 9th Science … Important QAs"."""
_INSTRUCTION = re.compile(
    r"^(?:Describe|Explain|Write|Give|Name|List|State|Define|Discuss|Mention|Compare|Draw|Find|Let us|Let's|Note|"
    r"Remember|See|Click|Read)\b"
)
"""An exercise or an instruction to the reader, not a statement of the notes."""
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|do|does|did)\b", re.IGNORECASE)


def _is_label(text: str) -> bool:
    """A short name standing as a sentence ("Inertia.", "Balanced forces."), not a short sentence."""
    return bool(_LABEL_SENTENCE.match(text)) and len(text.split()) <= 6 and not _AUXILIARY.search(text)


def _quotes_sentence(draft: Draft) -> bool:
    """A blank or a statement: the sentence itself is the question, so it must say what it is about."""
    return draft.type in ("cloze", "truefalse") or (draft.type == "mcq" and BLANK in draft.prompt)


_NO_HEAD = re.compile(r"\bitems that fill the blank\b")
"""A list whose items have no noun to name them is a guess at where a list starts and ends."""


_MENTIONED = re.compile(r"^Name the \d+ (?P<noun>.+?) mentioned:")


def _named_list(draft: Draft) -> bool:
    """A list from a sentence names its items with a plural noun ("Name the 4 sectors mentioned"), and its items
    are names or short noun phrases, not pieces of a clause cut at its commas."""
    if _NO_HEAD.search(draft.prompt):
        return False  # a list without a noun to name its items is a guess at where a list starts and ends
    named = _MENTIONED.match(draft.prompt)
    if named and (len(named["noun"].split()) > 5 or re.search(r"\b\w+ing\b", named["noun"])):
        return False  # "Name the 3 replacing multiple indirect taxes mentioned": no clean noun
    if named and (
        not shapes.is_plural(named["noun"])
        or re.search(r"[–—%\d]", named["noun"])
        or (is_generic_label(named["noun"].split()[-1]) and named["noun"] not in ("reasons", "causes"))
    ):
        return False
    return _clean_items(draft.items, longest=6)


def _clean_items(items: list[str] | None, longest: int = 4) -> bool:
    """Items that are names or short noun phrases, not pieces of a clause cut at its commas."""
    return bool(items) and all(
        len(item.split()) <= longest
        and not re.search(r"\b(?:according|etc|is|are|was|were|has|have|had|might|may)\b", item)
        for item in items or []
    )


_EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|eg\.|such as|to illustrate|examples?)\b", re.IGNORECASE)


def bank_for_file(document_path: Path, out_dir: Path, *, deck: str | None = None) -> tuple[Bank, GenerateReport, str]:
    """Read a document and generate its bank; returns the bank, the report and the YAML text to write.

    Raises DocumentError for a document that cannot be read. The text is checked by the bank loader
    before it is returned, so what `generate` writes always passes `quizapp check`.
    """
    document = read_document(document_path)
    source = Path(os.path.relpath(document_path.resolve(), out_dir.resolve())).as_posix()
    bank, report = generate_bank(document, deck=deck, source=source)
    if not bank.questions:
        raise DocumentError(f"{document_path}: no facts to ask about were found in it")
    text = f"# Generated by `quizapp generate` from {source}; edit freely, ids keep each question's history.\n"
    text += dump_bank(bank)
    problems = check_text(text, str(out_dir / f"{document_path.stem}.yaml"))
    if problems:  # a generator bug, never the student's fault: say so plainly
        raise RuntimeError("generated bank fails validation:\n" + "\n".join(map(str, problems)))
    return bank, report, text
