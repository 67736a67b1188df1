"""``factsheet install-desktop`` / ``uninstall-desktop`` run as a user would, in a temporary home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import main

PROGRAM = Path(sys.executable).parent / "factsheet"


def _factsheet(*args: str, home: Path, data_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return subprocess.run([str(PROGRAM), *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(not PROGRAM.is_file(), reason="the factsheet program is not installed in this environment")
def test_install_desktop_points_the_launcher_at_this_program_and_uninstall_removes_it(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    installed = _factsheet("install-desktop", home=home)
    assert installed.returncode == 0 and installed.stderr == ""
    launcher = home / ".local/share/applications/factsheet.desktop"
    assert installed.stdout.splitlines()[0] == (
        f"Installed the launcher “Fact Sheet” as {launcher}; it starts {PROGRAM}.")
    assert f"Exec={PROGRAM} %f" in launcher.read_text(encoding="utf-8").splitlines()
    assert (home / ".local/share/icons/hicolor/48x48/apps/factsheet.png").is_file()
    assert (home / ".local/share/mime/packages/factsheet.xml").is_file()

    removed = _factsheet("uninstall-desktop", home=home)
    assert removed.returncode == 0 and removed.stderr == ""
    assert removed.stdout.startswith("Removed Fact Sheet's launcher, icons and file type (12 files)")
    assert [str(p.relative_to(home)) for p in home.rglob("*")] == [".local", ".local/share"]


@pytest.mark.slow
@pytest.mark.skipif(not PROGRAM.is_file(), reason="the factsheet program is not installed in this environment")
def test_install_desktop_follows_xdg_data_home(tmp_path):
    home, data_home = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    assert _factsheet("install-desktop", home=home, data_home=data_home).returncode == 0
    assert (data_home / "applications/factsheet.desktop").is_file()
    assert list(home.iterdir()) == []


def test_install_desktop_on_windows_or_macos_is_one_sentence(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factsheet: The desktop launcher is for Linux desktops")


def test_the_commands_are_listed_in_help(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "install-desktop" in out and "uninstall-desktop" in out
