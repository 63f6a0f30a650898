"""The help screen: every key of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

HELP = """\
# Keys

| where | key | does |
| --- | --- | --- |
| everywhere | `ctrl+q` | quit |
| | `ctrl+p` | command palette: every action by name, and the themes |
| | `?` `f1` | this help |
| | `escape` | back |
| home | `enter` `s` | study the highlighted deck |
| | `a` | study all decks |
| | `z` `e` | a practice quiz, a timed exam (a dialog sets them up) |
| | `t` | statistics of the highlighted deck (all decks in its selector) |
| | `b` | browse the highlighted deck's cards |
| | `o` | options of the highlighted deck: scheduler, limits, steps |
| | `x` | exam date of the highlighted deck (days left and readiness then) |
| | `r` | read the decks again |
| flashcards | `space` `enter` | show the answer |
| | `1` `2` `3` `4` | Again, Hard, Good, Easy |
| | `u` | undo the last answer |
| | `!` | suspend the card |
| | `-` | bury the card until tomorrow |
| | `o` | show or hide the source sentence |
| browse | `f` | next filter: due, new, learning, review, suspended, leeches, buried |
| | `/` | search words (enter to apply) |
| | `!` | suspend or unsuspend (an unsuspended leech gets another chance) |
| | `-` | bury until tomorrow, or unbury |
| | `r` | reset: the card is new again (asks first) |
| options | `ctrl+s` `enter` | save · `escape` cancel |
| quiz | `a`–`f` `1`–`6` | choose |
| | `t` `f` | true, false |
| | `enter` | send a typed answer (on nothing: skip); next after feedback |
| | `k` | skip |
| | `i` | I was right: count a wrong answer as right |
| | `pgup` `pgdn` | exam: previous, next question |
| | `ctrl+s` | submit |
| results | `r` | retry the wrong and unanswered ones |
| statistics | `1`–`5` | overview, answers, forecast, topics, quizzes |
| | `d` | choose the deck (or all decks) |
| | `p` | answers over 30, 90 or 365 days |
| | `x` | set or clear the deck's exam date |
| no cards due | `n` | learn more new cards today |
| | `h` | study ahead: the cards due soonest |

The schedule is FSRS (or SM-2 for a deck set to it). Every answer is saved the moment you give it.
"""


class HelpScreen(ModalScreen[None]):
    """Keys, in one table."""

    BINDINGS = [("escape,question_mark,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            from textual.widgets import Markdown  # imported when help is first opened, not at start

            yield Markdown(HELP)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
