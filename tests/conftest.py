"""Shared fixtures: real SQLite files in temporary folders, the seed data set, and a
headless Qt that never touches the user's own settings or database.

Qt runs offscreen (set here, before any Qt import), and the data and configuration
folders point into a temporary directory for the whole session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The tests read the English labels whatever the machine's locale; tests of Russian and
# Kazakh ask for them (db.model.i18n.using_language, or LANG in a subprocess's environment).
os.environ["LANGUAGE"] = "en"
_SANDBOX = Path(tempfile.mkdtemp(prefix="factsheet-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_SANDBOX / "runtime"))
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)

from db.file.connection import open_database  # noqa: E402
from db.file.database import FactSheetDatabase  # noqa: E402
from db.seed import load_seed  # noqa: E402
from tests.db.scales_data import build_scales_database  # noqa: E402
from tests.db.sheet.long_data import build_long_database  # noqa: E402
from tests.db.sheet.rich_data import build_rich_database  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file lives (not created yet)."""
    return tmp_path / "test.factsheet"


@pytest.fixture
def empty_db(db_path: Path) -> FactSheetDatabase:
    """A new database file with the schema and no records."""
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def _seed_template(tmp_path_factory) -> Path:
    """The seed database built once per session (creating the schema and loading the seed
    takes a quarter of a second; copying the closed file takes a millisecond)."""
    path = tmp_path_factory.mktemp("template") / "seed.factsheet"
    db = open_database(path)
    load_seed(db)
    db.close()
    return path


@pytest.fixture
def seeded_path(tmp_path: Path, _seed_template: Path) -> Path:
    """A database file holding the seed data set, closed so tests may open it themselves."""
    path = tmp_path / "seed.factsheet"
    shutil.copyfile(_seed_template, path)
    return path


@pytest.fixture
def seeded_db(seeded_path: Path) -> FactSheetDatabase:
    """The seed data set, open."""
    db = open_database(seeded_path)
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts with no remembered window state, pair or options."""
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "factsheet"
    for leftover in config.glob("*.ini"):
        leftover.unlink()
    yield


@pytest.fixture(scope="session")
def long_path(tmp_path_factory) -> Path:
    """A database (closed) whose fact sheet needs at least three pages."""
    return build_long_database(tmp_path_factory.mktemp("long") / "long.factsheet")


@pytest.fixture
def long_db(long_path: Path):
    db = open_database(long_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def _rich_template(tmp_path_factory) -> Path:
    return build_rich_database(tmp_path_factory.mktemp("rich") / "rich.factsheet")


@pytest.fixture
def rich_path(tmp_path: Path, _rich_template: Path) -> Path:
    """A data-rich pair built with the imports (``tests/db/sheet/rich_data.py``), closed: seven years
    of monthly, quarterly and yearly trade from two reporters, 30 agreements, 40 positions."""
    path = tmp_path / "rich.factsheet"
    shutil.copyfile(_rich_template, path)
    return path


@pytest.fixture
def rich_db(rich_path: Path):
    db = open_database(rich_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def _scales_template(tmp_path_factory) -> Path:
    return build_scales_database(tmp_path_factory.mktemp("scales") / "scales.factsheet")


@pytest.fixture
def scales_path(tmp_path: Path, _scales_template: Path) -> Path:
    """The seed with figures published in USD thousand and in USD million, built with the imports
    (``tests/db/scales_data.py``), closed."""
    path = tmp_path / "scales.factsheet"
    shutil.copyfile(_scales_template, path)
    return path


@pytest.fixture
def scales_db(scales_path: Path):
    db = open_database(scales_path)
    yield db
    db.close()
