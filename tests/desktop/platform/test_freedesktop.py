"""Installing the desktop launcher into a temporary home, and removing it without a trace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import FactSheetError
from desktop.platform import freedesktop

PROGRAM = ["/opt/fact sheet/bin/factsheet"]
ICON_SIZES = ["16x16", "22x22", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512"]
EXPECTED = (
    ["applications/factsheet.desktop", "mime/packages/factsheet.xml",
     "icons/hicolor/scalable/apps/factsheet.svg"]
    + [f"icons/hicolor/{size}/apps/factsheet.png" for size in ICON_SIZES]
)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _no_tools(argv):
    raise AssertionError(f"{argv[0]} should not have run")


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "data home"
    folder.mkdir()
    return folder


@pytest.fixture
def without_tools(monkeypatch):
    """A desktop without update-desktop-database, update-mime-database or gtk-update-icon-cache."""
    monkeypatch.setattr(freedesktop.shutil, "which", lambda name: None)


def test_install_writes_the_launcher_icons_and_file_type(home, without_tools):
    freedesktop.install(home, PROGRAM, run=_no_tools)
    assert sorted(_snapshot(home)) == sorted(EXPECTED)
    launcher = (home / "applications/factsheet.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/fact sheet/bin/factsheet" %f\n' in launcher
    assert "TryExec=/opt/fact sheet/bin/factsheet\n" in launcher
    assert "Icon=factsheet\n" in launcher and "MimeType=application/x-factsheet-database;\n" in launcher


def test_installed_icons_are_the_packaged_ones_at_their_sizes(home, without_tools):
    from PySide6.QtGui import QImage

    freedesktop.install(home, PROGRAM, run=_no_tools)
    for size in ICON_SIZES:
        image = QImage(str(home / f"icons/hicolor/{size}/apps/factsheet.png"))
        assert f"{image.width()}x{image.height()}" == size


def test_uninstall_leaves_an_empty_home_empty(home):
    freedesktop.install(home, PROGRAM)
    said = freedesktop.uninstall(home)
    assert list(home.iterdir()) == []
    assert said[0].startswith("Removed Fact Sheet's launcher, icons and file type (12 files)")


def test_install_and_uninstall_leave_other_programs_files_alone(home):
    other = {
        "applications/notes.desktop": b"[Desktop Entry]\nType=Application\nName=Notes\nExec=notes\n"
                                      b"MimeType=text/x-notes;\n",
        "icons/hicolor/48x48/apps/notes.png": b"not really a png",
        "mime/packages/notes.xml": (
            b'<?xml version="1.0"?>\n<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">'
            b'<mime-type type="text/x-notes"><comment>Notes</comment><glob pattern="*.notes"/></mime-type>'
            b"</mime-info>\n"),
        "fonts/keep.ttf": b"font",
    }
    for name, data in other.items():
        (home / name).parent.mkdir(parents=True, exist_ok=True)
        (home / name).write_bytes(data)
    freedesktop.install(home, PROGRAM)
    assert all((home / name).is_file() for name in EXPECTED)
    freedesktop.uninstall(home)
    after = _snapshot(home)
    assert {name: after[name] for name in other} == other
    leftovers = [name for name, data in after.items() if b"factsheet" in data or "factsheet" in name]
    assert leftovers == []


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database is not installed (Debian package shared-mime-info)")
def test_installed_file_type_is_found_by_name_and_by_content(home, tmp_path, seeded_path):
    freedesktop.install(home, PROGRAM)
    renamed = tmp_path / "copy without a suffix"
    shutil.copyfile(seeded_path, renamed)
    plain = tmp_path / "plain.sqlite"
    import sqlite3

    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE t (x)")
    script = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
              "for name in sys.argv[1:]: print(QMimeDatabase().mimeTypeForFile(name).name())")
    env = {**os.environ, "XDG_DATA_HOME": str(home), "XDG_DATA_DIRS": "/usr/local/share:/usr/share"}
    result = subprocess.run([sys.executable, "-c", script, str(seeded_path), str(renamed), str(plain)],
                            capture_output=True, text=True, env=env, timeout=60, check=True)
    ours, by_content, sqlite = result.stdout.split()
    assert ours == by_content == "application/x-factsheet-database"
    assert sqlite != "application/x-factsheet-database"


def test_a_missing_desktop_tool_is_a_sentence_not_a_failure(home, without_tools):
    said = freedesktop.install(home, PROGRAM, run=_no_tools)
    assert any(line.startswith("update-mime-database is not installed") for line in said)
    assert any(line.startswith("update-desktop-database is not installed") for line in said)
    assert said[-1].startswith("Fact Sheet is in your applications menu now")


def test_a_failing_desktop_tool_is_reported_and_the_install_stands(home, monkeypatch):
    monkeypatch.setattr(freedesktop.shutil, "which", lambda name: "/usr/bin/" + name)

    def broken(argv):
        if argv[0] == "update-mime-database":
            raise OSError("Exec format error")
        return subprocess.CompletedProcess(argv, 3, "", "")

    said = freedesktop.install(home, PROGRAM, run=broken)
    assert "update-mime-database could not run (Exec format error); the file types may be out of date " \
           "until it does." in said
    assert any(line.startswith("update-desktop-database stopped with status 3") for line in said)
    assert all((home / name).is_file() for name in EXPECTED)


def test_an_existing_icon_cache_is_refreshed_and_none_is_created(home, monkeypatch):
    monkeypatch.setattr(freedesktop.shutil, "which", lambda name: "/usr/bin/" + name)
    ran = []

    def record(argv):
        ran.append(argv[0])
        return subprocess.CompletedProcess(argv, 0, "", "")

    freedesktop.install(home, PROGRAM, run=record)
    assert "gtk-update-icon-cache" not in ran
    assert not (home / "icons/hicolor/icon-theme.cache").exists()
    (home / "icons/hicolor/icon-theme.cache").write_bytes(b"cache")
    ran.clear()
    freedesktop.install(home, PROGRAM, run=record)
    assert ran == ["update-desktop-database", "update-mime-database", "gtk-update-icon-cache"]


def test_a_failed_install_takes_back_what_it_wrote(home, monkeypatch, without_tools):
    real_write_bytes = Path.write_bytes

    def disk_full(path, data):
        if path.name.startswith(".factsheet.xml"):
            real_write_bytes(path, data[:10])
            raise OSError(28, "No space left on device", str(path))
        return real_write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        freedesktop.install(home, PROGRAM, run=_no_tools)
    assert list(home.rglob("*")) == []


def test_uninstall_with_nothing_installed_says_so(home):
    assert freedesktop.uninstall(home) == [
        f"Nothing to remove: Fact Sheet's launcher is not installed in {home}."]


def test_xdg_data_home_is_respected_only_when_absolute(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert freedesktop.data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data")
    assert freedesktop.data_home({"XDG_DATA_HOME": "relative/data"}) == tmp_path / ".local/share"
    assert freedesktop.data_home({}) == tmp_path / ".local/share"


def _unquote_exec(value: str) -> list[str]:
    """Read an Exec= value back as the desktop does: string escapes, then quoting, then %%."""
    value = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    words, word, quoted, i = [], "", False, 0
    while i < len(value):
        char = value[i]
        if quoted and char == "\\":
            word += value[i + 1]
            i += 1
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            words.append(word)
            word = ""
        else:
            word += char
        i += 1
    words.append(word)
    return [w.replace("%%", "%") for w in words if w]


@pytest.mark.parametrize("program", [
    "/usr/bin/factsheet",
    "/home/anna/my apps/bin/factsheet",
    '/home/anna/"quoted"/$HOME/`x`/back\\slash/100%/factsheet',
    "/home/анна/приложения/factsheet",
])
def test_exec_line_gives_back_the_exact_program_path(program):
    line = freedesktop.exec_argument(program)
    assert _unquote_exec(line) == [program]
    assert _unquote_exec(line + " %f") == [program, "%f"]


def test_a_program_path_with_a_line_break_is_refused_with_a_sentence():
    with pytest.raises(FactSheetError, match="control character"):
        freedesktop.exec_argument("/tmp/odd\nname/factsheet")


def test_the_installed_program_is_found_by_absolute_path():
    command = freedesktop.installed_program()
    assert Path(command[0]).is_absolute()
    scripts_factsheet = Path(sys.executable).parent / "factsheet"
    if scripts_factsheet.is_file():  # installed in this environment, as make test does
        assert command == [str(scripts_factsheet)]
    else:
        assert command[1:] == ["-m", "desktop"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian package desktop-file-utils; "
                           "make test installs it when run as root)")
@pytest.mark.parametrize("program", ["/usr/bin/factsheet", "/home/anna/my apps/$HOME/factsheet"])
def test_the_installed_launcher_passes_desktop_file_validate(home, program, without_tools):
    freedesktop.install(home, [program], run=_no_tools)
    result = subprocess.run(["desktop-file-validate", str(home / "applications/factsheet.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
