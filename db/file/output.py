"""Writing a file a person chose: whole or not at all, and never by replacing what is there.

Every file Fact Sheet writes for a person — a PDF, an export, a chart picture, a copy or a
backup of the database — is written here, and what happens depends on what the name
turns out to be:

- **a regular file, or a new name**: written beside it under a hidden temporary name,
  flushed to the disk, given the existing file's permissions (and owner, where allowed)
  and renamed over it only when complete. A failure leaves the earlier file exactly as it
  was and no half-written file anywhere;
- **a symbolic link**: followed, so the file it points at is written and the link stays;
- **a device or a named pipe** (``/dev/full``, ``/dev/stdout``, a FIFO): written through,
  as a shell's ``>`` would, never replaced by a regular file. A pipe that nobody reads is
  refused with a sentence instead of waiting forever; a socket is refused;
- **a folder, or a file marked read-only**: refused with a sentence, and left alone.

A write error (a full disk — ``/dev/full`` too —, a failing device, a folder one may not
write to) is a failure with a sentence naming the person's file, never the temporary one.

Tools that write by file name (SQLite's backup API) use ``output_path``; everything else
writes a stream (``open_output``) or bytes (``write_bytes``). No Qt: the window and the
command line both come here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from db.errors import FactSheetError
from db.model.i18n import _

_COPY_CHUNK = 1 << 20


class OutputError(FactSheetError):
    """A file the person asked for could not be written; the sentence names it."""


@dataclass(frozen=True)
class _Target:
    given: Path  # the name the person chose, for sentences
    real: Path  # where the bytes go: symbolic links followed
    existing: os.stat_result | None  # the file there now (None: a new file)

    @property
    def regular(self) -> bool:
        return self.existing is None or stat.S_ISREG(self.existing.st_mode)


def failure(path: str | os.PathLike[str], error: OSError) -> OutputError:
    """The sentence for ``error`` met while writing ``path`` (the person's name for the file)."""
    given = Path(path)
    name, folder = given.name or str(given), given.parent
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return OutputError(_("“{name}” was not saved: the disk is full.").format(name=name))
    if code == errno.ENOENT and not folder.is_dir():
        return OutputError(_("The folder {folder} does not exist, so “{name}” cannot be written there.").format(
            folder=folder, name=name))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
        return OutputError(_("You may not write to {folder}, so “{name}” was not saved.").format(
            folder=folder, name=name))
    if code == errno.EISDIR:
        return OutputError(_("{path} is a folder; give a file name.").format(path=given))
    reason = (error.strerror or str(error)).rstrip(".")
    return OutputError(_("“{name}” was not saved: {reason}.").format(name=name, reason=reason[:1].lower() + reason[1:]))


def _target(path: str | os.PathLike[str]) -> _Target:
    """Where writing ``path`` puts the bytes, refusing what must not be written."""
    given = Path(path)
    real = Path(os.path.realpath(given))  # a link is followed; a dangling one names the file to make
    try:
        existing: os.stat_result | None = real.stat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise failure(given, error) from None
    if existing is None:
        if not real.parent.is_dir():
            raise failure(given, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
        return _Target(given, real, None)
    mode = existing.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(_("{path} is a folder; give a file name.").format(path=given))
    if stat.S_ISSOCK(mode):
        raise OutputError(_("“{name}” is a socket, not a file; choose a file name.").format(name=given.name))
    if stat.S_ISREG(mode) and (not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
                               or not os.access(real, os.W_OK)):
        raise OutputError(_("“{name}” is read-only, so it was not replaced. Choose another name, or "
                            "allow changes to that file first.").format(name=given.name))
    return _Target(given, real, existing)


def ready(path: str | os.PathLike[str]) -> None:
    """Refuse now, with its sentence, a name that cannot be written (before long work is done
    for it): a folder, a read-only file, a missing folder or one that may not be written."""
    target = _target(path)
    if not target.regular:
        return  # a device or pipe is opened only when there is something to write
    part = _part(target.real)
    try:
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666))
    except OSError as error:
        raise failure(target.given, error) from None
    finally:
        with contextlib.suppress(OSError):
            part.unlink()


def _part(real: Path) -> Path:
    """The hidden temporary name a regular file is written under, beside it."""
    return real.with_name(f".{real.name}.{os.getpid()}.part")


def _settle(target: _Target, part: Path) -> None:
    """Flush ``part`` to the disk, give it the replaced file's permissions, and rename it."""
    fd = os.open(part, os.O_RDONLY)
    try:
        os.fsync(fd)  # a delayed write error (a full disk, a network drive) is met here, not later
    finally:
        os.close(fd)
    if target.existing is not None:
        os.chmod(part, stat.S_IMODE(target.existing.st_mode))
        if hasattr(os, "chown") and (target.existing.st_uid, target.existing.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only an administrator may give a file away
                os.chown(part, target.existing.st_uid, target.existing.st_gid)
    os.replace(part, target.real)


def _open_through(target: _Target) -> int:
    """A descriptor writing straight into a device or a named pipe."""
    if stat.S_ISFIFO(target.existing.st_mode):  # type: ignore[union-attr]
        try:
            fd = os.open(target.real, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno == errno.ENXIO:
                raise OutputError(_("Nothing is reading from the pipe “{name}”, so nothing was written to "
                                    "it.").format(name=target.given.name)) from None
            raise
        os.set_blocking(fd, True)
        return fd
    return os.open(target.real, os.O_WRONLY)


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str], *, text: bool = False, encoding: str = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """A file object writing ``path`` as the module docstring says; binary unless ``text``.

    The file is in place once the block ends without an error; an error in the block
    (or in writing) leaves no trace and any earlier file unchanged. ``OSError`` becomes an
    ``OutputError`` naming ``path``.
    """
    target = _target(path)
    part = _part(target.real) if target.regular else None
    try:
        if part is not None:
            part.unlink(missing_ok=True)
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        else:
            fd = _open_through(target)
        handle = (open(fd, "w", encoding=encoding, newline=newline) if text else open(fd, "wb"))  # noqa: SIM115
        with handle:
            yield handle
        if part is not None:
            _settle(target, part)
    except OSError as error:
        raise failure(target.given, error) from None
    finally:
        if part is not None:
            part.unlink(missing_ok=True)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` (see ``open_output``); return the path written."""
    with open_output(path) as out:
        out.write(data)
    return Path(path)


class Pending:
    """A file being written under a temporary name (``part``), put in place by ``finish``.

    For work that writes several files and puts them in place together once all are
    ready (a publish); ``output_path`` is the one-file form. ``discard`` removes what
    ``finish`` did not use; call it in every case.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.target = _target(path)
        self._folder: Path | None = None
        if self.target.regular:
            self.part = _part(self.target.real)
            self.part.unlink(missing_ok=True)
        else:  # a device or pipe: the whole file is made aside, then written through
            self._folder = Path(tempfile.mkdtemp(prefix="factsheet-"))
            self.part = self._folder / self.target.real.name

    def finish(self) -> None:
        """Put the file written at ``part`` in place (see the module docstring)."""
        try:
            if self._folder is None:
                _settle(self.target, self.part)
                return
            with self.part.open("rb") as source, open_output(self.target.given) as out:
                shutil.copyfileobj(source, out, _COPY_CHUNK)
        except OSError as error:
            raise failure(self.target.given, error) from None

    def discard(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                self.part.unlink()


def is_part(name: str) -> bool:
    """True for the name of a file this module writes before it is put in place (a
    leftover after a crash, which the next write replaces)."""
    return name.startswith(".") and name.endswith(".part")


@contextlib.contextmanager
def output_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A file name for a tool that writes a whole file by name (SQLite's backup API).

    The tool writes the name yielded; when the block ends without an error the file is
    put in place as ``open_output`` would (renamed over a regular file, or copied into a
    device or pipe). A failure leaves no trace.
    """
    pending = Pending(path)
    try:
        yield pending.part
        pending.finish()
    except OSError as error:
        raise failure(pending.target.given, error) from None
    finally:
        pending.discard()
