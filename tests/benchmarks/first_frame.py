"""Run by bench_tui.py in a process of its own: start an app headless, note when its first full frame is drawn.

python first_frame.py bare          a bare Textual app: a Header, a Static and a Footer
python first_frame.py app DB        `quizapp --db DB`: its first frame of the home screen ("home": drawn before the
                                    database is open), its first frame with the deck table filled ("frame"), then
                                    the frame with the Readiness cells filled ("recall", read in a worker)
python first_frame.py stats DB      the same, then `t`: the first frame of the statistics screen with its figures

Prints one JSON line: the time.perf_counter() of each of those frames ("home", "frame", "recall", "stats"; the clock
is the system's monotonic one, so the parent can subtract the moment it started this process), and the
process's peak resident memory "rss_mb" (VmHWM on Linux). Only Textual is imported before the app is
started, the same for every kind; the probe wraps Screen._compositor_refresh (where a frame is composed;
headless, it is composed but not written to a terminal) and App.run (to run headless).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from textual import events
from textual.app import App
from textual.screen import Screen

marks: dict[str, float] = {}
kind = sys.argv[1] if __name__ == "__main__" else ""


def _rss_mb() -> float:
    """Peak resident memory of this process since it started its program.

    On Linux from /proc (VmHWM): ru_maxrss would also count the parent's size at the fork that started us.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3  # kB
    except OSError:
        pass
    scale = 1e3 if sys.platform != "darwin" else 1e6  # kilobytes on Linux, bytes on macOS
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _check(screen: Screen) -> None:
    """After a frame of the top screen: note the frames this probe waits for, and move on or exit."""
    app = screen.app
    now = time.perf_counter()
    if kind == "bare":
        if screen.query("Static"):
            marks["frame"] = now
            app.exit()
        return
    name = type(screen).__name__
    if name == "HomeScreen":
        marks.setdefault("home", now)
        table = screen.query_one("#decks")
        if "frame" not in marks and table.row_count:  # type: ignore[attr-defined]
            marks["frame"] = now
        if "frame" in marks and "recall" not in marks and getattr(screen, "recall_shown", True):
            marks["recall"] = now
            if kind == "stats":
                key = events.Key("t", "t")  # as the terminal delivers a key press (and Pilot.press does)
                key.set_sender(app)
                app._driver.send_message(key)
            else:
                app.exit()
    elif name == "StatsScreen" and "stats" not in marks and getattr(screen, "figures", True) is not None:
        marks["stats"] = now
        app.exit()


_refresh = Screen._compositor_refresh


def _compositor_refresh(self: Screen) -> None:
    _refresh(self)
    if self is self.app.screen:
        _check(self)


_run = App.run


def _run_headless(self: App, *args: object, **kwargs: object) -> object:
    kwargs["headless"] = True
    return _run(self, *args, **kwargs)  # type: ignore[arg-type]


def main() -> None:
    Screen._compositor_refresh = _compositor_refresh  # type: ignore[method-assign]
    App.run = _run_headless  # type: ignore[method-assign]
    if kind == "bare":
        from textual.app import ComposeResult
        from textual.widgets import Footer, Header, Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("Hello")
                yield Footer()

        Bare().run()
    else:
        from quizapp.cli import main as quizapp

        quizapp(["--db", sys.argv[2]], standalone_mode=False)
    print(json.dumps({**marks, "rss_mb": _rss_mb()}))


if __name__ == "__main__":
    main()
