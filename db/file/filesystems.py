"""Which file system holds a database: a network drive needs SQLite's rollback journal.

SQLite's write-ahead log keeps its index in shared memory (the ``-shm`` file), which only
works between programs on one computer: on a network file system (SMB/CIFS shares, NFS,
and the like) two computers would each keep their own and damage the file. SQLite's
documentation says so plainly: WAL does not work over a network file system. So a
database on such a drive is written with the rollback journal instead
(``db.file.connection``), which relies only on file locks.

On Linux the file system is read from ``/proc/self/mountinfo``: the mount whose mount
point is the longest leading part of the file's real path. On Windows a UNC path
(``\\\\server\\share``) or a mapped network drive is one. Elsewhere (macOS) nothing is
known and the write-ahead log is used, as before. ``network_filesystem`` takes the mount
table as text, so the decision is tested with made-up tables.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from db.model.i18n import _

# File system types (as /proc/self/mountinfo names them) that live on another computer.
NETWORK_TYPES = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "9p", "ceph", "glusterfs", "lustre", "gpfs",
    "coda", "davfs", "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "fuse.gvfsd-fuse", "fuse.cifs",
})
MOUNTINFO = Path("/proc/self/mountinfo")


def _unescape(field: str) -> str:
    """A mount point as mountinfo writes it (``\\040`` for a space) turned back into text."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mounts(mountinfo: str) -> list[tuple[str, str]]:
    """(mount point, file system type) for each line of a ``/proc/self/mountinfo`` text."""
    found = []
    for line in mountinfo.splitlines():
        before, separator, after = line.partition(" - ")
        fields, rest = before.split(), after.split()
        if separator and len(fields) >= 5 and rest:
            found.append((_unescape(fields[4]), rest[0]))
    return found


def filesystem_of(path: Path, mountinfo: str) -> str | None:
    """The type of the file system holding ``path`` in a mountinfo text (None when none matches)."""
    best: tuple[int, str] | None = None
    target = str(path)
    for point, kind in mounts(mountinfo):
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), kind)  # later mounts over the same point hide earlier ones
    return best[1] if best else None


def network_filesystem(path: str | os.PathLike[str], mountinfo: str | None = None) -> str | None:
    """The network file system ``path`` is on ("cifs", "nfs4", …), or None for a local disk.

    ``mountinfo`` is a mount table's text; by default this computer's is read (Linux).
    """
    real = _real(Path(path))
    if mountinfo is None:
        if sys.platform == "win32":
            return _windows_network(real)
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    kind = filesystem_of(real, mountinfo)
    return kind if kind in NETWORK_TYPES else None


def journal_for(path: Path | None) -> tuple[str, str | None]:
    """The journal mode a database at ``path`` is written with, and the network file system
    that asks for the rollback journal (None on a local disk, where it is the WAL)."""
    network = network_filesystem(path) if path is not None else None
    return ("delete" if network else "wal"), network


def shared_wal_reason(name: str, filesystem: str) -> str:
    """Why a WAL file on a network drive that another program holds is shown read-only."""
    return _("“{name}” is on a network drive ({filesystem}), where SQLite's write-ahead log cannot be shared "
             "safely, and another program has it open that way, so it is shown read-only. Close the other "
             "program (or copy the file to this computer) and open it again.").format(
        name=name, filesystem=filesystem)


def _real(path: Path) -> Path:
    """The real path of ``path``, or of its folder when the file does not exist yet."""
    path = Path(os.path.abspath(path))
    return Path(os.path.realpath(path if path.exists() else path.parent)) / ("" if path.exists() else path.name)


def _windows_network(path: Path) -> str | None:
    """"smb" for a UNC path or a mapped network drive on Windows."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "smb"
    try:
        import ctypes

        drive_remote = 4
        if ctypes.windll.kernel32.GetDriveTypeW(os.path.splitdrive(text)[0] + "\\") == drive_remote:
            return "smb"
    except (AttributeError, OSError):
        pass
    return None
