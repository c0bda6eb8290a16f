"""`quiz serve` and `quiz db`: running the web app and keeping its database up to date."""

from __future__ import annotations

import argparse

from quiz.cli.common import EXIT_OK, Subcommands


def register(commands: Subcommands) -> None:
    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    serve.add_argument(
        "--production",
        action="store_true",
        help="serve with gunicorn (sync workers) instead of the development server",
    )
    serve.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    serve.add_argument("--debug", action="store_true", help="development mode with reloading")
    serve.set_defaults(run=_serve)

    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="upgrade: apply migrations")
    db.set_defaults(run=_db)


def _serve(args: argparse.Namespace) -> int:
    from quiz.web.server import serve

    serve(
        host=args.host,
        port=args.port,
        production=args.production,
        workers=args.workers,
        debug=args.debug,
    )
    return EXIT_OK


def _db(args: argparse.Namespace) -> int:
    from quiz.factory import create_app
    from quiz.storage.migrate import upgrade

    app = create_app()
    upgrade(app.config["DATABASE_URL"])
    print(f"database upgraded: {app.config['DATABASE_URL']}")
    return EXIT_OK
