"""The bank loader: every problem of a bad bank as FILE:LINE: field: message, and what a good bank gives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quizapp.bank import Bank, BankQuestion, Problem, load_bank, load_banks
from quizapp.bank.ids import deck_prefix

BUNDLED_BANKS = Path(__file__).resolve().parents[2] / "question_bank"


# -- helpers ---------------------------------------------------------------------------------------


def write(folder: Path, text: str | bytes, name: str = "bank.yaml") -> Path:
    """A bank file from text (dedented, leading newline dropped) or from raw bytes."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def one_question(question: str) -> str:
    """A bank around one question written as a dedented `- id: ...` block: its first line is line 3."""
    body = textwrap.indent(textwrap.dedent(question).strip("\n"), "  ")
    return f"deck: Test Deck\nquestions:\n{body}\n"


def assert_problem(problem: Problem, path: Path | str, line: int, field: str, fragment: str) -> None:
    """The problem names exactly this file, line and field, says `fragment`, and prints as such."""
    assert (problem.file, problem.line, problem.field) == (str(path), line, field), str(problem)
    assert fragment in problem.message, str(problem)
    assert str(problem) == f"{path}:{line}: {field}: {problem.message}"


def only_problem(path: Path) -> tuple[Bank | None, Problem]:
    bank, problems = load_bank(path)
    assert len(problems) == 1, [str(p) for p in problems]
    return bank, problems[0]


def load_ok(path: Path) -> Bank:
    bank, problems = load_bank(path)
    assert problems == [], [str(p) for p in problems]
    assert bank is not None
    return bank


def load_question(tmp_path: Path, question: str) -> BankQuestion:
    bank = load_ok(write(tmp_path, one_question(question)))
    assert len(bank.questions) == 1
    return bank.questions[0]


# A question of each type that loads cleanly; the cases below break one thing at a time.
SHORT = """
- id: q1
  type: short
  prompt: What is the capital of Japan?
  answer: Tokyo
"""
# The `questions` part of a bank, with one good question, for cases about the rest of the file.
GOOD_QUESTIONS = "questions:\n  - id: a\n    type: short\n    prompt: p\n    answer: x\n"


# -- the file as a whole ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "field", "fragment"),
    [
        pytest.param("deck: D\nquestions:\n  - id: a\n   type: short\n", 4, "yaml", "syntax error", id="bad-indent"),
        pytest.param('deck: D\nsource: "unclosed\n', 3, "yaml", "syntax error", id="unclosed-quote"),
        pytest.param("deck: D\nquestions:\n  - id: a\n  deck: x: y\n", 4, "yaml", "syntax error", id="colon-in-value"),
        pytest.param("- one\n- two\n", 1, "(top level)", "found a list", id="top-level-list"),
        pytest.param("# a comment\n- one\n", 2, "(top level)", "found a list", id="top-level-list-after-comment"),
        pytest.param("just some text\n", 1, "(top level)", "found a value", id="top-level-scalar"),
        pytest.param(GOOD_QUESTIONS, 1, "deck", "missing", id="missing-deck"),
        pytest.param("deck:\n" + GOOD_QUESTIONS, 1, "deck", "missing", id="null-deck"),
        pytest.param("# header\n\ndeck: D\n", 3, "questions", "missing", id="missing-questions"),
        pytest.param("deck: D\nquestions: []\n", 2, "questions", "empty", id="empty-questions"),
        pytest.param("deck: D\nquestions:\n", 2, "questions", "empty", id="null-questions"),
        pytest.param(
            "deck: D\nquestions:\n  id: a\n",
            3,
            "questions",
            "expected a list, found a mapping",
            id="questions-mapping",
        ),
        pytest.param(
            "deck: D\nquestions: lots\n",
            2,
            "questions",
            "expected a list, found a value",
            id="questions-scalar",
        ),
        pytest.param(
            "deck: D\nquestions:\n  - just text\n",
            3,
            "questions",
            "each question must be a mapping",
            id="question-not-mapping",
        ),
        pytest.param(
            "deck: D\ndecks: E\n" + GOOD_QUESTIONS,
            2,
            "decks",
            "unknown field",
            id="unknown-top-level-field",
        ),
        pytest.param(
            "deck: [a, b]\n" + GOOD_QUESTIONS,
            1,
            "deck",
            "expected text, found a list",
            id="deck-not-text",
        ),
    ],
)
def test_file_level_problems(tmp_path: Path, text: str, line: int, field: str, fragment: str) -> None:
    path = write(tmp_path, text)
    _, problem = only_problem(path)
    assert_problem(problem, path, line, field, fragment)


def test_syntax_error_gives_no_bank(tmp_path: Path) -> None:
    bank, problem = only_problem(write(tmp_path, "deck: D\nquestions:\n  - id: a\n   type: short\n"))
    assert bank is None
    assert problem.message.startswith("syntax error: ")


@pytest.mark.parametrize(
    "text",
    [b"", b"   \n\n\t\n", b"# only a comment\n# and another\n", b"\n  # indented comment\n\n"],
    ids=["empty", "whitespace", "comments", "blank-and-comment"],
)
def test_empty_file(tmp_path: Path, text: bytes) -> None:
    path = write(tmp_path, text)
    bank, problem = only_problem(path)
    assert bank is None
    assert_problem(problem, path, 1, "file", "empty")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "with-bom"])
def test_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path: Path, bom: bytes) -> None:
    path = write(tmp_path, bom + "deck: D\nquestions:\n  - id: café\n".encode("latin-1"))
    bank, problem = only_problem(path)
    assert bank is None
    assert_problem(problem, path, 3, "file", "not UTF-8 text (byte 0xe9)")


def test_tab_indentation_is_a_syntax_error_on_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\nquestions:\n  - id: a\n\ttype: short\n")
    _, problem = only_problem(path)
    assert_problem(problem, path, 4, "yaml", "syntax error")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + one_question(SHORT).encode("utf-8"))
    assert load_ok(path).deck == "Test Deck"


def test_binary_file_with_nul_byte(tmp_path: Path) -> None:
    path = write(tmp_path, b"deck: D\nquestions:\n\x00\x01\x02binary")
    bank, problem = only_problem(path)
    assert bank is None
    assert_problem(problem, path, 3, "file", "binary data")


def test_missing_path_load_bank(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    bank, problem = only_problem(path)
    assert bank is None
    assert_problem(problem, path, 0, "path", "no such file")


def test_folder_given_to_load_bank(tmp_path: Path) -> None:
    bank, problem = only_problem(tmp_path)
    assert bank is None
    assert_problem(problem, tmp_path, 0, "path", "is a folder")


def test_display_name_is_used_in_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "deck: D\n")
    _, problems = load_bank(path, display="banks/mine.yaml")
    assert [str(p) for p in problems] == ["banks/mine.yaml:1: questions: missing: a bank needs a list of questions"]


# -- a question's required fields ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["id", "type", "prompt", "answer"])
def test_question_missing_a_required_field(tmp_path: Path, field: str) -> None:
    lines = [line for line in textwrap.dedent(SHORT).strip().splitlines() if not line.lstrip("- ").startswith(field)]
    if field == "id":  # the question's first line now starts with the next key
        lines[0] = "- " + lines[0].strip()
    path = write(tmp_path, one_question("\n".join(lines)))
    bank, problem = only_problem(path)
    assert_problem(problem, path, 3, field, "missing")
    assert bank is not None and bank.questions == []


@pytest.mark.parametrize("field", ["type", "prompt", "answer"])
@pytest.mark.parametrize("null", ["", " ~", " null", " ''", ' "  "'], ids=["empty", "tilde", "null", "quotes", "blank"])
def test_null_or_blank_required_field_counts_as_missing(tmp_path: Path, field: str, null: str) -> None:
    text = textwrap.dedent(SHORT)
    lines = [f"  {field}:{null}" if line.startswith(f"  {field}:") else line for line in text.strip().splitlines()]
    path = write(tmp_path, one_question("\n".join(lines)))
    field_line = 3 + next(i for i, line in enumerate(lines) if line.startswith(f"  {field}:"))
    _, problem = only_problem(path)
    assert_problem(problem, path, field_line, field, "missing (question q1)")


@pytest.mark.parametrize("field", ["id", "type", "prompt", "answer"])
def test_required_field_that_is_a_list_is_reported_once(tmp_path: Path, field: str) -> None:
    fields = {"id": "q1", "type": "short", "prompt": "p", "answer": "a", field: "[x, y]"}
    path = write(tmp_path, one_question("- " + "\n  ".join(f"{k}: {v}" for k, v in fields.items())))
    _, problem = only_problem(path)
    line = 3 + list(fields).index(field)
    assert_problem(problem, path, line, field, "expected text, found a list")


def test_null_id_counts_as_missing(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id:\n  type: short\n  prompt: p\n  answer: a"))
    _, problem = only_problem(path)
    assert_problem(problem, path, 3, "id", "missing")


def test_id_with_spaces(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id: two words\n  type: short\n  prompt: p\n  answer: a"))
    _, problem = only_problem(path)
    assert_problem(problem, path, 3, "id", "contains spaces")


def test_overlong_id(tmp_path: Path) -> None:
    path = write(tmp_path, one_question(f"- id: {'x' * 101}\n  type: short\n  prompt: p\n  answer: a"))
    _, problem = only_problem(path)
    assert_problem(problem, path, 3, "id", "longer than 100")


def test_unknown_type(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id: q1\n  topic: T\n  type: essay\n  prompt: p\n  answer: a"))
    _, problem = only_problem(path)
    assert_problem(problem, path, 5, "type", "unknown type 'essay' (question q1)")
    assert "mcq, cloze, short, truefalse, flashcard, list" in problem.message


def test_type_is_case_insensitive(tmp_path: Path) -> None:
    question = load_question(tmp_path, "- id: q1\n  type: Short\n  prompt: p\n  answer: a")
    assert question.type == "short"


def test_unknown_field_typo(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id: q1\n  type: short\n  prompt: p\n  anwser: Tokyo"))
    _, problems = load_bank(path)
    assert len(problems) == 2, [str(p) for p in problems]
    assert_problem(problems[0], path, 6, "anwser", "unknown field; expected one of: id, type")
    assert_problem(problems[1], path, 3, "answer", "missing (question q1)")


def test_key_given_twice(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id: q1\n  type: short\n  prompt: first\n  answer: a\n  prompt: second"))
    bank, problem = only_problem(path)
    assert_problem(problem, path, 7, "prompt", "given twice (first at line 5)")
    assert bank is not None and bank.questions == []


def test_top_level_key_given_twice(tmp_path: Path) -> None:
    path = write(tmp_path, one_question(SHORT) + "deck: Other\n")
    _, problem = only_problem(path)
    assert_problem(problem, path, 7, "deck", "given twice (first at line 1)")


# -- mcq -------------------------------------------------------------------------------------------


def mcq(answer: str, choices: str) -> str:
    return f"- id: m1\n  type: mcq\n  prompt: Capital of Japan?\n  answer: {answer}\n  choices: {choices}"


@pytest.mark.parametrize(
    ("answer", "choices", "line", "field", "fragment"),
    [
        pytest.param(
            "Kyoto",
            "[Tokyo, Osaka]",
            7,
            "choices",
            "the answer 'Kyoto' is not among the choices (question m1)",
            id="answer-not-among-choices",
        ),
        pytest.param(
            "tokyo",
            "[Tokyo, Osaka]",
            7,
            "choices",
            "not among the choices (did you mean 'Tokyo'?)",
            id="did-you-mean",
        ),
        pytest.param("Tokyo", "[Tokyo]", 7, "choices", "at least 2 choices, found 1", id="one-choice"),
        pytest.param(
            "A",
            "[A, B, C, D, E, F, G]",
            7,
            "choices",
            "at most 6 choices (keys 1–6), found 7",
            id="seven-choices",
        ),
        pytest.param("Tokyo", "Tokyo", 7, "choices", "expected a list, found a single value", id="choices-scalar"),
        pytest.param("Tokyo", "[Tokyo, '']", 7, "choices[1]", "empty entry", id="empty-choice"),
    ],
)
def test_mcq_problems(tmp_path: Path, answer: str, choices: str, line: int, field: str, fragment: str) -> None:
    path = write(tmp_path, one_question(mcq(answer, choices)))
    bank, problems = load_bank(path)
    assert problems, "expected a problem"
    assert_problem(problems[0], path, line, field, fragment)
    assert bank is not None and bank.questions == []


def test_mcq_answer_not_among_choices_has_no_hint_when_nothing_is_close(tmp_path: Path) -> None:
    _, problem = only_problem(write(tmp_path, one_question(mcq("Kyoto", "[Tokyo, Osaka]"))))
    assert "did you mean" not in problem.message


def test_mcq_answer_twice(tmp_path: Path) -> None:
    path = write(tmp_path, one_question(mcq("Tokyo", "[Tokyo, Osaka, Tokyo]")))
    _, problems = load_bank(path)
    assert len(problems) == 2, [str(p) for p in problems]
    assert_problem(problems[0], path, 7, "choices[2]", "duplicate of choices[0] 'Tokyo'")
    assert_problem(problems[1], path, 7, "choices", "the answer 'Tokyo' appears 2 times")


def test_mcq_duplicate_choice_ignores_case_and_names_its_line(tmp_path: Path) -> None:
    question = """
    - id: m1
      type: mcq
      prompt: Capital of Japan?
      answer: Tokyo
      choices:
        - Tokyo
        - Osaka
        - KYOTO
        - kyoto
    """
    path = write(tmp_path, one_question(question))
    _, problem = only_problem(path)
    assert_problem(problem, path, 11, "choices[3]", "duplicate of choices[2] 'kyoto' (question m1)")


def test_mcq_missing_choices(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("- id: m1\n  type: mcq\n  prompt: p\n  answer: a"))
    _, problem = only_problem(path)
    assert_problem(problem, path, 3, "choices", "missing: an mcq needs choices (question m1)")


def test_mcq_with_six_choices_loads(tmp_path: Path) -> None:
    question = load_question(tmp_path, mcq("F", "[A, B, C, D, E, F]"))
    assert question.choices == ["A", "B", "C", "D", "E", "F"]
    assert question.answer == "F"


# -- truefalse -------------------------------------------------------------------------------------


def truefalse(answer: str) -> str:
    return f"- id: t1\n  type: truefalse\n  prompt: The sky is blue.\n  answer: {answer}"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("true", "True"),
        ("TRUE", "True"),
        ("True", "True"),
        ("'tRuE'", "True"),
        ("false", "False"),
        ("FALSE", "False"),
        ('"False"', "False"),
    ],
)
def test_truefalse_answer_normalised(tmp_path: Path, written: str, expected: str) -> None:
    assert load_question(tmp_path, truefalse(written)).answer == expected


@pytest.mark.parametrize("answer", ["yes", "no", "maybe", "1", "T"])
def test_truefalse_answer_must_be_true_or_false(tmp_path: Path, answer: str) -> None:
    path = write(tmp_path, one_question(truefalse(answer)))
    _, problem = only_problem(path)
    assert_problem(problem, path, 6, "answer", f"a truefalse answer is True or False, not {answer!r} (question t1)")


# -- list ------------------------------------------------------------------------------------------


def list_question(items: str | None) -> str:
    text = "- id: l1\n  type: list\n  prompt: Name the Quad.\n  answer: India, US, Japan and Australia"
    return text if items is None else f"{text}\n  items: {items}"


@pytest.mark.parametrize(
    ("items", "line", "field", "fragment"),
    [
        pytest.param(None, 3, "items", "missing: a list question needs its items (question l1)", id="no-items"),
        pytest.param("[]", 7, "items", "missing: a list question needs its items", id="empty-items"),
        pytest.param("[India]", 7, "items", "a list needs at least 2 items (question l1)", id="one-item"),
        pytest.param("[India, Japan, INDIA]", 7, "items[2]", "duplicate of items[0] 'INDIA'", id="duplicate-items"),
    ],
)
def test_list_problems(tmp_path: Path, items: str | None, line: int, field: str, fragment: str) -> None:
    path = write(tmp_path, one_question(list_question(items)))
    _, problem = only_problem(path)
    assert_problem(problem, path, line, field, fragment)


# -- fields that belong to other types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "line", "field", "fragment"),
    [
        pytest.param(
            "- id: s1\n  type: short\n  prompt: p\n  answer: a\n  choices: [a, b]",
            7,
            "choices",
            "only an mcq has choices, not a short (question s1)",
            id="choices-on-short",
        ),
        pytest.param(
            "- id: t1\n  type: truefalse\n  prompt: p\n  answer: true\n  choices: [True, False]",
            7,
            "choices",
            "only an mcq has choices, not a truefalse",
            id="choices-on-truefalse",
        ),
        pytest.param(
            "- id: c1\n  type: cloze\n  prompt: ____ is red.\n  answer: a\n  items: [a, b]",
            7,
            "items",
            "only a list question has items, not a cloze (question c1)",
            id="items-on-cloze",
        ),
        pytest.param(
            "- id: m1\n  type: mcq\n  prompt: p\n  answer: a\n  choices: [a, b]\n  items: [a, b]",
            8,
            "items",
            "only a list question has items, not a mcq",
            id="items-on-mcq",
        ),
        pytest.param(
            "- id: c1\n  type: cloze\n  prompt: The sky is blue.\n  answer: blue",
            5,
            "prompt",
            "a cloze prompt needs a blank (____) (question c1)",
            id="cloze-without-blank",
        ),
    ],
)
def test_fields_of_other_types(tmp_path: Path, question: str, line: int, field: str, fragment: str) -> None:
    path = write(tmp_path, one_question(question))
    _, problem = only_problem(path)
    assert_problem(problem, path, line, field, fragment)


# -- duplicates within a file and across files -----------------------------------------------------


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    text = """
    deck: D
    questions:
      - id: q1
        type: short
        prompt: first
        answer: a
      - id: q1
        type: short
        prompt: second
        answer: b
    """
    path = write(tmp_path, text)
    bank, problem = only_problem(path)
    assert_problem(problem, path, 7, "id", "duplicate id q1 (first at line 3)")
    assert bank is not None and [q.prompt for q in bank.questions] == ["first"]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, one_question(SHORT), "a.yaml")
    second = write(
        tmp_path,
        "# other\ndeck: Other\nquestions:\n  - id: q2\n    type: short\n    prompt: p\n"
        "    answer: a\n  - id: q1\n    type: short\n    prompt: p\n    answer: b\n",
        "b.yaml",
    )
    result = load_banks([str(first), str(second)])
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    assert_problem(result.problems[0], second, 8, "id", f"duplicate id q1 (also at {first}:3)")
    assert not result.ok


def test_same_deck_in_two_files(tmp_path: Path) -> None:
    first = write(tmp_path, one_question(SHORT), "a.yaml")
    second = write(
        tmp_path,
        "# the same deck again\ndeck: test deck\nquestions:\n  - id: q2\n    type: short\n"
        "    prompt: p\n    answer: a\n",
        "b.yaml",
    )
    result = load_banks([str(first), str(second)])
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    assert_problem(result.problems[0], second, 2, "deck", f"deck 'test deck' is also the deck of {first}")


# -- paths: files, folders, repeats ----------------------------------------------------------------


def test_load_banks_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    result = load_banks([missing])
    assert result.banks == [] and result.files == []
    assert len(result.problems) == 1
    assert_problem(result.problems[0], missing, 0, "path", "no such file or folder")


def test_folder_without_banks(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    write(folder, "deck: D\n", "notes.txt")
    write(folder / "sub", one_question(SHORT), "nested.yaml")
    result = load_banks([str(folder)])
    assert result.banks == [] and result.files == []
    assert len(result.problems) == 1
    assert_problem(result.problems[0], folder, 0, "path", "folder has no .yaml or .yml banks")


def test_folder_is_expanded_sorted_not_recursive(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    for name, deck, qid in [("c.yaml", "C", "c1"), ("a.yml", "A", "a1"), ("b.yaml", "B", "b1")]:
        write(
            folder,
            f"deck: {deck}\nquestions:\n  - id: {qid}\n    type: short\n    prompt: p\n    answer: x\n",
            name,
        )
    write(folder, "not: a bank\n", "readme.txt")
    write(folder, "broken: [\n", "notes.json")
    write(folder / "nested", "broken: [\n", "deep.yaml")
    (folder / "dir.yaml").mkdir()  # a folder named like a bank is not one
    result = load_banks([str(folder)])
    assert result.ok, [str(p) for p in result.problems]
    assert result.files == [str(folder / "a.yml"), str(folder / "b.yaml"), str(folder / "c.yaml")]
    assert [bank.deck for bank in result.banks] == ["A", "B", "C"]
    assert result.question_count == 3


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, one_question(SHORT))
    result = load_banks([str(path), str(path), str(tmp_path / "." / "bank.yaml"), str(tmp_path)])
    assert result.ok, [str(p) for p in result.problems]
    assert result.files == [str(path)]
    assert len(result.banks) == 1


def test_load_banks_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    bad = write(tmp_path, "deck: [\n", "a.yaml")
    good = write(tmp_path, one_question(SHORT), "b.yaml")
    result = load_banks([str(bad), str(good)])
    assert [p.file for p in result.problems] == [str(bad)]
    assert [bank.file for bank in result.banks] == [str(good)]


# -- every problem, not just the first -------------------------------------------------------------


def test_every_problem_is_reported_and_good_questions_kept(tmp_path: Path) -> None:
    text = """
    deck: D
    questions:
      - id: good1
        type: short
        prompt: p
        answer: a
      - id: bad1
        type: mcq
        prompt: p
        answer: x
        choices: [a, b]
      - id: good2
        type: truefalse
        prompt: p
        answer: false
      - id: bad2
        type: riddle
        prompt: p
        answer: a
      - id: bad3
        type: list
        prompt: p
        answer: a
        items: [a]
      - id: good3
        type: flashcard
        prompt: p
        answer: a
    """
    path = write(tmp_path, text)
    bank, problems = load_bank(path)
    assert [(p.line, p.field) for p in problems] == [(11, "choices"), (17, "type"), (24, "items")]
    for problem, qid in zip(problems, ["bad1", "bad2", "bad3"], strict=True):
        assert f"(question {qid})" in problem.message
    assert bank is not None
    assert [q.id for q in bank.questions] == ["good1", "good2", "good3"]


def test_one_question_reports_all_its_problems(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        one_question("- id: q1\n  type: mcq\n  prompt: p\n  answer: z\n  choices: [a, A]\n  tpoic: x"),
    )
    _, problems = load_bank(path)
    assert {(p.line, p.field) for p in problems} == {(8, "tpoic"), (7, "choices[1]"), (7, "choices")}


# -- scalars are text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "written", "expected"),
    [
        ("answer", "1952", "1952"),
        ("answer", "3.50", "3.50"),
        ("answer", "007", "007"),
        ("answer", "1e3", "1e3"),
        ("answer", "2024-01-05", "2024-01-05"),
        ("answer", "'null'", "null"),
        ("answer", "  padded  ", "padded"),
        ("prompt", "yes", "yes"),
        ("prompt", "No", "No"),
        ("prompt", "on", "on"),
        ("id", "12", "12"),
        ("id", "0x1F", "0x1F"),
        ("topic", "true", "true"),
    ],
)
def test_scalars_are_read_as_written(tmp_path: Path, field: str, written: str, expected: str) -> None:
    fields = {"id": "q1", "type": "short", "topic": "T", "prompt": "p", "answer": "a", field: written}
    question = load_question(tmp_path, "- " + "\n  ".join(f"{k}: {v}" for k, v in fields.items()))
    assert getattr(question, field) == expected


def test_single_value_accept_and_tags_become_lists(tmp_path: Path) -> None:
    question = load_question(tmp_path, SHORT + "  accept: single value\n  tags: 1952")
    assert question.accept == ["single value"]
    assert question.tags == ["1952"]


def test_list_entries_are_text(tmp_path: Path) -> None:
    question = load_question(tmp_path, mcq("1952", "[1947, 1952, 3.50, yes, null-ish]"))
    assert question.choices == ["1947", "1952", "3.50", "yes", "null-ish"]


def test_source_mapping_is_parsed(tmp_path: Path) -> None:
    question = load_question(tmp_path, SHORT + "  source: {line: 3, text: 'Tokyo is the capital: of Japan.'}")
    assert (question.source_line, question.source_text) == (3, "Tokyo is the capital: of Japan.")


@pytest.mark.parametrize("value", ["abc", "0", "-2", "2.5", "0x1F", "1:30", "'3'", "[3]"])
def test_bad_source_line(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, one_question(SHORT + f"  source:\n    text: t\n    line: {value}"))
    bank, problem = only_problem(path)
    assert_problem(problem, path, 9, "source.line", "expected a line number (1 or more)")
    assert bank is not None and bank.questions == []


@pytest.mark.parametrize(
    ("source", "line", "field", "fragment"),
    [
        ("'just a sentence'", 7, "source", "expected a mapping {line, text}, found a value"),
        ("{line: 3, txet: t}", 7, "source.txet", "unknown field; expected one of: line, text"),
        ("{line: 3, text: [a, b]}", 7, "source.text", "expected text, found a list"),
    ],
)
def test_bad_source(tmp_path: Path, source: str, line: int, field: str, fragment: str) -> None:
    path = write(tmp_path, one_question(SHORT + f"  source: {source}"))
    _, problem = only_problem(path)
    assert_problem(problem, path, line, field, fragment)


def test_null_optional_fields_are_absent(tmp_path: Path) -> None:
    question = load_question(tmp_path, SHORT + "  topic:\n  explanation: ~\n  accept:\n  tags:\n  source:")
    assert question == BankQuestion(id="q1", type="short", prompt="What is the capital of Japan?", answer="Tokyo")


# -- good banks ------------------------------------------------------------------------------------


ALL_TYPES = """
# every type, with every optional field somewhere
deck: All Types
source: sources/all.txt
questions:
  - id: a-mcq
    type: mcq
    topic: Capitals
    prompt: What is the capital of Japan?
    answer: Tokyo
    choices: [Osaka, Tokyo, Kyoto, Nagoya]
    accept: [tokyo city]
    explanation: Tokyo has been the capital since 1868.
    source: {line: 1, text: Tokyo is the capital of Japan.}
    tags: [name, city]
  - id: a-cloze
    type: cloze
    prompt: ____ is the capital of India.
    answer: New Delhi
    accept: Delhi
  - id: a-short
    type: short
    prompt: In which year were relations established?
    answer: 1952
  - id: a-tf
    type: truefalse
    prompt: The Ganga flows into the Bay of Bengal.
    answer: true
  - id: a-card
    type: flashcard
    prompt: ODA
    answer: Official Development Assistance
    source: {line: 6}
  - id: a-list
    type: list
    prompt: Name the Quad.
    answer: India, United States, Japan and Australia
    items: [India, United States, Japan, Australia]
"""


def test_valid_bank_with_all_six_types(tmp_path: Path) -> None:
    path = write(tmp_path, ALL_TYPES, "all.yaml")
    bank = load_ok(path)
    assert (bank.deck, bank.source, bank.file, bank.deck_line) == (
        "All Types",
        "sources/all.txt",
        str(path),
        2,
    )
    assert len(bank.digest) == 64
    assert bank.questions == [
        BankQuestion(
            id="a-mcq",
            type="mcq",
            topic="Capitals",
            prompt="What is the capital of Japan?",
            answer="Tokyo",
            choices=["Osaka", "Tokyo", "Kyoto", "Nagoya"],
            accept=["tokyo city"],
            explanation="Tokyo has been the capital since 1868.",
            source_line=1,
            source_text="Tokyo is the capital of Japan.",
            tags=["name", "city"],
        ),
        BankQuestion(
            id="a-cloze",
            type="cloze",
            prompt="____ is the capital of India.",
            answer="New Delhi",
            accept=["Delhi"],
        ),
        BankQuestion(id="a-short", type="short", prompt="In which year were relations established?", answer="1952"),
        BankQuestion(id="a-tf", type="truefalse", prompt="The Ganga flows into the Bay of Bengal.", answer="True"),
        BankQuestion(
            id="a-card",
            type="flashcard",
            prompt="ODA",
            answer="Official Development Assistance",
            source_line=6,
        ),
        BankQuestion(
            id="a-list",
            type="list",
            prompt="Name the Quad.",
            answer="India, United States, Japan and Australia",
            items=["India", "United States", "Japan", "Australia"],
        ),
    ]
    assert [q.line for q in bank.questions] == [5, 15, 20, 24, 28, 33]


def test_digest_follows_the_bytes(tmp_path: Path) -> None:
    first = load_ok(write(tmp_path, one_question(SHORT), "a.yaml"))
    same = load_ok(write(tmp_path, one_question(SHORT), "b.yaml"))
    changed = load_ok(write(tmp_path, one_question(SHORT) + "# a comment\n", "c.yaml"))
    assert first.digest == same.digest != changed.digest


def test_bundled_bank_loads_cleanly() -> None:
    path = BUNDLED_BANKS / "india-japan-relations.yaml"
    bank = load_ok(path)
    assert bank.deck == "India–Japan Relations"
    assert len(bank.questions) >= 6
    assert {q.type for q in bank.questions} <= {"mcq", "cloze", "short", "truefalse", "flashcard", "list"}
    assert all(q.id.startswith(deck_prefix(bank.deck) + "-") for q in bank.questions)


def test_bundled_folder_loads_cleanly() -> None:
    result = load_banks([str(BUNDLED_BANKS)])
    assert result.ok, [str(p) for p in result.problems]
    assert result.banks and result.question_count == sum(len(b.questions) for b in result.banks)
