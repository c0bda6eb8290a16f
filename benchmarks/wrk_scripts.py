"""The wrk Lua scripts of the web benchmark: who sends each request, and what it posts.

wrk runs one Lua state per thread (2 threads here); `setup(thread)` runs in the main state and
hands each thread its number, so the two threads post as different learners or into
different runs. A thread's connections take turns: each request goes to the next learner (or
the next unanswered position) of that thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

THREADS = 2


@dataclass(frozen=True)
class Identity:
    """What makes a request come from one learner: the session cookie and its CSRF token."""

    cookie: str
    token: str


def _lua(value: object) -> str:
    # A JSON string literal is a valid Lua string literal for the ASCII we send.
    return json.dumps(value)


def _thread_numbers() -> str:
    return (
        "local threads = 0\n"
        "function setup(thread)\n"
        "  thread:set('number', threads)\n"
        "  threads = threads + 1\n"
        "end\n"
        "local sent = 0\n"
    )


def cookie_script(path: Path, who: Identity) -> Path:
    """GETs as one learner."""
    path.write_text(f"wrk.headers['Cookie'] = {_lua(who.cookie)}\n")
    return path


def api_answer_script(path: Path, url_path: str, answer: str, learners: list[Identity]) -> Path:
    """POST an answer to the JSON API, each request from the thread's next learner."""
    rows = ",\n".join(f"  {{{_lua(w.cookie)}, {_lua(w.token)}}}" for w in learners)
    per_thread = max(1, len(learners) // THREADS)
    path.write_text(
        f"local learners = {{\n{rows}\n}}\n"
        f"local per_thread = {per_thread}\n"
        f"local body = {_lua(json.dumps({'response': answer}))}\n"
        + _thread_numbers()
        + "function request()\n"
        "  sent = sent + 1\n"
        "  local n = (number * per_thread + sent % per_thread) % #learners + 1\n"
        "  local who = learners[n]\n"
        "  return wrk.format('POST', "
        f"{_lua(url_path)}, "
        "{['Cookie'] = who[1], ['X-CSRFToken'] = who[2], "
        "['Content-Type'] = 'application/json'}, body)\n"
        "end\n"
    )
    return path


def form_answer_script(
    path: Path, who: Identity, runs: list[list[int]], positions: int, field_value: str
) -> Path:
    """POST the quiz page's form, each request answering the thread's next open position.

    `runs[t]` are thread t's runs, each `positions` long: re-posting an answered position is
    a no-op by design, so every request must find a new one. Past the last, requests wrap
    around (and the figures would flatter): make enough runs for the duration."""
    tables = ",\n".join("  {" + ", ".join(map(str, thread)) + "}" for thread in runs)
    path.write_text(
        f"local runs = {{\n{tables}\n}}\n"
        f"local positions = {positions}\n"
        f"local cookie, token = {_lua(who.cookie)}, {_lua(who.token)}\n"
        f"local value = {_lua(field_value)}\n" + _thread_numbers() + "function request()\n"
        "  local mine = runs[number + 1]\n"
        "  local run = mine[math.floor(sent / positions) % #mine + 1]\n"
        "  local position = sent % positions + 1\n"
        "  sent = sent + 1\n"
        "  local body = 'csrf_token=' .. token .. '&shown=&q' .. position .. '-answer=' .. value\n"
        "  return wrk.format('POST', '/quiz/run/' .. run .. '/' .. position, "
        "{['Cookie'] = cookie, ['Content-Type'] = 'application/x-www-form-urlencoded'}, body)\n"
        "end\n"
    )
    return path
