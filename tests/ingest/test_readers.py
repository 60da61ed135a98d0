"""The input readers: one test group per format, on small fixtures."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import ReadError
from storyline.ingest.readers import detect_format, read_paths, read_stream
from storyline.ingest.records import RawArticle, ReadOptions, ReadResult
from storyline.model import PartialDate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def split(results: Iterable[ReadResult]) -> tuple[list[RawArticle], list[ReadError]]:
    results = list(results)
    articles = [item for item in results if isinstance(item, RawArticle)]
    errors = [item for item in results if isinstance(item, ReadError)]
    return articles, errors


def read(*paths: Path | str, **options: Any) -> tuple[list[RawArticle], list[ReadError]]:
    results = list(read_paths([str(path) for path in paths], ReadOptions(**options)))
    return split(results)


def read_one(path: Path | str, **options: Any) -> RawArticle:
    articles, errors = read(path, **options)
    assert not errors, errors
    assert len(articles) == 1
    return articles[0]


# --- seeds and plain text ---------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not available")
def test_the_four_seed_files_give_four_month_precision_articles() -> None:
    articles, errors = read(SEEDS)
    assert errors == []
    assert len(articles) == 4
    assert all(
        article.date is not None and article.date.precision == "month" for article in articles
    )
    assert {str(article.date) for article in articles} == {"2017-03", "2017-05", "2017-11"}
    assert not any(article.text.lstrip().startswith("date") for article in articles)
    assert all("\n\n\n" not in article.text and "\r" not in article.text for article in articles)


def test_seed_text_starts_right_after_the_date_token() -> None:
    article = read_one(FIXTURES / "seed.txt")
    assert article.date == PartialDate(2017, 3)
    assert article.origin == str(FIXTURES / "seed.txt")
    assert article.text == (
        "Sessions trekt zich terug uit het onderzoek.\n\n"
        "Hij zei dat hij een vraag verkeerd heeft geïnterpreteerd."
    )
    assert article.warnings == []


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        (" date 2017-03", PartialDate(2017, 3)),
        ("date 2017-03-02", PartialDate(2017, 3, 2)),
        ("  date 2017", PartialDate(2017)),
        ("date: 2017-03-02", PartialDate(2017, 3, 2)),
        ("Date: 2017-03-02T10:00:00Z", PartialDate(2017, 3, 2)),
    ],
)
def test_date_line_keeps_its_precision(
    tmp_path: Path, first_line: str, expected: PartialDate
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{first_line}\nDe tekst.\n", encoding="utf-8")
    article = read_one(path)
    assert article.date == expected
    assert article.text == "De tekst."


def test_dated_text_file_drops_the_date_line_and_collapses_blank_lines() -> None:
    article = read_one(FIXTURES / "dated.txt")
    assert article.date == PartialDate(2017, 3, 2)
    assert article.text == (
        "Eerste alinea van het bericht.\nTweede regel van dezelfde alinea.\n\nTweede alinea."
    )


def test_plain_text_takes_the_default_date_only_when_it_has_none(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Geen datum hier.\n", encoding="utf-8")
    default = PartialDate(2018, 1)
    assert read_one(plain).date is None
    assert read_one(plain, default_date=default, default_lang="nl").date == default
    assert read_one(plain, default_lang="nl").lang == "nl"
    assert read_one(FIXTURES / "dated.txt", default_date=default).date == PartialDate(2017, 3, 2)


def test_windows_newlines_and_trailing_spaces_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbfEen regel.  \r\nzelfde alinea\t\r\n\r\n\r\n\r\nTwee.   \r\n")
    assert read_one(path).text == "Een regel.\nzelfde alinea\n\nTwee."


def test_sentence_with_the_word_date_is_not_a_date_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date night is over.\n", encoding="utf-8")
    article = read_one(path)
    assert (article.date, article.text) == (None, "date night is over.")


# --- markdown ------------------------------------------------------------------------------


def test_markdown_front_matter_and_headings() -> None:
    article = read_one(FIXTURES / "article.md")
    assert article.title == "Sessions trekt zich terug"
    assert article.date == PartialDate(2017, 3, 2)
    assert (article.url, article.source, article.lang) == (
        "https://example.org/sessions",
        "Voorbeeldkrant",
        "nl",
    )
    assert (article.author, article.external_id) == ("Jan Jansen", "art-17")
    assert article.text.split("\n\n") == [
        "Sessions trekt zich terug",
        "De minister van Justitie trekt zich terug uit het **onderzoek**.",
        "Reactie",
        "Trump noemt het een heksenjacht.",
        "Achtergrond",
        "Het onderzoek loopt sinds januari.",
    ]


def test_markdown_without_front_matter_uses_first_heading_as_title(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Kop\nTekst.\n\n```\n# geen kop\n```\n\n***\n\nEinde.\n", encoding="utf-8")
    article = read_one(path, default_date=PartialDate(2017))
    assert article.title == "Kop"
    assert article.date == PartialDate(2017)
    assert article.text == "Kop\n\nTekst.\n\n```\n# geen kop\n```\n\nEinde."


@pytest.mark.parametrize(("value", "expected"), [("2017-03", "2017-03"), ("2017", "2017")])
def test_markdown_front_matter_date_precision(tmp_path: Path, value: str, expected: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ndate: {value}\n---\nTekst.\n", encoding="utf-8")
    assert str(read_one(path).date) == expected


# --- JSON Lines and JSON ---------------------------------------------------------------------


def test_jsonl_bad_records_fail_alone() -> None:
    path = FIXTURES / "articles.jsonl"
    articles, errors = read(path)
    assert [a.external_id for a in articles] == ["a1", "a2", "a3", "a7"]
    assert [a.origin for a in articles][-1] == f"{path}:line 8"
    assert [str(a.date) for a in articles[:3]] == ["2017-03", "2017-03-02", "2017"]
    assert articles[0].text == "Tekst een.\n\nAlinea twee."
    assert (articles[0].title, articles[0].source, articles[0].lang) == ("Eerste", "NOS", "nl")
    assert [(e.path, e.record) for e in errors] == [
        (str(path), "line 4"),
        (str(path), "line 5"),
        (str(path), "line 6"),
    ]
    assert "malformed JSON" in errors[0].reason
    assert "no text" in errors[1].reason
    assert "bad date" in errors[2].reason


def test_json_array_with_field_map() -> None:
    field_map = {"body": "text", "published": "date", "headline": "title"}
    path = FIXTURES / "articles.json"
    articles, errors = read(path, field_map=field_map)
    assert [a.origin for a in articles] == [f"{path}#entry 1", f"{path}#entry 2"]
    assert [a.title for a in articles] == ["Eerste", "Tweede"]
    assert [str(a.date) for a in articles] == ["2017-05-16", "2017-05"]
    assert articles[1].text == "Tekst twee.\nNog een regel."
    assert articles[0].external_id == "1"
    assert [(e.record, "no text" in e.reason) for e in errors] == [("entry 3", True)]


def test_mapped_field_wins_and_text_may_be_a_paragraph_list(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"text": "teaser", "body": ["Een.", "Twee."], "date": "2017-03-02T23:59:00+05:00"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = read_one(path, field_map={"body": "text"})
    assert (article.text, str(article.date)) == ("Een.\n\nTwee.", "2017-03-02")


@pytest.mark.parametrize("name", ["a.jsonl.gz", "a.ndjson.gz", "gzipped_without_suffix.jsonl"])
def test_gzipped_jsonl(tmp_path: Path, name: str) -> None:
    lines = "".join(json.dumps({"text": f"Tekst {n}."}) + "\n" for n in range(3))
    (tmp_path / name).write_bytes(gzip.compress(lines.encode("utf-8")))
    articles, errors = read(tmp_path / name)
    assert errors == []
    assert [a.text for a in articles] == ["Tekst 0.", "Tekst 1.", "Tekst 2."]


def test_jsonl_is_streamed_past_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"Tekst {n}."}) + "\n" for n in range(50)))
    articles, errors = read(path, max_file_bytes=100)
    assert (len(articles), errors) == (50, [])


@pytest.mark.parametrize(
    ("content", "texts"),
    [
        ('{"text": "Een."}', ["Een."]),
        ('{"articles": [{"text": "Een."}, {"text": "Twee."}]}', ["Een.", "Twee."]),
        ('{"text": "Een."}\n{"text": "Twee."}\n', ["Een.", "Twee."]),
    ],
)
def test_json_single_object_wrapper_or_lines(
    tmp_path: Path, content: str, texts: list[str]
) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    articles, errors = read(path)
    assert (errors, [a.text for a in articles]) == ([], texts)


def test_jsonl_file_holding_an_array_is_read_as_array(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('[\n {"text": "Een."},\n {"text": "Twee."}\n]\n', encoding="utf-8")
    articles, _ = read(path)
    assert [a.origin for a in articles] == [f"{path}#entry 1", f"{path}#entry 2"]
    path.write_text('{\n  "text": "Een.",\n  "date": "2017-03"\n}\n', encoding="utf-8")
    assert str(read_one(path).date) == "2017-03"


def test_read_stream_binary_text_and_gzip() -> None:
    data = b'{"text": "Een."}\n\n{"text": "Twee.", "date": "2017-03"}\n'
    for stream in (io.BytesIO(data), io.StringIO(data.decode()), io.BytesIO(gzip.compress(data))):
        articles, errors = split(read_stream(stream, "-", ReadOptions()))
        assert errors == []
        assert [a.origin for a in articles] == ["-:line 1", "-:line 3"]
        assert articles[1].date == PartialDate(2017, 3)


def test_read_stream_json_array_and_bad_line() -> None:
    array = io.BytesIO(b'[{"text": "Een."}, {"title": "x"}]')
    articles, errors = split(read_stream(array, "-", ReadOptions()))
    assert [a.origin for a in articles] == ["-#entry 1"]
    assert [e.record for e in errors] == ["entry 2"]
    lines = io.BytesIO(b'{"text": "Een."}\n[1, 2]\nnot json\n{"text": "Caf\xe9."}\n')
    articles, errors = split(read_stream(lines, "stdin", ReadOptions()))
    assert [e.record for e in errors] == ["line 2", "line 3"]
    assert "expected a JSON object" in errors[0].reason
    assert articles[1].text == "Café." and articles[1].warnings and not articles[0].warnings


def test_read_stream_is_lazy() -> None:
    class CountingLines(io.StringIO):
        read_lines = 0

        def __next__(self) -> str:  # type: ignore[override]
            CountingLines.read_lines += 1
            return super().__next__()

    stream = CountingLines("".join('{"text": "T."}\n' for _ in range(1000)))
    first = next(iter(read_stream(stream, "-", ReadOptions())))
    assert isinstance(first, RawArticle)
    assert CountingLines.read_lines < 10


# --- HTML -------------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata() -> None:
    article = read_one(FIXTURES / "page.html")
    assert article.title == "Trump deelde geheimen met Rusland"
    assert article.date == PartialDate(2017, 5, 16)
    assert (article.author, article.lang) == ("Piet Pieters", "nl")
    assert article.url == "https://example.org/trump-rusland"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Trump deelde geheimen met Rusland"
    assert paragraphs[1].startswith("Donald Trump heeft") and paragraphs[1].endswith("Lavrov.")
    assert "Volgens overheidsbronnen" in paragraphs[1]  # the source's line break was a space
    assert paragraphs[2] == (
        "Dit meldt de Amerikaanse krant The Washington Post.\nHet Witte Huis ontkent het bericht."
    )
    assert len(paragraphs) == 4
    assert "Copyright" not in article.text and "Home" not in article.text


def test_html_declared_latin1_is_read_without_warning(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><article>'
        "<p>Het caf\xe9 aan de Grote Markt is gesloten na een controle door de politie.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "p.htm"
    path.write_bytes(page.encode("latin-1"))
    article = read_one(path)
    assert "café" in article.text and article.warnings == []


# --- feeds ------------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    path = FIXTURES / "feed.rss"
    articles, errors = read(path)
    assert [a.origin for a in articles] == [f"{path}#entry 1", f"{path}#entry 3"]
    first = articles[0]
    assert first.text == "De minister trekt zich terug.\n\nTrump is boos."
    assert (first.title, first.url, first.author) == (
        "Sessions trekt zich terug",
        "https://example.org/1",
        "Jan Jansen",
    )
    assert (first.source, first.lang) == ("Voorbeeld Nieuws", "nl")
    assert first.date == PartialDate(2017, 3, 2)  # the day as written, not shifted to UTC
    assert articles[1].date == PartialDate(2017, 11, 15)
    assert [(e.record, "no text" in e.reason) for e in errors] == [("entry 2", True)]


def test_atom_feed_prefers_content_over_summary() -> None:
    article = read_one(FIXTURES / "feed.atom")
    assert article.text == "First paragraph of the story.\n\npoint one\n\npoint two"
    assert (article.title, article.author, article.lang) == (
        "Trump shared secrets",
        "Ann Smith",
        "en",
    )
    assert article.date == PartialDate(2017, 5, 15)
    assert (article.source, article.external_id) == ("Example News", "urn:example:1")


def test_feed_content_that_is_a_url_is_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "a.rss"
    path.write_text("https://example.invalid/feed.xml", encoding="utf-8")
    _, errors = read(path)
    assert len(errors) == 1 and "not an RSS or Atom feed" in errors[0].reason


# --- unknown extensions are sniffed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("feed.rss", "feed"),
        ("feed.atom", "feed"),
        ("page.html", "html"),
        ("articles.json", "json"),
        ("articles.jsonl", "jsonl"),
        ("article.md", "markdown"),
        ("seed.txt", "text"),
    ],
)
def test_sniffing_without_extension(tmp_path: Path, fixture: str, expected: str) -> None:
    target = tmp_path / "download"
    shutil.copy(FIXTURES / fixture, target)
    assert detect_format(str(target)) == expected
    articles, _ = read(target, field_map={"body": "text"})
    assert articles


def test_sniffing_looks_through_gzip(tmp_path: Path) -> None:
    target = tmp_path / "feed.dat"
    target.write_bytes(gzip.compress((FIXTURES / "feed.atom").read_bytes()))
    assert detect_format(str(target)) == "feed"
    assert read_one(target).title == "Trump shared secrets"
