"""Questions from the shape of the notes: question-and-answer pairs, "Term: definition" pairs, a heading or
lead-in with its items, and table rows (pipe tables, or lines of cells split by dashes under a header)."""

from quizapp.generate.nouns import is_plural
from quizapp.generate.shapes.common import Placed
from quizapp.generate.shapes.examples import example_questions
from quizapp.generate.shapes.groups import group_questions
from quizapp.generate.shapes.legend import legend_questions
from quizapp.generate.shapes.lists import lead_in_cards, list_members, list_questions
from quizapp.generate.shapes.named import named_questions
from quizapp.generate.shapes.owners import owner_questions
from quizapp.generate.shapes.pair import shouted_name, split_pair, subject_of
from quizapp.generate.shapes.pairs import term_questions
from quizapp.generate.shapes.qa import is_sentence, qa_lines, qa_questions
from quizapp.generate.shapes.records import record_points, record_questions, timeline_questions
from quizapp.generate.shapes.tables import table_lines, table_questions

__all__ = [
    "Placed",
    "example_questions",
    "group_questions",
    "is_plural",
    "is_sentence",
    "lead_in_cards",
    "legend_questions",
    "list_members",
    "list_questions",
    "named_questions",
    "owner_questions",
    "qa_lines",
    "qa_questions",
    "record_points",
    "record_questions",
    "shouted_name",
    "split_pair",
    "subject_of",
    "table_lines",
    "table_questions",
    "term_questions",
    "timeline_questions",
]
