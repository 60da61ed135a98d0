"""First names from a training split: which words count, the features, the file format."""

from __future__ import annotations

from pathlib import Path

from storyline.models import ner_names
from storyline.models.conll import ConllDoc


def _doc(*sentences: str) -> ConllDoc:
    """Sentences written as 'word/TAG word/TAG ...' (tag O when left out)."""
    out = []
    for sentence in sentences:
        pairs = [item.split("/") if "/" in item else [item, "O"] for item in sentence.split()]
        out.append(([w for w, _ in pairs], [t for _, t in pairs]))
    return ConllDoc(out)


def test_first_words_of_longer_person_names() -> None:
    doc = _doc(
        "minister/O van/O Justitie/B-ORG Marc/B-PER Verwilghen/I-PER zweeg",
        "Marc/B-PER zweeg ook",
        "De/B-PER Wever/I-PER en/O De/B-PER Gucht/I-PER spraken met De/B-ORG Lijn/I-ORG",
        "Walter/B-PER Baele/I-PER en/O Walter/B-ORG Aviation/I-ORG en/O Walter/B-ORG Bank/I-ORG",
        "J./B-PER Sessions/I-PER kwam",
        "Zij/O las/O De/B-MISC Morgen/I-MISC en/O De/B-ORG Post/I-ORG",
    )
    # 'Marc' alone is still a person; 'De' opens names but is far more often something else
    # (an organisation's first word, or a particle); 'Walter' opens more organisations than
    # persons here; initials are no first names.
    assert ner_names.collect([doc]) == frozenset({"marc"})


def test_features_mark_the_name_and_its_neighbours() -> None:
    rows = ner_names.features(["van", "Justitie", "Jeff", "Sessions", "jeff"], frozenset({"jeff"}))
    assert rows == [[], ["1fn"], ["fn"], ["-1fn"], []]


def test_jackknifed_lists_leave_out_the_documents_own_fold() -> None:
    docs = [_doc(f"{name}/B-PER Peeters/I-PER") for name in ("Anna", "Bart", "Carl")]
    lists = ner_names.folds(docs, n=3)
    assert lists == [
        frozenset({"bart", "carl"}),
        frozenset({"anna", "carl"}),
        frozenset({"anna", "bart"}),
    ]


def test_save_and_load(tmp_path: Path) -> None:
    path = ner_names.path_for("nl", tmp_path)
    ner_names.save(path, {"jeff", "marc"})
    assert ner_names.load(path) == frozenset({"jeff", "marc"})
    assert ner_names.load(tmp_path / "missing.txt.gz") == frozenset()
