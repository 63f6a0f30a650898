"""Sentences of the notes made to stand alone: a pronoun resolved from the sentence before or the item above, a
point without its subject given the item's name; those that cannot stand alone, or are no statements, left out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from quizapp.documents.model import Document, Sentence
from quizapp.documents.outline import Node, Outline
from quizapp.documents.sentences import split_sentences
from quizapp.generate import shapes
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import SentenceContext
from quizapp.generate.facts import Fact, extract_facts, standalone_names
from quizapp.generate.facts.names import NOT_NAME_START
from quizapp.generate.facts.phrases import trim_dangling
from quizapp.generate.nouns import (
    clean_sentence,
    has_verb,
    is_generic_label,
    main_clause,
    mend_spelling,
    readings,
    tidy_slips,
    verb_only,
    zipf,
)
from quizapp.generate.prose import (
    NAMED_AS,
    fragment_definition,
    label_definition,
)
from quizapp.generate.repair import complete_fragment, headline_passive

_PRONOUN = re.compile(r"^(?P<word>It|Its|They|Their|He|She|His|Her)\b")
_VAGUE_START = re.compile(r"^(?:This|These|Those|That)\b")
_DISCOURSE = re.compile(
    r"^(?:However|Also|Further|Furthermore|Moreover|Besides|Or|Alternatively|And|So|Finally|Notwithstanding"
    r"|Not\swithstanding|Similarly|Likewise|Additionally|In\saddition|Meanwhile|Then|Later|Now|Again|But|Yet"
    r"|As\syou\scan\ssee|As\swe\sknow|In\sshort|In\sbrief|Basically|Simply\sput),\s"
)
ANAPHORIC = re.compile(
    r"^(?:In this regard|In this context|To this end|As a result|Thus|Hence|Therefore|Accordingly),\s"
)
"""Openings that point back at the sentence before: what follows may be no statement of its own."""
LABEL = re.compile(r"^(?:[A-Za-z][\w\s'’()-]{0,40}:\s?(?=[A-Z])|[A-Z][\w'’()-]*(?:\s[\w'’()-]+){0,3}:\s(?=[a-z]))")
"""A bullet's lead-in label ("Defence ties: …"): a heading inside the sentence, not part of what it says."""
_SUBJECT = re.compile(
    r"^(?P<subj>(?:The\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,4})\s(?:is|are|was|were|has|have|had|will|can|could"
    r"|would|may|might|must|should|did|does|do|[a-z]+(?:s|ed))\b"
)
"""A sentence opening with a capitalised name and then its verb ("Bee sting causes" names no subject "Bee")."""
_CLEFT = re.compile(r"^It\s(?:is|was)\s(?P<focus>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\s(?:who|that)\s(?P<rest>.+)$")
_NAMING_IT = re.compile(rf"^(?:When|If|Whenever)\s[^,]+,\s(?:it|this)\s(?:is|are)\s(?:\w+\s)?{NAMED_AS}\b")
_FRONTED_PRONOUN = re.compile(
    r"^(?P<front>[^,]{2,60},\s|(?:In|On|At|By|During|After|Before|Since|Until|From|Within)\s[^,]{1,40}?\s)"
    r"(?P<word>it|its|they|their|he|she|his|her)\b"
)
"""A pronoun after a fronted phrase: "In August 2012, it became …" or "In August 2012 it became …"."""
_SUBORDINATE = re.compile(
    r"^(?:When|Whenever|While|Whereas|Although|Though|If|Unless|Since|As|Because|After|Before|Once|Until|Where"
    r"|In|On|At|By|During|From|Within|With|Without|For|Under|Over|Through|According|Like|Unlike)\b"
)


def _clause_front(front: str) -> bool:
    """A fronted part that is a main clause of its own ("The Rajya Sabha is a permanent body and …, "): a pronoun
    after it stands for that clause's subject, as a reader takes it, not for a sentence before."""
    front = front.rstrip(", ")
    return bool(front) and front[:1].isupper() and not _SUBORDINATE.match(front) and has_verb(main_clause(front))


_NOT_SUBJECT = NOT_NAME_START | {
    "There",
    "You",
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
    "Your",
}
"""Words that open a sentence but name no subject a pronoun could stand for."""


def _subject(sentence: str) -> str | None:
    """The proper-noun subject a sentence starts with ("Japan has been …" → "Japan")."""
    m = _SUBJECT.match(sentence)
    if not m or m["subj"] in _NOT_SUBJECT or m["subj"].split()[0] in _NOT_SUBJECT - {"The"}:
        return None
    found = readings(m["subj"].lower()) if " " not in m["subj"] else frozenset()
    if "ADJ" in found:
        return None  # "Heavy defeats … led to", "German troops …": an adjective of the subject, not the subject
    return m["subj"]


def _stand_alone(text: str, previous_subject: str | None) -> str | None:
    """The sentence made to stand on its own, or None when it cannot be (a pronoun with nobody to refer to)."""
    text = LABEL.sub("", ANAPHORIC.sub("", _DISCOURSE.sub("", text)))
    first = text.split(" ", 1)[0]
    if first[1:] == first[1:].lower():  # "pH plays …" keeps its small p
        text = text[:1].upper() + text[1:]
    if _VAGUE_START.match(text):
        return None
    m = _PRONOUN.match(text) or _FRONTED_PRONOUN.match(text)
    if m and m["word"] in ("it", "its", "they", "their") and _clause_front(m.groupdict().get("front") or ""):
        return text  # "The Rajya Sabha is a permanent body and, unlike …, it cannot …": its own subject
    if m:
        if previous_subject is None:
            return None
        person = m["word"].lower() in ("he", "she", "his", "her")
        if person and len(previous_subject.split()) == 1 and readings(previous_subject.lower()):
            return None  # "His most famous work …" after "Architecture flourished …": a person, not a thing
        possessive = m["word"].lower() in ("its", "their", "his", "her")
        replacement = previous_subject + ("’s" if possessive else "")
        front = m.groupdict().get("front") or ""
        if front and replacement.startswith("The "):
            replacement = "the " + replacement[4:]
        text = front + replacement + text[m.end() :]
    return text


@dataclass
class NoteSentence:
    topic: str
    text: str
    source: str
    line: int
    block_text: str
    facts: list[Fact]
    label: str | None = None
    """The term a "Term – sentences" line is written after ("Afghanistan – USSR invaded in 1979"), which the
    sentence may not say again: what it is about."""


def context_of(sentence: NoteSentence, pool: list[Fact]) -> SentenceContext:
    """A sentence of the notes ready for questions, with every fact of the notes for wrong choices."""
    return SentenceContext(
        text=sentence.text,
        source=sentence.source,
        line=sentence.line,
        topic=sentence.topic,
        facts=sentence.facts,
        pool=pool,
        block_text=sentence.block_text,
        label=sentence.label,
        leans_back=bool(ANAPHORIC.match(LABEL.sub("", sentence.source))),
    )


def plain_sentences(document: Document) -> list[NoteSentence]:
    """Sentences of the notes when their shape cannot be read (a Document made without its text)."""
    out: list[NoteSentence] = []
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
                out.append(NoteSentence(topic, resolved, sentence.text, sentence.line, block.text, facts))
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
    cleft = _CLEFT.match(text)
    if cleft is not None:
        text = f"{cleft['focus']} {cleft['rest']}"  # "It was Robert Brown who discovered …": Robert Brown did
    pronoun = _PRONOUN.match(text) or _FRONTED_PRONOUN.match(text)
    if pronoun and _NAMING_IT.search(text):
        return headline_passive(trim_dangling(text))  # "When the pH falls below 5.6, it is called acid rain": "it"
        # stands for what the sentence goes on to name, not for anything before it
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


def lowercase_words(text: str) -> frozenset[str]:
    """The words the notes write in lower case somewhere: a word they never do may be a name."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", text))


def outline_sentences(
    document: Document, outline: Outline, skip: set[int], extra: list[shapes.Placed], lowercase: frozenset[str]
) -> list[NoteSentence]:
    """Sentences of every text, item and row of the notes but those the structure already asks about; the
    cards of labelled paragraphs go to `extra`. `lowercase`: the notes' `lowercase_words`."""
    out: list[NoteSentence] = []
    units: list[tuple[Node, list[tuple[int, str]], str | None, str | None]] = []
    members = shapes.list_members(outline)
    for node in outline.nodes:
        if node.kind == "heading" or node.line in skip or id(node) in members:
            continue  # a list's items are asked through their list; a mind map's numbered points are labels
        parts, subject = node.parts, shapes.subject_of(node) or _shouted_name(node, document.text or "")
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
        units.append((node, parts, subject, pair.term if pair is not None and not pair.label else None))
    known_names = standalone_names([text for _, parts, _, _ in units for _, text in parts])
    # A name the notes never write in lower case may be a person's, whom "he" or "she" can stand for.
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
    for node, parts, parent_subject, term_before in units:
        block_text, sentences = split_sentences(parts)
        sentences = _rejoin(sentences)
        topic = topic_of_node(node, document)
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
            before, previous_text = previous_text, sentence.text
            if resolved is None or not _complete(resolved) or INSTRUCTION.match(resolved):
                continue
            resolved = mend_spelling(tidy_slips(resolved))
            sloppy = not clean_sentence(resolved, names=proper)
            if _RELATIVE_TIME.search(resolved) or _FURNITURE.search(resolved) or sloppy:
                continue  # "the following month" is known only from the sentence before; "Class 9 … QAs" is a
                # page; a misspelt or shorthand line ("maj of then membership. 14day notice") is no model
            renamed = _named_before(resolved, before)
            if renamed is not None:
                resolved = renamed  # "The House has …" after "The Rajya Sabha … is the Upper House …"
            elif _points_back(resolved, before):
                continue  # "The committee was tasked …" right after the committee was named: which committee?
            facts = extract_facts(resolved, known_names)
            if PRONOUN_START.match(sentence.text):
                # "It is a yellow-white solid …" under "Properties and uses": what "it" is was lent, not said,
                # so no definition of it is taken from here.
                facts = [fact for fact in facts if fact.kind != "definition"]
            label = term_before
            owner = _noun_subject(parent_subject) if node.kind == "item" and position == 0 else None
            if owner and (is_generic_label(owner) or _SECTION_WORD.search(owner)):
                owner = None  # "In Summary", "Misc points", "Supply side / admin": parts of the notes, no thing
            if label is None and owner and owner != resolved.split(" ", 1)[0] and not said_in(owner, resolved):
                label = owner  # "Horseshoe-shaped belt around the Pacific" under "Ring of Fire": whose belt
            out.append(NoteSentence(topic, resolved, sentence.text, sentence.line, block_text, facts, label))
    return out


_SECTION_WORD = re.compile(
    r"(?i)\b(?:summary|misc|miscellaneous|points?|notes?|compulsory|voluntary|others?|general|overview"
    r"|introduction|conclusion|revision|differen\w*|similar\w*|same)\b|/"
)


def said_in(name: str, text: str) -> bool:
    """Whether a sentence names the thing again, in a word of its own ("Ring of Fire" in "the ring lies …")."""
    words = {word[:5] for word in re.findall(r"[a-z]{4,}", name.lower())}
    return bool(words & {word[:5] for word in re.findall(r"[a-z]{4,}", text.lower())})


def _shouted_name(node: Node, text: str) -> str | None:
    """A name set as an ALL-CAPS heading over its points ("BINDUSARA (c. 297 - 273 BCE)"), as the notes write it
    elsewhere ("after Bindusara died"): what the points under it are about. None for a part of the notes
    ("DECLINE"), which they never write as a name."""
    parent = node.parent
    if parent is None or parent.kind != "heading" or node.kind != "item":
        return None
    name = shapes.shouted_name(parent.text, 3)
    if name is None:
        return None
    written = " ".join(word.capitalize() for word in name.split())
    return written if re.search(rf"(?<![A-Z]\s)\b{re.escape(written)}\b", text) else None


_PASSIVE_THEY = re.compile(r"^They\s(?:\w+\s){0,2}?(?:be|been|are|were)\s(?:\w+ly\s)?\w+(?:ed|en|wn)\b")
"""“They might have been used for weighing …”: things done to, not the people who did."""
_NOTE_LABEL = re.compile(r"^(?:Note|NB|N\.B\.|Remember|Also)\s?:", re.IGNORECASE)
_NOUN_PHRASE_START = re.compile(r"^(?:(?:A|An|The|a|an|the)\s)?[a-z]")
"""A right side that opens as a noun phrase ("a collection of …"): a definition whose subject is the term."""
PRONOUN_START = re.compile(r"^(?:It|They|He|She|This|These)\b")


UNRESOLVED = re.compile(r"\b(?:his|her|he|she|him)\b", re.IGNORECASE)
"""A pronoun left inside a sentence ("built by his widow"): whose, the question would not say."""
_NAMED_BEFORE = re.compile(r"^(?:The\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*(?:['’]s)?\s")


def unresolved(text: str) -> bool:
    """A pronoun whose person the sentence does not name: "He died in 1556", "built by his widow"; but "Babur
    wrote his biography" and "The Humayun's Tomb was built by his widow" name him first."""
    found = UNRESOLVED.search(text)
    if found is None:
        return False
    if found.group(0).lower() != "his" or UNRESOLVED.search(text, found.end()):
        return True
    named = _NAMED_BEFORE.match(text)
    return named is None or named.group(0).split()[0] in _NOT_NAMES


_NOT_NAMES = (NOT_NAME_START - {"The"}) | {"When", "While"}
"""Words that open a sentence and name no one ("In 1526 his army …", "It was his …"); "The" may open a name."""
DASH_LABEL = re.compile(r"^[^–—.!?]{1,25}\s[–—-]\s")
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
_THE_NOUN = re.compile(r"^The\s(?P<noun>[A-Za-z][a-z-]+)\s(?=[a-z])")
_IS_THE = re.compile(
    r"^(?P<subject>(?:The\s)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,4})(?:\s\([^()]{1,40}\))?"
    r"\s(?:is|was)\s(?:a|an|the)\s(?P<words>(?:[\w-]+\s){0,3}[\w-]+)"
)


def _named_before(text: str, before: str) -> str | None:
    """ "The House has …" right after "The Rajya Sabha (…) is the Upper House of Parliament.": the sentence with the
    thing the sentence before called by that noun in its place; None where it called nothing so."""
    this = _THE_NOUN.match(text)
    if this is None:
        return None
    match = _IS_THE.match(before)
    if match is None or this["noun"].lower() not in match["words"].lower().split():
        return None
    return match["subject"] + text[this.end() - 1 :]


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


POINTING = re.compile(
    r"\b(?:this|these|those(?!\s(?:who|whose|which|that)\b)|such(?!\sas\b)|following)\b"
    r"|\b(?:the|given|shown|mentioned|listed|stated|discussed|described|explained|as)\s(?:above|below)\b"
    r"|\babove-mentioned\b|\b(?:above|below)\s*(?:[.:;,)]|$)"  # "as shown above"; but "falls below 5.6"
    r"|\bthe\s(?:former|latter)\b(?!\s[a-z]+\s(?!is|are|was|were|has|had))|^(?:It|They|Them|He|She|His|Her|Its|Their)\b"
    r"|^(?:The\s)?(?:other|same|remaining|rest|latter|former|members|both)\b|^The\stwo\b"
    r"|^(?:The\s)?(?:first|second|third|fourth|fifth|last|next|previous)[\s-](?:phase|group|stage|part|step|one|half)"
    r"|\bat\s(?:that|the)\stime\b(?!\sof\b)|\bin\sthose\sdays\b"  # "… to behead a person at that time": when?
    r"|^(?:All\s)?(?:the\s)?(?:signatory|signatories|member|participating|party)\b",  # signatories of what?
    re.IGNORECASE,
)


_RELATIVE_START = re.compile(
    r"^(?P<front>(?:[\w'’-]+\s){1,4}?)(?:that|which|who|whose|where)\b(?!\s[A-Z][a-z]+\s(?:the\s)?[A-Z])"
)
_FRAGMENT = re.compile(
    r"^(?:[A-Z][\w'’-]*\s){1,3}[a-z]+ed\sand\s[a-z]+ed\b"  # "Robespierre arrested and guillotined": no "was"
    r"|^(?:Because|Since|Although|Though|Unless|If|When|While|Whereas)\b(?!.*,\s)"
    r"|^(?:Often|Usually|Mostly|Generally|Sometimes|Always|Mainly|Also)\s[a-z]+(?:ed|en|wn)\b"  # "Often biased in …"
    r"|.*\b(?<![.’'(])(?![AI]\b)[A-Z]\b(?![.’'&-])"  # "DC submits resignation to C": a person in initials
    r"|^\d+(?:st|nd|rd|th)\s[A-Z]"  # "1st Law is called …": a mind map's label, whose law it does not say
    r"|^[A-Z][a-z]+(?:ed|en|wn)\s(?:with|by|in|at|from|using|as|on|into)\b"  # "Measured with a voltmeter": what is?
    r"|.*\b(?:are|is|were|was|include|includes|as\sfollows)\s*[:.]?$"  # "Important products of … process are"
)


def fragment_start(text: str) -> bool:
    """A line that opens as no statement: “Organisms that can produce their own food …” (a definition's noun
    phrase; but "Stomach produces hydrochloric acid which …" has its verb before the "which"), "Often biased in
    …", "DC submits resignation to C" (a person in initials; "Internal energy (U)" is a symbol)."""
    relative = _RELATIVE_START.match(text)
    if relative is not None and not has_verb(relative["front"]):
        return True
    return bool(_FRAGMENT.match(text))


def topic_of_node(node: Node, document: Document) -> str:
    heading = node.heading()
    return heading.text if heading is not None else document.title


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
INSTRUCTION = re.compile(
    r"^(?:Describe|Explain|Write|Give|Name|List|State|Define|Discuss|Mention|Compare|Draw|Find|Let us|Let's|Note|"
    r"Remember|See|Click|Read)\b"
)
"""An exercise or an instruction to the reader, not a statement of the notes."""
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|do|does|did)\b", re.IGNORECASE)


def _is_label(text: str) -> bool:
    """A short name standing as a sentence ("Inertia.", "Balanced forces."), not a short sentence."""
    return (
        bool(_LABEL_SENTENCE.match(text))
        and len(text.split()) <= 6
        and not _AUXILIARY.search(text)
        and not has_verb(text.rstrip("."))  # "The weights exhibit a binary system." says something
    )


EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|eg\.|such as|to illustrate|examples?)\b", re.IGNORECASE)
"""An example or illustration: asked last, or not at all."""
