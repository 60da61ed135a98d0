"""Named exceptions. Each carries a short code and a message a user can act on."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: ``code`` is stable, the message says what went wrong and where."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InvalidDateError(StorylineError, ValueError):
    code = "E001"


class ReadError(StorylineError):
    """An input file or record could not be read; names the file, record and reason."""

    code = "E100"

    def __init__(
        self, path: str, reason: str, record: str | None = None, unread: bool = False
    ) -> None:
        self.path = path
        self.reason = reason
        self.record = record
        # The record itself could not be read (malformed JSON, say): it counts as failed,
        # not as read; an article read but then rejected (no text left) counts as both.
        self.unread = unread
        where = f"{path}:{record}" if record else path
        super().__init__(f"{where}: {reason}")


class StoreError(StorylineError):
    code = "E200"


class NotFoundError(StorylineError, LookupError):
    code = "E201"


class ModelError(StorylineError):
    """A shipped model file is missing or unreadable."""

    code = "E300"


class AnalysisError(StorylineError):
    """A stage failed on one article; names the article, the stage and the reason."""

    code = "E400"
