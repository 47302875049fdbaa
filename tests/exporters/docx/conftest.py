"""Fixtures for the docx toolkit tests: sample documents saved to a fresh temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_samples import build_briefing, build_minutes


@pytest.fixture
def briefing_path(tmp_path: Path) -> Path:
    return build_briefing().save(tmp_path / "briefing.docx")


@pytest.fixture
def minutes_path(tmp_path: Path) -> Path:
    return build_minutes().save(tmp_path / "minutes.docx")
