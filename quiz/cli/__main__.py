"""`python -m quiz.cli`: the same as the `quiz` command."""

from __future__ import annotations

import sys

from quiz.cli import main

sys.exit(main())
