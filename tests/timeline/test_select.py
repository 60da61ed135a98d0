"""Wire-copy furniture is left out of summary sentences, whose offsets stay exact."""

from __future__ import annotations

import pytest

from storyline.model import Span
from storyline.timeline.select import Selector, SentenceIndex, content_span, knee_point


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) - A new flu spreads.",
            "A new flu spreads.",
        ),
        ("NEW ORLEANS -- No oil appeared to be leaking.", "No oil appeared to be leaking."),
        ("DEN HAAG - Het kabinet is gevallen.", "Het kabinet is gevallen."),
        (
            "Susan Watts | 18:00 UK time, Saturday, 25 April 2009 Experts are worried.",
            "Experts are worried.",
        ),
        ("NATO said it would act.", "NATO said it would act."),
        ("US officials said the well is sealed.", "US officials said the well is sealed."),
    ],
)
def test_content_span_drops_datelines_and_agency_tags(text: str, kept: str) -> None:
    found = content_span(text, Span(0, len(text)))
    assert text[found.start : found.end] == kept


def test_index_sentences_start_after_the_dateline(doc_maker) -> None:
    text = "NEW ORLEANS -- The rig sank on Thursday after the blast. Oil is leaking."
    doc = doc_maker("a", "2010-04-22", text)
    index = SentenceIndex([doc])
    span = index.spans[0]
    assert index.texts[0] == "The rig sank on Thursday after the blast."
    assert text[span.start : span.end] == index.texts[0]


def test_knee_point_is_the_point_farthest_below_the_chord() -> None:
    # chord from (0, 1) to (4, 0): y = 1 - x/4; (2, 0.2) lies 0.3 below it, the most
    assert knee_point([1.0, 0.9, 0.2, 0.1, 0.0]) == 2
    assert knee_point([1.0, 0.5]) == 1
    assert knee_point([0.4, 0.4, 0.4]) == 0  # flat: no knee, the first point


def test_a_focused_date_falls_back_on_its_other_sentences(doc_maker) -> None:
    text = (
        "The oil well leaked oil into the gulf. The oil well leaked oil into the gulf again. "
        "Oil leaked from the well into the gulf. Shrimp boats stayed in port. "
        "Tourists cancelled beach holidays in Florida."
    )
    index = SentenceIndex([doc_maker("a", "2010-05-01", text)])
    rows = list(range(len(index.refs)))
    selector = Selector(index)
    first = selector.select(rows, 1, [rows], focus=True)
    assert index.texts[first[0]].startswith(("The oil well", "Oil leaked"))
    # the oil sentences are now taken or redundant; the date still gets a fresh sentence
    second = selector.select(rows, 1, [rows], focus=True)
    assert second and second[0] not in first
    assert "oil" not in index.texts[second[0]].lower()
