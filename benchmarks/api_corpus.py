"""The generated corpus for benchmarks/api.py: 100,000 articles from the bundled seed texts.

Sentences are shuffled across articles, the seed names replaced by synthetic people from a
pool (each story has a cast of four; half the stories also have one of five "heavy" people
who, like a president, occur everywhere), dates spread over six years, 25 outlets. Articles,
mentions, quotes and the entity tables are written directly through the store's connection:
no minhash, no analysis stages (the resolver is benchmarked on its own). The generated
storylines (events by story and week) are then written through the real story store
(``StoryRepo.save``, with valid clusterer state) once, and cached with the store. The real
clusterer is not used for them: on these texts, which all share the seed sentences, it
chains 99.6% of the articles into one story (measured on this corpus), which no reader meets.
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
from typing import Any

from storyline.cluster.index import Cluster
from storyline.cluster.vectors import Centroid
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import ArticleRow, ClusterRow, StoryRepo

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
    _fill_entities(store, surnames, links)
    store.close()


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
            "UPDATE entities SET first_seen = (SELECT MIN(date) FROM entity_articles "
            "WHERE entity_id = entities.id), last_seen = (SELECT MAX(date) FROM entity_articles "
            "WHERE entity_id = entities.id)"
        )


def prepare(path: Path) -> None:
    """Once per store: mark the generated articles resolved and store the storylines.

    Marked resolved, a later ``storyline ingest`` resolves only its own new articles.
    """
    store = SQLiteStore(path)
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO resolved_articles SELECT id, analyzed_at, analyzed_at "
            "FROM articles WHERE analyzed_at IS NOT NULL"
        )
    if store.conn.execute("SELECT 1 FROM stories WHERE id = 's0'").fetchone() is None:
        started = time.perf_counter()
        write_stories(store)
        print(f"stories stored in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    store.close()


def _state(cluster_id: str, seq: int, days: list[str], size: int, parent: str | None) -> Any:
    """A cluster's saved state as the clusterer writes it (empty centroids)."""
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    cluster = Cluster(cluster_id, seq, Centroid(1), Centroid(1), Centroid(1))
    cluster.lo, cluster.hi = first.toordinal(), last.toordinal()
    cluster.start, cluster.end, cluster.size, cluster.parent = days[0], days[-1], size, parent
    return cluster.to_json()


def write_stories(store: SQLiteStore) -> None:
    """The generated membership as events (story and week) and storylines, via StoryRepo."""
    rng = random.Random(7)  # as in build(): the same names and casts
    surnames = people(rng)
    story_casts = casts(rng)
    repo = StoryRepo(store)
    repo.clear()
    members: dict[int, list[tuple[str, str, str]]] = {}
    for story, article_id, day, title in store.conn.execute(
        "SELECT b.story, b.article_id, b.date, a.title FROM bench_story_articles b "
        "JOIN articles a ON a.id = b.article_id ORDER BY b.story, b.date, b.article_id"
    ):
        members.setdefault(story, []).append((article_id, day, title))
    seq = {"event": 0, "story": 0}
    last = 0
    for block in range(0, STORIES, 100):
        articles: list[ArticleRow] = []
        events: list[ClusterRow] = []
        stories: list[ClusterRow] = []
        for story in range(block, min(block + 100, STORIES)):
            rows = members.get(story, [])
            if not rows:
                continue
            sid = f"s{story}"
            actors = [f"p{p}" for p in story_casts[story]]
            weeks: dict[int, list[tuple[str, str, str]]] = {}
            for item in rows:
                weeks.setdefault(date.fromisoformat(item[1]).toordinal() // 7, []).append(item)
            for k, week in enumerate(weeks.values()):
                seq["event"] += 1
                eid = f"ev-{sid}-{k}"
                days = [w[1] for w in week]
                state = _state(eid, seq["event"], days, len(week), sid)
                events.append(
                    ClusterRow(
                        eid,
                        seq["event"],
                        week[0][2],
                        days[0],
                        days[-1],
                        state["hi"],
                        actors,
                        state,
                        sid,
                    )
                )
                articles += [ArticleRow(w[0], eid, sid, None, {"generated": True}) for w in week]
            seq["story"] += 1
            days = [r[1] for r in rows]
            state = _state(sid, seq["story"], days, len(rows), None)
            names = ", ".join(surnames[p] for p in story_casts[story][:2])
            label = f"{names}: {rows[0][2].split(': ', 1)[-1][:50]}"
            stories.append(
                ClusterRow(sid, seq["story"], label, days[0], days[-1], state["hi"], actors, state)
            )
            last = max(last, state["hi"])
        clock = {"version": 1, "docs": 0, "now": last, "event_seq": seq["event"]}
        repo.save(articles, events, stories, {}, clock | {"story_seq": seq["story"]})


def ingest_lines(count: int, seed: int = 99) -> list[str]:
    """``count`` new articles as JSON Lines for ``storyline ingest -`` (dated 2021)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    surnames = people(random.Random(7))  # the same people as the stored corpus
    story_casts = casts(random.Random(seed))
    lines = []
    for n in range(count):
        story = rng.randrange(STORIES)
        title, text, _, _, _ = make_article(rng, pool, surnames, story_casts[story], story)
        day = date(2021, 1, 1) + timedelta(days=n * 90 // max(count, 1))
        record = {"title": title, "text": text, "date": day.isoformat(), "lang": "nl"}
        lines.append(json.dumps(record | {"source": rng.choice(OUTLETS)}, ensure_ascii=False))
    return lines
