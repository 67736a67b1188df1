"""The first data set: every fact of the article of 2 July 2025 on the Abai and Omsk regions.

The facts live in ``irtysh-2025.json`` (a bundle, see ``db.exchange.bundle``); the article's full
text is kept beside it and stored with its source, so every fact can point at its passage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from db.exchange.bundle import load_bundle

if TYPE_CHECKING:
    from sqlite_utils import Database

SEED_DIR = Path(__file__).resolve().parent
SEED_FILE = SEED_DIR / "irtysh-2025.json"
# Sources whose full text is kept in a file beside the bundle.
SOURCE_TEXTS = {"trend-2025-07-02": "irtysh-cooperation-2025-07-02.txt"}


def seed_bundle() -> dict:
    """The seed data set as a bundle, with each source's article text filled in."""
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    for source in data["records"]["sources"]:
        name = SOURCE_TEXTS.get(source["ref"])
        if name:
            source["text"] = (SEED_DIR / name).read_text(encoding="utf-8").strip()
    return data


def load_seed(db: Database) -> dict[str, int]:
    """Put the seed data set into a database in one transaction; return counts per kind."""
    return load_bundle(db, seed_bundle(), name=SEED_FILE.name)
