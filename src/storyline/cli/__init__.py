"""The command line: a thin shell over the library, one module per group of commands."""

from __future__ import annotations

import sys

import typer

from storyline.cli import articles
from storyline.errors import StorylineError
from storyline.render import err_console

app = typer.Typer(
    help="storyline: dated news articles in, storylines out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
articles.register(app)


def main() -> None:
    try:
        app()
    except StorylineError as error:
        err_console.print(f"[red]error[/red] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted: what was committed stays; rerun to finish", highlight=False)
        sys.exit(130)
