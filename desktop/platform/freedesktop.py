"""Putting Fact Sheet into a Linux desktop's menu, and taking it out again.

``install`` copies three things into the user's XDG data folder (``~/.local/share``
unless ``XDG_DATA_HOME`` says otherwise), as the freedesktop specifications describe:
the launcher ``applications/factsheet.desktop`` (its ``Exec=`` naming the installed
program by its absolute path, so it works whatever the menu's ``PATH``), the icon in
each size of the ``hicolor`` theme, and the MIME type of database files
(``mime/packages/factsheet.xml``). Then it asks the desktop's own tools to refresh
their caches, when they are installed. ``uninstall`` removes exactly those files.

No Qt here: the commands run without a display, and so do their tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from db.errors import FactSheetError
from db.model.i18n import _
from desktop import APP_ID, APP_NAME
from resources import resource_path

DESKTOP_FILE = APP_ID + ".desktop"
MIME_PACKAGE = APP_ID + ".xml"
MIME_TYPE = "application/x-factsheet-database"
ICON_NAME = APP_ID
TOOL_TIMEOUT_S = 60
# What update-mime-database writes beside packages/ (the MIME spec reserves these names).
MIME_CACHE_FILES = ("XMLnamespaces", "aliases", "generic-icons", "globs", "globs2", "icons", "magic",
                    "mime.cache", "subclasses", "treemagic", "types", "version")

# Characters that oblige an Exec= argument to be quoted (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


@dataclass(frozen=True)
class Target:
    """One file the launcher consists of: where it comes from and where it goes."""

    source: Path
    relative: Path  # under the data folder
    what: str  # "launcher", "icon" or "file type"


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's XDG data folder; a relative ``XDG_DATA_HOME`` is ignored, as the spec says."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def installed_program() -> list[str]:
    """The command that starts the installed app, absolute, for the launcher's ``Exec=``."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle is its own program
        return [str(Path(sys.executable).absolute())]
    name = APP_ID + (".exe" if os.name == "nt" else "")
    started_as = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    candidates = [started_as] if started_as is not None and started_as.name == name else []
    for scheme in (None, f"{os.name}_user"):
        try:
            scripts = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        candidates.append(Path(scripts) / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    # Not installed as a program (run from a source tree): start the package with this Python.
    return [str(Path(sys.executable).absolute()), "-m", "desktop"]


def exec_argument(argument: str) -> str:
    """One argument quoted for ``Exec=``: reserved characters in double quotes, then the
    backslashes doubled once more because the whole value is a desktop-entry string."""
    if any(ord(char) < 32 or ord(char) == 127 for char in argument):
        raise FactSheetError(_("The program's path “{path}” contains a control character, which a "
                               "desktop launcher cannot hold; install Fact Sheet in another folder.")
                             .format(path=argument.encode("unicode_escape").decode()))
    argument = argument.replace("%", "%%")
    if any(char in _EXEC_RESERVED for char in argument):
        argument = '"' + _EXEC_ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    return argument.replace("\\", "\\\\")


def launcher_text(command: Sequence[str]) -> str:
    """The packaged desktop entry with ``Exec=`` and ``TryExec=`` naming ``command``."""
    lines = []
    for line in resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_argument(arg) for arg in command) + " %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets() -> list[Target]:
    """Every file ``install`` writes, relative to the data folder."""
    icons = resource_path("icons")
    found = [Target(resource_path(DESKTOP_FILE), Path("applications", DESKTOP_FILE), "launcher")]
    for png in sorted(icons.glob(f"hicolor/*/apps/{ICON_NAME}.png"), key=_icon_size):
        found.append(Target(png, Path("icons") / png.relative_to(icons), "icon"))
    found.append(Target(icons / f"{ICON_NAME}.svg",
                        Path("icons", "hicolor", "scalable", "apps", f"{ICON_NAME}.svg"), "icon"))
    found.append(Target(resource_path("mime", MIME_PACKAGE), Path("mime", "packages", MIME_PACKAGE),
                        "file type"))
    return found


def _icon_size(png: Path) -> int:
    return int(png.parent.parent.name.partition("x")[0])


def _write(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a desktop watching the folder never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def _run_tool(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False)


def install(home: Path, command: Sequence[str], run: Runner = _run_tool) -> list[str]:
    """Install the launcher, icons and file type under ``home``; return what was done, as sentences.

    All or nothing: if a file cannot be written, those already written are removed again.
    """
    written: list[Path] = []
    try:
        for target in targets():
            path = home / target.relative
            data = (launcher_text(command).encode("utf-8") if target.what == "launcher"
                    else target.source.read_bytes())
            _write(path, data)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for target in targets():  # and the folders made for them, once empty
            _remove_empty_folders((home / target.relative).parent, stop=home)
        raise
    sizes = sum(1 for target in targets() if target.relative.suffix == ".png")
    said = [
        _("Installed the launcher “{name}” as {path}; it starts {program}.").format(
            name=APP_NAME, path=home / "applications" / DESKTOP_FILE, program=" ".join(command)),
        _("Installed the icon in {count} sizes and as a scalable drawing under {path}.").format(
            count=sizes, path=home / "icons" / "hicolor"),
        _("Registered the file type “Fact Sheet database” (*.factsheet) in {path}.").format(
            path=home / "mime" / "packages" / MIME_PACKAGE),
    ]
    said += refresh_caches(home, run)
    said.append(_("{name} is in your applications menu now; double-clicking a .factsheet file opens it.")
                .format(name=APP_NAME))
    return said


def uninstall(home: Path, run: Runner = _run_tool) -> list[str]:
    """Remove what ``install`` put under ``home`` (any icon size, from any version)."""
    found = [home / "applications" / DESKTOP_FILE, home / "mime" / "packages" / MIME_PACKAGE]
    found += sorted((home / "icons" / "hicolor").glob(f"*/apps/{ICON_NAME}.*"))
    present = [path for path in found if path.is_file()]
    if not present:
        return [_("Nothing to remove: {name}'s launcher is not installed in {path}.").format(
            name=APP_NAME, path=home)]
    for path in present:
        path.unlink()
    said = [_("Removed {name}'s launcher, icons and file type ({count} files) from {path}.").format(
        name=APP_NAME, count=len(present), path=home)]
    said += refresh_caches(home, run)
    _drop_caches_of_nothing(home)
    for path in present:
        _remove_empty_folders(path.parent, stop=home)
    return said


def _drop_caches_of_nothing(home: Path) -> None:
    """Remove the caches the tools made for our files alone, so uninstalling leaves no trace.

    A cache stays whenever another launcher or file type is still installed beside ours.
    """
    applications, mime = home / "applications", home / "mime"
    if applications.is_dir() and not any(applications.rglob("*.desktop")):
        (applications / "mimeinfo.cache").unlink(missing_ok=True)
        _remove_empty_folders(applications, stop=home)
    if mime.is_dir() and not any((mime / "packages").glob("*.xml")):
        for name in MIME_CACHE_FILES:
            (mime / name).unlink(missing_ok=True)
        generated = mime.joinpath(*MIME_TYPE.split("/")).with_suffix(".xml")
        generated.unlink(missing_ok=True)
        _remove_empty_folders(generated.parent, stop=home)
        _remove_empty_folders(mime / "packages", stop=home)


def _remove_empty_folders(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and its parents while they are empty, never ``stop`` or above it."""
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone): leave it
            return
        folder = folder.parent


def refresh_caches(home: Path, run: Runner = _run_tool) -> list[str]:
    """Ask the desktop's tools to re-read the launcher, file types and icons; never fail."""
    said = []
    applications, mime, hicolor = home / "applications", home / "mime", home / "icons" / "hicolor"
    if applications.is_dir():
        said.append(_run_if_present(
            run, ["update-desktop-database", "-q", str(applications)], _("the list of programs per file type"),
            _("update-desktop-database is not installed (Debian package desktop-file-utils): the menu "
              "still shows {name}, but a file manager may not offer it for .factsheet files until "
              "that list is rebuilt.").format(name=APP_NAME)))
    if mime.is_dir():
        said.append(_run_if_present(
            run, ["update-mime-database", str(mime)], _("the file types"),
            _("update-mime-database is not installed (Debian package shared-mime-info), so .factsheet "
              "files are not recognised yet; install it and run “{prog} install-desktop” again.")
            .format(prog=APP_ID)))
    if hicolor.is_dir():
        os.utime(hicolor)  # icon caches compare their age with the theme folder's
        if (hicolor / "icon-theme.cache").is_file():  # never create a cache, only keep one current
            said.append(_run_if_present(
                run, ["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)], _("the icon cache"),
                _("gtk-update-icon-cache is not installed; the icons appear once the desktop "
                  "re-reads its icon theme.")))
    return said


def _run_if_present(run: Runner, argv: list[str], what: str, when_missing: str) -> str:
    tool = argv[0]
    if shutil.which(tool) is None:
        return when_missing
    try:
        result = run(argv)
    except (OSError, subprocess.SubprocessError) as error:
        return _("{tool} could not run ({error}); {what} may be out of date until it does.").format(
            tool=tool, error=error, what=what)
    if result.returncode != 0:
        return _("{tool} stopped with status {status}; {what} may be out of date until it runs "
                 "cleanly.").format(tool=tool, status=result.returncode, what=what)
    return _("Refreshed {what} ({tool}).").format(what=what, tool=tool)


def supported() -> bool:
    """True on desktops that follow the freedesktop specifications (Linux and the BSDs)."""
    return not sys.platform.startswith(("win", "darwin", "cygwin"))
