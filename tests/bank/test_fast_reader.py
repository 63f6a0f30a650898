"""The quick reader vouches only for banks the exact reader finds sound, and then builds the very same Bank."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank import load_banks
from quizapp.bank.fast import read_fast
from quizapp.bank.load import load_files
from quizapp.bank.nodes import parse_nodes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import make_bank, make_banks  # noqa: E402

from quizapp.bank import dump_bank  # noqa: E402

BUNDLED = Path(__file__).resolve().parents[2] / "question_bank" / "india-japan-relations.yaml"

SOUND = textwrap.dedent(
    """\
    # a comment
    deck: Sound Deck
    source: notes.txt
    questions:
      - id: s-1
        type: MCQ
        topic: Capitals
        prompt: What is the capital of Japan?
        answer: Tokyo
        choices: [Osaka, Tokyo, Kyoto]
        accept: tokyo city
        source: {line: 3, text: Tokyo is the capital.}
        tags: [name]

      # between questions
      - {id: s-2, type: truefalse, prompt: Is it so?, answer: 'TRUE'}
      - id: s-3
        type: list
        prompt: >
          Name the
          two.
        answer: "A and\\u00e9 B"
        items:
          - A
          - B
        explanation: |
          Two lines
          of text.
    """
)


def same_as_exact(text: str) -> bool:
    """The invariant: the quick reader declines, or agrees with the exact reader in every field and line."""
    quick = read_fast(text, "f.yaml", "d")
    exact, problems = parse_nodes(text, "f.yaml", "d")
    if quick is None:
        return False
    assert problems == [], [str(p) for p in problems]
    assert quick == exact
    assert quick.deck_line == exact.deck_line
    assert [q.line for q in quick.questions] == [q.line for q in exact.questions]
    return True


def test_sound_bank_in_several_layouts_is_read_quickly_and_identically() -> None:
    assert same_as_exact(SOUND)


def test_generated_and_bundled_banks_are_read_quickly_and_identically() -> None:
    assert same_as_exact(BUNDLED.read_text(encoding="utf-8"))
    assert same_as_exact(dump_bank(make_bank(1, 120, seed=3)))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("answer: Tokyo", "answer: 1952"),  # a number: only the exact reader knows how it was written
        ("answer: Tokyo", "answer: yes"),  # not among the choices
        ("tags: [name]", "tags: [name, ~]"),  # an empty entry
        ("topic: Capitals", "topic: Capitals\n    topic: Again"),  # a repeated key
        ("source: {line: 3,", "source: {line: 0x3,"),  # YAML 1.1 and 1.2 disagree
        ("source: {line: 3,", "source: {line: 03,"),
        ("prompt: What is", "prompt: &a What is"),  # an anchor
        ("- id: s-1", "- &q\n    id: s-1"),
        ("type: MCQ", "type: essay"),
        ("choices: [Osaka, Tokyo, Kyoto]", "choices: [Osaka, Tokyo, tokyo]"),
        ("items:\n      - A\n      - B", "items: [A]"),
        ("deck: Sound Deck", "deck: Sound Deck\nextra: 1"),
        ("    tags: [name]", "    tags: [name]\n\tx: 1"),  # a tab
        ("What is the capital", "What\x07 is the capital"),  # a control character PyYAML refuses
        ("What is the capital", "What\x85is the capital"),  # a YAML 1.1 line break
        ("  - {id: s-2", "  -\n    {id: s-2"),  # a dash alone on its line
        ("questions:", "questions: []\nquizzes:"),
        ("- id: s-3", "- id: s-1"),  # a duplicate id
        ("s-3\n    type: list", "s-3\n    type: list\n    choices: [a, b]"),
        ("choices: [Osaka,", "choices: [|Osaka,"),  # libyaml refuses a token opening with | > or : in brackets
        ("choices: [Osaka, Tokyo,", "choices: [Osaka, >Tokyo,"),
        ("tags: [name]", "tags: [:name]"),
        ("{line: 3,", "{line:,"),  # libyaml refuses ":" right before "," "]" or "}"
        ("{line: 3,", "{line: 3_,"),  # an underscore Python's int refuses
        # A block scalar's header in braces or brackets, a "|" or ">" opening a line there, a ":" opening the
        # line after a comment there: libyaml refuses each, yaml_rs reads a value that starts with it.
        ("prompt: Is it so?,", "prompt: > Is it so?,"),
        ("prompt: Is it so?,", "prompt: |\n      Is it so?,"),
        ("tags: [name]", "tags: [name, #\n      >x]"),
        ("tags: [name]", "tags: [name, #\n      :x]"),
        ("{line: 3, text:", "{line: 3, text: #\n      :"),
    ],
)
def test_doubtful_or_unsound_banks_are_left_to_the_exact_reader(old: str, new: str) -> None:
    assert old in SOUND
    text = SOUND.replace(old, new, 1)
    assert read_fast(text, "f.yaml", "d") is None


_PIECES = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "#",
        ":",
        ": ",
        "- ",
        "-",
        "'",
        '"',
        "[",
        "]",
        "{",
        "}",
        ",",
        "1952",
        "yes",
        "~",
        "null",
        "|",
        ">",
        "&a",
        "*a",
        "!!str",
        "?",
        "  ",
        "\t",
        "id",
        "items",
        "choices",
        "0x1F",
        "True",
        "é",
        "____",
    ]
)


@given(st.integers(0, len(SOUND) - 1), st.lists(_PIECES, max_size=3), st.integers(0, 3))
def test_any_edit_of_a_sound_bank_keeps_the_invariant(at: int, pieces: list[str], cut: int) -> None:
    text = SOUND[:at] + "".join(pieces) + SOUND[at + cut :]
    try:
        same_as_exact(text)
    except RecursionError:  # pragma: no cover - a pathological nesting the exact reader also refuses
        pass


def test_parallel_loading_gives_the_serial_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = make_banks(tmp_path / "banks", 60, per_file=20, seed=5)
    files = [(p, str(p)) for p in paths]
    monkeypatch.setattr("quizapp.bank.load.PARALLEL_BYTES", 10**12)
    serial = load_files(files)
    monkeypatch.setattr("quizapp.bank.load.PARALLEL_BYTES", 1)
    parallel = load_files(files)
    assert [bank for bank, _ in parallel] == [bank for bank, _ in serial]
    assert all(not problems for _, problems in parallel)
    banks = [bank for bank, _ in parallel]
    assert all(b is not None and b.content_hashes == [q.content_hash() for q in b.questions] for b in banks)
    assert [q.line for b in banks if b for q in b.questions] == [q.line for b, _ in serial if b for q in b.questions]


def test_parallel_loading_reports_problems_like_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = make_banks(tmp_path / "banks", 40, per_file=20, seed=6)
    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("type: mcq", "type: essay", 1), encoding="utf-8")
    monkeypatch.setattr("quizapp.bank.load.PARALLEL_BYTES", 1)
    result = load_banks([str(tmp_path / "banks")])
    assert [(p.file, p.field) for p in result.problems] == [(str(paths[1]), "type")]
    assert result.problems[0].line == next(
        i + 1 for i, line in enumerate(paths[1].read_text(encoding="utf-8").splitlines()) if "essay" in line
    )


def test_without_lines_the_quick_reader_gives_the_same_content() -> None:
    for text in (SOUND, BUNDLED.read_text(encoding="utf-8")):
        with_lines = read_fast(text, "f.yaml", "d")
        without = read_fast(text, "f.yaml", "d", lines=False)
        assert with_lines is not None and without is not None
        assert without.questions == with_lines.questions  # lines are not part of a question's content
        assert (without.deck, without.source) == (with_lines.deck, with_lines.source)
        assert without.deck_line == 1 and {q.line for q in without.questions} == {0}
