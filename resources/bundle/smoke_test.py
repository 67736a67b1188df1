"""Check a built bundle as a user would meet it: ``python -m resources.bundle.smoke_test dist/factsheet``.

Runs the bundled program (not the Python in this environment) in a throw-away home:
``--version``; the window started offscreen on a first run, which must create and seed the
user's database from the bundled seed files and stay up; ``check`` on that database when the
program has that command; and ``install-desktop`` / ``uninstall-desktop``, whose launcher
must start the bundled program itself. Prints what it saw; exits non-zero at the first fault.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

START_TIMEOUT_S = 60
STAY_UP_S = 3


class BundleFault(Exception):
    """The bundle did not behave; the message says how."""


def _program(folder: Path) -> Path:
    for name in ("factsheet-cli.exe", "factsheet.exe", "factsheet"):
        if (folder / name).is_file():
            return folder / name
    raise BundleFault(f"no factsheet program in {folder}")


def _environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "PYTHON"))}
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    return env


def _run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=120)
    if "Traceback" in result.stderr:
        raise BundleFault(f"factsheet {' '.join(args)} failed with a traceback:\n{result.stderr}")
    return result


def check_version(program: Path, env: dict[str, str]) -> str:
    result = _run(program, "--version", env=env)
    if result.returncode != 0 or not result.stdout.startswith("factsheet "):
        raise BundleFault(f"--version answered {result.returncode}: {result.stdout}{result.stderr}")
    return result.stdout.strip()


def _seeded_rows(database: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT count(*) FROM indicators").fetchone()[0]
    except sqlite3.Error:  # not written completely yet
        return 0


def check_window(program: Path, env: dict[str, str], home: Path) -> Path:
    """Start the window on a first run; return the user's database it created and seeded."""
    window = subprocess.Popen([str(program)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        database = None
        while time.monotonic() < deadline and window.poll() is None:
            found = [path for path in home.rglob("*.factsheet") if _seeded_rows(path) > 0]
            if found:
                database = found[0]
                break
            time.sleep(0.2)
        if database is None:
            raise BundleFault("the window did not create the user's seeded database "
                              f"(exit status {window.poll()})")
        time.sleep(STAY_UP_S)
        if window.poll() is not None:
            raise BundleFault(f"the window closed by itself with status {window.returncode}")
    finally:
        window.terminate()
        _out, err = window.communicate(timeout=30)
    if "Traceback" in err:
        raise BundleFault(f"the window wrote a traceback:\n{err}")
    return database


def check_commands(program: Path, env: dict[str, str], database: Path) -> list[str]:
    """``check`` on the seeded database, when this build has that command."""
    listed = _run(program, "--help", env=env).stdout
    if " check" not in listed and "check," not in listed:
        return ["this build has no check command yet"]
    result = _run(program, "check", "--db", str(database), env=env)
    if not result.stdout.strip():
        raise BundleFault(f"check printed nothing (status {result.returncode}): {result.stderr}")
    return [f"check exited with status {result.returncode} and said:", result.stdout.rstrip()]


def check_launcher(program: Path, env: dict[str, str], home: Path) -> str:
    if sys.platform.startswith(("win", "darwin")):
        return "the Linux launcher is not for this platform"
    installed = _run(program, "install-desktop", env=env)
    launcher = home / "data" / "applications" / "factsheet.desktop"
    if installed.returncode != 0 or f"Exec={program.absolute()} %f" not in launcher.read_text():
        raise BundleFault(f"install-desktop did not point the launcher at the bundle: {installed.stdout}"
                          f"{installed.stderr}")
    removed = _run(program, "uninstall-desktop", env=env)
    if removed.returncode != 0 or launcher.exists():
        raise BundleFault(f"uninstall-desktop left the launcher: {removed.stdout}{removed.stderr}")
    return f"install-desktop pointed the launcher at {program.absolute()}; uninstall-desktop removed it"


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "dist/factsheet")
    try:
        program = _program(folder)
        with tempfile.TemporaryDirectory(prefix="factsheet-bundle-") as temporary:
            home = Path(temporary)
            env = _environment(home)
            print(f"{program}: {check_version(program, env)}")
            database = check_window(program, env, home)
            print(f"The window started offscreen, created and seeded {database.name} "
                  f"({_seeded_rows(database)} figures) and stayed up.")
            for line in check_commands(program, env, database):
                print(line)
            print(check_launcher(program, env, home) + ".")
    except (BundleFault, OSError, subprocess.SubprocessError) as fault:
        print(f"The bundle failed its check: {fault}", file=sys.stderr)
        return 1
    print("The bundle works.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
