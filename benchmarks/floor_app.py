"""The framework's floor: the least any page or answer of a Flask + SQLAlchemy app can cost.

Served by `web_throughput.py` beside the bare route, under the same gunicorn settings:

    python benchmarks/floor_app.py PORT WORKERS DATABASE_URL

- GET /page:   open Flask's signed session cookie, one indexed SELECT through SQLAlchemy Core,
               render a Jinja template (a layout and a page block) of the question page's
               size (3.7 KB) with a dozen expressions, a loop and a hidden form field.
- POST /write: open the session cookie, read a JSON body, one INSERT committed in its own
               write transaction on an engine made as the app makes its own (`make_engine`:
               WAL, durable commits, the cross-process write lock on SQLite), answer JSON.
- GET /sign-in: sets the session cookie the two routes above expect.

No quiz code runs on these routes: the gap between them and the bare route is what Flask,
its session, SQLAlchemy, Jinja and the database cost; the gap between them and the quiz's
routes is what our own work costs (grading, the card, the figures, CSRF, the identity check).
"""

from __future__ import annotations

import sys
from typing import Any

from flask import Flask, abort, jsonify, render_template, request, session
from jinja2 import DictLoader
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select

from quiz.storage.engine import begin_write, make_engine, make_sessionmaker
from quiz.web.server import GunicornServer, gunicorn_options

METADATA = MetaData()
ROWS = Table(
    "floor_row",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("owner", Integer, nullable=False, index=True),
    Column("text", String(200), nullable=False),
)

LAYOUT = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% block title %}{% endblock %} · Floor</title>
  <link rel="stylesheet" href="/static/css/app.css">
  <script src="/static/js/app.js" defer></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="site-header">
    <div class="container header-inner">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">Q</span> Quiz</a>
      <nav aria-label="Main"><ul class="nav-links">
      {% for label, href in links %}<li><a href="{{ href }}">{{ label }}</a></li>{% endfor %}
      </ul></nav>
      <div class="account">
        <span class="signed-in">Signed in as <strong>{{ who }}</strong></span>
        <a class="button button-quiet" href="/account">Account</a>
      </div>
    </div>
  </header>
  <main id="main" class="container">{% block content %}{% endblock %}</main>
  <footer class="site-footer"><div class="container">
    <p>Every question is graded on the server, with a sentence of feedback and the words of
    the article it was drawn from. A bank drawn from an article backs every question with a
    quote from it.</p></div></footer>
</body>
</html>
"""

PAGE = """{% extends "layout" %}
{% block title %}Question {{ row.id }} of 10{% endblock %}
{% block content %}
<div class="quiz-shell">
  <div class="quiz-progress">
    <p class="progress-text"><strong>Question {{ row.id }} of 10</strong></p>
    <progress max="10" value="{{ row.id - 1 }}" aria-label="Questions answered"></progress>
  </div>
  <form method="post" class="panel question-card" novalidate>
    <input name="token" type="hidden" value="{{ token }}">
    <fieldset class="question-fieldset kind-text">
      <legend class="prompt">{{ row.text }}</legend>
      <p class="field-hint" id="hint">Give the distance with its unit, in figures or in words:
      "20 kilometres", "twenty km" and "20,000 m" are all read, and so is a decimal.</p>
      <div class="field">
        <label class="field-label" for="answer">Your answer</label>
        <input class="input" type="text" maxlength="1000" id="answer" name="answer" value=""
          autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="hint">
      </div>
    </fieldset>
    <div class="question-actions">
      <button type="submit" class="button button-large">Check my answer</button>
      <span class="keys-hint" aria-hidden="true">Enter to check</span>
    </div>
  </form>
  <section class="panel"><h2>How answers are read</h2>
  {% for line in notes %}<p>{{ line }}</p>{% endfor %}
  </section>
</div>
{% endblock %}
"""

LINKS = [("Quizzes", "/"), ("Flashcards", "/flashcards"), ("Progress", "/progress"),
         ("Help", "/help")]  # fmt: skip
NOTES = [
    "A number is read in figures or in words, with its unit in any spelling pint knows.",
    "A date is read at the precision the question asks for: a year, a month or a day.",
    "A name is right by the family name alone, and a typo of one letter is forgiven.",
    "Every verdict comes with a sentence of feedback and the article's own words.",
    "A choice question takes the number of a choice, its letter or its words.",
    "An order question takes the events' numbers in order, or the events dragged in place.",
    "A question marked exam keeps its verdicts sealed until the run ends.",
    "Flashcards come back when the scheduler expects you are about to forget them.",
    "A quote is always copied from the article, word for word, with its sentence.",
    "Anything you type is capped at a thousand characters before it is read.",
]


def make_app(database_url: str) -> Flask:
    engine = make_engine(database_url)
    METADATA.create_all(engine)
    with engine.begin() as connection:
        if connection.execute(select(ROWS.c.id).limit(1)).first() is None:
            connection.execute(insert(ROWS), {"owner": 1, "text": "How far did the march go?"})
    engine.dispose()  # gunicorn forks after this: no connection may cross into a worker
    sessions = make_sessionmaker(engine)
    read = select(ROWS.c.id, ROWS.c.text).where(ROWS.c.id == 1)
    app = Flask("floor")
    app.secret_key = "bench"
    app.jinja_env.loader = DictLoader({"layout": LAYOUT, "page": PAGE})

    @app.get("/sign-in")
    def sign_in() -> str:
        session["learner"] = 1
        return "signed in"

    @app.get("/page")
    def page() -> str:
        if session.get("learner") != 1:
            abort(403)
        with engine.connect() as connection:
            row = connection.execute(read).one()
        return render_template(
            "page", row=row, links=LINKS, notes=NOTES, who="learner", token="x" * 90
        )

    @app.post("/write")
    def write() -> Any:
        if session.get("learner") != 1:
            abort(403)
        text = str((request.get_json(silent=True) or {}).get("response", ""))[:200]
        with sessions() as db:
            begin_write(db)
            db.execute(insert(ROWS), {"owner": 1, "text": text})
            db.commit()
        return jsonify({"stored": True})

    return app


if __name__ == "__main__":
    port, workers, url = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    GunicornServer(make_app(url), gunicorn_options("127.0.0.1", port, workers)).run()
