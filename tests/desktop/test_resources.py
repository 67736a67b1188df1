"""Files under ``resources/`` are found at run time and shipped by the package."""

import fnmatch
import tomllib
from pathlib import Path

from desktop.factsheet.fonts import FAMILY, FILES, sheet_family
from desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_fonts_and_their_licence_are_found(qapp):
    for name in (*FILES, "LICENSE"):
        assert resource_path("fonts", name).is_file(), name
    assert "Bitstream Vera" in resource_path("fonts", "LICENSE").read_text(encoding="utf-8")
    assert sheet_family() == FAMILY


def test_every_fact_sheet_resource_is_installed_with_the_package():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    for folder in ("fonts", "factsheet"):
        for path in (ROOT / "resources" / folder).iterdir():
            relative = path.relative_to(ROOT).as_posix()
            target = f"share/factsheet/resources/{folder}"
            assert any(fnmatch.fnmatch(relative, pattern) for pattern in data_files.get(target, [])), relative
