"""The house stays readable: the import contracts hold, no module grows past 400 lines, and
each package keeps only its face and entry points at the top, the rest in rooms."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400
TOP_FILES = {"db": 6, "desktop": 10}


def _modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def test_the_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test tools (pip install -e '.[test]')"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


@pytest.mark.parametrize("path", _modules("db", "desktop", "resources"), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by what it does"


@pytest.mark.parametrize("package", sorted(TOP_FILES))
def test_a_package_keeps_only_its_face_and_entry_points_at_the_top(package):
    top = sorted(p.name for p in (ROOT / package).glob("*.py"))
    assert len(top) <= TOP_FILES[package], top


def _packages() -> list[Path]:
    return sorted(p.parent for p in _modules("db", "desktop") if p.name == "__init__.py")


@pytest.mark.parametrize("package", _packages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_package_says_what_lives_in_it(package):
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 40, f"{package.relative_to(ROOT)}/__init__.py needs a docstring"


@pytest.mark.parametrize("path", _modules("db", "desktop"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_opens_with_a_docstring(path):
    if path.name == "__init__.py" and not path.read_text(encoding="utf-8").strip():
        pytest.fail(f"{path.relative_to(ROOT)} is empty; say what the package holds")
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{path.relative_to(ROOT)}"


def test_tests_mirror_the_packages():
    """Every test folder under tests/db and tests/desktop names a package of the code."""
    for folder in sorted((ROOT / "tests").glob("d*/**/")):
        if folder.name == "__pycache__" or not any(folder.glob("test_*.py")):
            continue
        code = ROOT / folder.relative_to(ROOT / "tests")
        assert code.is_dir(), f"{folder.relative_to(ROOT)} mirrors no package ({code.relative_to(ROOT)})"
