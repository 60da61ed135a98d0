"""The command line: a thin shell over the library, one module per group of commands."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from storyline.cli import articles, entities, quotes, serve, stories, timeline
from storyline.errors import StorylineError
from storyline.render import err_console, report_error

app = typer.Typer(
    help="storyline: dated news articles in, storylines out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _configure(
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Show debug messages (why a date or quote was skipped)."
        ),
    ] = False,
) -> None:
    """storyline: dated news articles in, storylines out."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # trafilatura logs every page it finds thin; our readers already report that as an error.
    logging.getLogger("trafilatura").setLevel(logging.DEBUG if verbose else logging.CRITICAL)


articles.register(app)
entities.register(app)
quotes.register(app)
serve.register(app)
timeline.register(app)
stories.register(app)


def main() -> None:
    try:
        app()
    except StorylineError as error:
        report_error(error)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted: what was committed stays; rerun to finish", highlight=False)
        sys.exit(130)
