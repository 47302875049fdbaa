"""`python -m desktop.tools.export_shots`: the README's pictures come from the documents the app writes."""

from __future__ import annotations

from desktop.tools.export_shots import DOCUMENTS, write_documents


def test_the_shots_are_made_of_every_document_kind(tmp_path) -> None:
    files = write_documents(tmp_path)
    assert [f.stem for f in files] == [name for name, _label in DOCUMENTS]
    assert all(f.stat().st_size > 5_000 for f in files)
