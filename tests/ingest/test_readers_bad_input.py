"""Bad input gives one clear ReadError naming file and reason; paths expand in a stable order."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import ReadError
from storyline.ingest import readers
from storyline.ingest.readers import read_paths
from storyline.ingest.readers.common import CP1252_WARNING
from storyline.ingest.records import RawArticle, ReadOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ALL_EXTENSIONS = ["txt", "md", "html", "rss", "json", "jsonl", "dat"]


def read(*paths: Path | str, **options: Any) -> tuple[list[RawArticle], list[ReadError]]:
    results = list(read_paths([str(path) for path in paths], ReadOptions(**options)))
    assert all(isinstance(item, RawArticle | ReadError) for item in results)
    articles = [item for item in results if isinstance(item, RawArticle)]
    return articles, [item for item in results if isinstance(item, ReadError)]


def only_error(path: Path | str, **options: Any) -> ReadError:
    articles, errors = read(path, **options)
    assert articles == []
    assert len(errors) == 1, errors
    assert errors[0].path == str(path)
    return errors[0]


# --- binary, empty and wrongly encoded files --------------------------------------------------


@pytest.mark.parametrize("extension", ALL_EXTENSIONS)
def test_binary_file_with_nul_bytes(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"image.{extension}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20)
    assert "binary file" in only_error(path).reason


@pytest.mark.parametrize("extension", ["txt", "md", "json", "jsonl"])
def test_undecodable_bytes(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"a.{extension}"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
    reason = only_error(path).reason
    assert "undecodable" in reason or "binary" in reason


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(1, 9)) * 10 + b"tekst")
    assert "binary file" in only_error(path).reason


@pytest.mark.parametrize("extension", ALL_EXTENSIONS)
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  \n"])
def test_empty_or_whitespace_file(tmp_path: Path, extension: str, content: bytes) -> None:
    path = tmp_path / f"a.{extension}"
    path.write_bytes(content)
    assert "empty" in only_error(path).reason


def test_date_line_without_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2017-03\n\n", encoding="utf-8")
    assert only_error(path).reason == "no text after the date line"


def test_impossible_date_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2017-13\nTekst.\n", encoding="utf-8")
    error = only_error(path)
    assert error.record == "line 1" and "bad date" in error.reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Caf\xe9 \x93Oranje\x94 kost \x805.", "Café “Oranje” kost €5."),  # cp1252
        (b"r\xe9sum\xe9, na\xefve gar\xe7on", "résumé, naïve garçon"),  # Latin-1
    ],
)
def test_cp1252_and_latin1_text_is_decoded_with_a_warning(
    tmp_path: Path, raw: bytes, expected: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    articles, errors = read(path)
    assert errors == []
    assert articles[0].text == expected
    assert articles[0].warnings == [CP1252_WARNING]


def test_cp1252_markdown_and_utf16_text(tmp_path: Path) -> None:
    markdown = tmp_path / "a.md"
    markdown.write_bytes(b"---\ntitle: Caf\xe9\n---\nTekst \xe9\xe9n.\n")
    article = read(markdown)[0][0]
    assert (article.title, article.text, article.warnings) == (
        "Café",
        "Tekst één.",
        [CP1252_WARNING],
    )
    utf16 = tmp_path / "b.txt"
    utf16.write_bytes("date 2017-03\nTekst één.\n".encode("utf-16"))
    article = read(utf16)[0][0]
    assert (article.text, str(article.date), article.warnings) == ("Tekst één.", "2017-03", [])


# --- malformed structure ------------------------------------------------------------------------


def test_malformed_json_line_others_come_through(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Een."}\n{"text": "Twee."\n{"text": "Drie."}\n', encoding="utf-8")
    articles, errors = read(path)
    assert [a.text for a in articles] == ["Een.", "Drie."]
    assert [(e.path, e.record) for e in errors] == [(str(path), "line 2")]
    assert "malformed JSON" in errors[0].reason
    assert str(errors[0]).startswith(f"[E100] {path}:line 2: malformed JSON")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": ', "malformed JSON"),
        ("[]", "empty JSON array"),
        ('"just a string"', "expected a JSON array"),
        ('{"title": "x", "tags": ["a"]}', "expected a JSON array"),
    ],
)
def test_bad_json_document(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    assert reason in only_error(path).reason


def test_bad_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nTekst.\n", encoding="utf-8")
    assert "bad YAML front matter" in only_error(path).reason
    path.write_text("---\ndate: 2017-02-30\n---\nTekst.\n", encoding="utf-8")
    error = only_error(path)
    assert "bad date" in error.reason and error.record == "front matter"


def test_front_matter_without_body(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Alleen een titel\n---\n\n", encoding="utf-8")
    assert only_error(path).reason == "no text after the front matter"


def test_html_without_text() -> None:
    assert only_error(FIXTURES / "no_text.html").reason == "no article text found in the HTML page"


def test_feed_without_entries() -> None:
    assert only_error(FIXTURES / "empty_feed.rss").reason == "feed has no entries"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>x</book></catalog>', encoding="utf-8")
    assert "not an RSS or Atom feed" in only_error(path).reason


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(b"\x1f\x8b" + b"not really gzip" * 5)
    assert "gzip" in only_error(path).reason


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Tekst {n} " + "x" * 200}) + "\n" for n in range(400))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    articles, errors = read(path)
    assert len(articles) > 10
    assert len(errors) == 1 and "gzip" in errors[0].reason


# --- size limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["seed.txt", "article.md", "page.html", "feed.rss", "articles.json"]
)
def test_file_over_the_size_limit(name: str) -> None:
    error = only_error(FIXTURES / name, max_file_bytes=64)
    assert error.reason.startswith("file too large (") and "> 64 bytes limit)" in error.reason


def test_size_limit_counts_unzipped_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(json.dumps([{"text": "x" * 5000}]).encode()))
    assert os.path.getsize(path) < 1000
    assert "file too large" in only_error(path, max_file_bytes=1000).reason


def test_size_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: no real 3 MB write
    assert only_error(path, max_file_bytes=2 * 1024 * 1024).reason == (
        "file too large (3 MB > 2 MB limit)"
    )


# --- paths, folders, globs ----------------------------------------------------------------------


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    articles, errors = read(missing, FIXTURES / "seed.txt")
    assert len(articles) == 1
    assert [(e.path, e.reason) for e in errors] == [(str(missing), "no such file or folder")]


def test_folder_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("Verborgen.", encoding="utf-8")
    error = only_error(tmp_path)
    assert error.reason == "folder has no readable files (1 with unsupported extensions skipped)"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert only_error(empty).reason == "folder has no readable files"


def test_glob_without_matches(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.jsonl")
    assert only_error(pattern).reason == "no files match this pattern"


def _tree(root: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.md", "sub/deeper/d.txt", ".git/e.txt", "sub/.f.txt"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Tekst van {name}.", encoding="utf-8")
    (root / "sub" / "notes.docx").write_bytes(b"PK\x03\x04")


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    articles, errors = read(tmp_path)
    assert errors == []
    assert [os.path.relpath(a.origin, tmp_path) for a in articles] == [
        "a.txt",
        "b.txt",
        "sub/c.md",
        "sub/deeper/d.txt",
    ]


def test_recursive_glob_and_no_duplicates(tmp_path: Path) -> None:
    _tree(tmp_path)
    articles, errors = read(str(tmp_path / "**" / "*.txt"), tmp_path / "a.txt")
    assert errors == []
    assert [os.path.relpath(a.origin, tmp_path) for a in articles] == [
        "a.txt",
        "b.txt",
        "sub/deeper/d.txt",
    ]


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "a.txt"
    path.write_text("Tekst.", encoding="utf-8")
    path.chmod(0)
    assert "cannot read the file" in only_error(path).reason


def test_seed_folder_copy_with_junk_still_reads_every_good_file(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "seed.txt", tmp_path / "1.txt")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01")
    shutil.copy(FIXTURES / "articles.jsonl", tmp_path / "3.jsonl")
    articles, errors = read(tmp_path)
    assert len(articles) == 5
    assert [os.path.basename(e.path) for e in errors] == ["2.txt", "3.jsonl", "3.jsonl", "3.jsonl"]


def test_special_file_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert only_error(fifo).reason == "not a regular file or folder"


def test_dash_reads_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"text": "Van stdin."}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    articles, errors = read("-", FIXTURES / "seed.txt")
    assert errors == []
    assert [a.origin for a in articles] == ["-:line 1", str(FIXTURES / "seed.txt")]


def test_a_reader_crash_becomes_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: str, options: ReadOptions) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(readers.READERS, "text", broken)
    articles, errors = read(FIXTURES / "seed.txt", FIXTURES / "feed.atom")
    assert len(articles) == 1
    assert errors[0].reason == "unexpected error while reading (RuntimeError: boom)"
