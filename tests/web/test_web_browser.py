"""Drive a real headless Chromium against a real server on loopback: home -> story -> entity
-> article, search, and the untrusted article whose script must never run.

Skips when Debian's chromium or the playwright package is absent. Screenshots go to a tmp
dir; set STORYLINE_SCREENS=DIR to keep copies.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api")

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn
    from storyfixture import FakeEntities, FakeStories, seeded_store

    from storyline.api import create_app

    store = seeded_store(tmp_path_factory.mktemp("web") / "store.db")
    app = create_app(store, entities=FakeEntities(store), stories=FakeStories(store))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def _shot(page: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    keep = os.environ.get("STORYLINE_SCREENS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


def _no_script_ran(page: Any) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []


def test_click_through_home_story_entity_article(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    card = page.locator(".story-card").first
    assert "Trump en Rusland" in card.inner_text()
    assert page.locator(".story-card .sparkline rect").count() >= 3
    assert _shot(page, tmp_path, "home").stat().st_size > 10_000

    card.locator("h2 a").click()
    page.wait_for_selector("#timeline svg circle.dot")
    # One dot per dated entry: the story's events, or its timeline's dates once built.
    entries = page.locator(".entry").count()
    assert entries >= 3 and page.locator("#timeline circle.dot").count() == entries
    before = page.locator("#timeline .tick-label").all_inner_texts()
    page.click("[data-zoom=in]")
    page.click("[data-zoom=in]")
    assert page.locator("#timeline .tick-label").all_inner_texts() != before
    page.click("[data-zoom=reset]")
    page.locator("#timeline circle.dot").first.click()
    assert page.locator(".entry.active").count() == 1
    assert page.locator(".speaker").count() >= 2
    _no_script_ran(page)
    _shot(page, tmp_path, "story")

    page.locator(".side .chips a", has_text="Jeff Sessions").click()
    page.wait_for_selector("svg.graph")
    assert page.locator("h1").inner_text() == "Jeff Sessions"
    assert page.locator("svg.graph .node-link").count() >= 3
    assert page.locator(".alias", has_text="Sessions").count() >= 1
    _shot(page, tmp_path, "entity")

    page.locator(".article-list .headline").first.click()
    page.wait_for_selector(".article-text")
    assert page.locator(".article-text .hl-PER").count() >= 3
    assert page.locator(".article-text .hl-quote").count() >= 1
    assert page.locator(".part-of a", has_text="Trump en Rusland").count() == 1
    _shot(page, tmp_path, "article")


def test_script_in_an_article_never_runs(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/search?q=Hostile")
    page.locator(".results .headline").first.click()
    page.wait_for_selector(".article-text")
    _no_script_ran(page)
    assert "<script>window.__pwned = 1</script>" in page.locator(".article-text").inner_text()
    assert "<script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    _shot(page, tmp_path, "hostile")
    page.goto(server + "/stories/st-1")
    _no_script_ran(page)


def test_search_marks_the_matches(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    page.fill(".search-box input", "Sessions")
    page.press(".search-box input", "Enter")
    page.wait_for_selector(".results li")
    assert page.locator(".results mark").count() >= 1
    assert "Sessions" in page.locator(".results mark").first.inner_text()
    _shot(page, tmp_path, "search")
