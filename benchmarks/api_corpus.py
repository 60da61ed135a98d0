"""The generated corpus for benchmarks/api.py: 100,000 articles from the bundled seed texts.

Sentences are shuffled across articles, the seed names replaced by synthetic people from a
pool (each story has a cast of four; half the stories also have one of five "heavy" people
who, like a president, occur everywhere), dates spread over six years, 25 outlets. Articles,
mentions, quotes and (when the entity store exists) its tables are written directly through
the store's connection: no minhash, no analysis stages.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from storyline.model import Event, Story
from storyline.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "storyline" / "data" / "examples"
SEED_NAMES = re.compile(
    r"\b(Jeff Sessions|Sessions|Donald Trump|Trump|Vladimir Poetin|Poetin|Sergej Lavrov|Lavrov|"
    r"Comey|Flynn|Kislyak|Mueller)\b"
)
SYLLABLES = [
    *("ber", "kel", "man", "sen", "hof", "wijk", "dam", "broek", "stra", "ma"),
    *("ver", "hout", "de", "gra", "af", "lin", "tens", "bos", "mer", "dijk"),
]
OUTLETS = [f"outlet-{i:02d}" for i in range(25)]
STORIES = 2000
PEOPLE = 3000
HEAVY = 5  # people in many stories, the "Trump" of the corpus


def seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 30]
    return sentences


def people(rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < PEOPLE:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        names.add(surname)
    return sorted(names)


def casts(rng: random.Random) -> list[list[int]]:
    """Four people per story; half the stories also have one of the heavy people."""
    found = []
    for _ in range(STORIES):
        cast = rng.sample(range(HEAVY, PEOPLE), 4)
        if rng.random() < 0.5:
            cast[0] = rng.randrange(HEAVY)
        found.append(cast)
    return found


def make_article(
    rng: random.Random, pool: list[str], surnames: list[str], cast: list[int], story: int
) -> tuple[str, str, str, list[tuple[int, int, int]], list[tuple[str, int]]]:
    """(title, text, date, mentions as (person, start, end), quotes as (text, speaker))."""
    chosen = rng.sample(pool, rng.randint(8, 16))
    text_parts: list[str] = []
    mentions: list[tuple[int, int, int]] = []
    offset = 0
    for sentence in chosen:
        pieces: list[str] = []
        last = 0
        for match in SEED_NAMES.finditer(sentence):
            person = rng.choice(cast)
            name = surnames[person]
            pieces.append(sentence[last : match.start()])
            start = offset + sum(len(p) for p in pieces)
            pieces.append(name)
            mentions.append((person, start, start + len(name)))
            last = match.end()
        pieces.append(sentence[last:])
        text = "".join(pieces)
        text_parts.append(text)
        offset += len(text) + 2
    body = "\n\n".join(text_parts)
    first_day = date(2015, 1, 1) + timedelta(days=(story * 7919) % 2000)
    when = first_day + timedelta(days=rng.randint(0, 60))
    quotes = [(rng.choice(text_parts), rng.choice(cast)) for _ in range(2)]
    title = f"{surnames[cast[0]]}: {text_parts[0][:70]}"
    return title, body, when.isoformat(), mentions, quotes


def build(path: Path, count: int, seed: int = 7) -> None:
    """Fill a new store at ``path`` with ``count`` generated articles."""
    rng = random.Random(seed)
    pool = seed_sentences()
    surnames = people(rng)
    story_casts = casts(rng)
    store = SQLiteStore(path)
    conn = store.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS bench_story_articles "
        "(story INTEGER, article_id TEXT, date TEXT)"
    )
    entity_rows = _has_entity_tables(store)
    links: dict[tuple[int, str], int] = {}
    started = time.perf_counter()
    for begin in range(0, count, 2000):
        with store.transaction():
            for n in range(begin, min(begin + 2000, count)):
                story = rng.randrange(STORIES)
                title, text, when, mentions, quotes = make_article(
                    rng, pool, surnames, story_casts[story], story
                )
                article_id = hashlib.blake2b(f"{n}:{text}".encode(), digest_size=8).hexdigest()
                conn.execute(
                    "INSERT INTO articles (id, title, text, date, date_precision, lang, source, "
                    "paragraphs, ingested_at, analyzed_at) VALUES (?, ?, ?, ?, 'day', 'nl', ?, "
                    "'[]', ?, ?)",
                    (article_id, title, text, when, rng.choice(OUTLETS), when, when),
                )
                conn.executemany(
                    "INSERT INTO mentions (article_id, start, end, text, label, entity_id) "
                    "VALUES (?, ?, ?, ?, 'PER', ?)",
                    [(article_id, s, e, surnames[p], f"p{p}") for p, s, e in mentions],
                )
                conn.executemany(
                    "INSERT INTO quotes (article_id, start, end, text, kind, speaker_text, "
                    "speaker_label, speaker_entity, date) VALUES (?, 0, 0, ?, 'direct', ?, "
                    "'PER', ?, ?)",
                    [(article_id, q, surnames[p], f"p{p}", when) for q, p in quotes],
                )
                conn.execute(
                    "INSERT INTO bench_story_articles VALUES (?, ?, ?)", (story, article_id, when)
                )
                for person, _, _ in mentions:
                    links[(person, article_id)] = links.get((person, article_id), 0) + 1
        print(
            f"  {min(begin + 2000, count):>7} articles  {time.perf_counter() - started:6.1f} s",
            file=sys.stderr,
            end="\r",
        )
    print(file=sys.stderr)
    if entity_rows:
        _fill_entities(store, surnames, links)
    store.close()


def _has_entity_tables(store: SQLiteStore) -> bool:
    sql = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('entities', 'entity_articles')"
    return int(store.conn.execute(sql).fetchone()[0]) == 2


def _fill_entities(
    store: SQLiteStore, surnames: list[str], links: dict[tuple[int, str], int]
) -> None:
    """The entity store's tables, written directly (the resolver is benchmarked on its own)."""
    per_person: dict[int, list[str]] = {}
    mentions: dict[int, int] = {}
    for (person, article_id), n in links.items():
        per_person.setdefault(person, []).append(article_id)
        mentions[person] = mentions.get(person, 0) + n
    with store.transaction():
        for person, articles in per_person.items():
            store.conn.execute(
                "INSERT INTO entities (id, name, type, mentions, articles, created_at) "
                "VALUES (?, ?, 'PER', ?, ?, '2020-01-01')",
                (f"p{person}", surnames[person], mentions[person], len(articles)),
            )
            store.conn.execute(
                "INSERT INTO entity_aliases (entity_id, alias, count) VALUES (?, ?, ?)",
                (f"p{person}", surnames[person], mentions[person]),
            )
        store.conn.executemany(
            "INSERT INTO entity_articles (entity_id, article_id, mentions) VALUES (?, ?, ?)",
            [(f"p{person}", article_id, n) for (person, article_id), n in links.items()],
        )
        store.conn.execute(
            "UPDATE entities SET first_seen = (SELECT MIN(a.date) FROM entity_articles e JOIN "
            "articles a ON a.id = e.article_id WHERE e.entity_id = entities.id), last_seen = "
            "(SELECT MAX(a.date) FROM entity_articles e JOIN articles a ON a.id = e.article_id "
            "WHERE e.entity_id = entities.id)"
        )


class StandInStories:
    """A StoryReader over the generated story membership (one event per story and day)."""

    def __init__(self, store: SQLiteStore) -> None:
        rows = store.conn.execute(
            "SELECT story, article_id, date FROM bench_story_articles ORDER BY story, date"
        ).fetchall()
        by_story: dict[int, dict[str, list[str]]] = {}
        for story, article_id, day in rows:
            by_story.setdefault(story, {}).setdefault(day, []).append(article_id)
        self.stories: dict[str, Story] = {}
        self.event_of: dict[str, Event] = {}
        for story, days in by_story.items():
            sid = f"s{story}"
            events = [
                Event(f"{sid}-e{i}", f"Event {i} of story {story}", day, ids, [], sid)
                for i, (day, ids) in enumerate(sorted(days.items()))
            ]
            for event in events:
                for article_id in event.articles:
                    self.event_of[article_id] = event
            actors = [f"p{p}" for p in _actors(store, events[0].articles[:1])]
            self.stories[sid] = Story(
                sid, f"Story {story}", events[0].date, events[-1].date, events, actors
            )
        self.ordered = sorted(self.stories.values(), key=lambda s: s.end or "", reverse=True)

    def list_stories(self, limit: int | None = 50, offset: int = 0) -> list[Story]:
        return self.ordered[offset : None if limit is None else offset + limit]

    def get_story(self, story_id: str) -> Story:
        from storyline.errors import NotFoundError

        if story_id not in self.stories:
            raise NotFoundError(f"no story {story_id!r}")
        return self.stories[story_id]

    def list_events(self, limit: int | None = 50, offset: int = 0) -> list[Event]:
        events = [e for s in self.ordered for e in s.events]
        return events[offset : None if limit is None else offset + limit]

    def event_of_article(self, article_id: str) -> Event | None:
        return self.event_of.get(article_id)


def _actors(store: SQLiteStore, ids: list[str]) -> list[int]:
    sql = (
        "SELECT DISTINCT entity_id FROM mentions "
        "WHERE article_id IN (SELECT value FROM json_each(?))"
    )
    return [int(r[0][1:]) for r in store.conn.execute(sql, (json.dumps(ids),))][:4]
