"""The `offices` fixture: a sending task force and a merging dispatch room, each with its own database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.exchange.twooffices import Offices, open_offices


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    pair = open_offices(tmp_path)
    yield pair
    pair.team.close()
    pair.room.close()
