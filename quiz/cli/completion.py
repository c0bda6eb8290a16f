"""`quiz completion SHELL`: the shell completion script, made by argcomplete from the parser."""

from __future__ import annotations

import argparse

from quiz.cli.common import EXIT_OK, Subcommands

SHELLS = ("bash", "zsh", "fish")


def register(commands: Subcommands) -> None:
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print the completion script for SHELL. Load it with, for example:\n"
        '  bash:  eval "$(quiz completion bash)"   (in ~/.bashrc)\n'
        '  zsh:   eval "$(quiz completion zsh)"    (in ~/.zshrc)\n'
        "  fish:  quiz completion fish | source    (in ~/.config/fish/config.fish)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    completion.add_argument("shell", choices=SHELLS)
    completion.set_defaults(run=_completion)


def _completion(args: argparse.Namespace) -> int:
    import argcomplete

    print(argcomplete.shellcode(["quiz"], shell=args.shell), end="")
    return EXIT_OK
