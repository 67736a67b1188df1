"""A real small filesystem for tests: a size-limited tmpfs mounted in the test's folder.

Mounting needs administrator rights; where they are missing the tests that need a real
full or read-only disk are skipped, and the simulated versions (``PRAGMA max_page_count``,
permission bits) still run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True)


@contextmanager
def small_filesystem(where: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KiB mounted at ``where`` for the duration of the block."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs administrator rights")
    where.mkdir(parents=True, exist_ok=True)
    result = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(where))
    if result.returncode != 0:
        pytest.skip(f"a small filesystem could not be mounted: {result.stderr.strip()}")
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


def remount_read_only(where: Path) -> None:
    result = _run("mount", "-o", "remount,ro", str(where))
    assert result.returncode == 0, result.stderr


def fill(folder: Path, leave_bytes: int = 0) -> Path:
    """Fill the filesystem holding ``folder`` until about ``leave_bytes`` remain free."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free - leave_bytes
    with filler.open("ab", buffering=0) as handle:
        chunk = b"\0" * 65536
        try:
            while free > 0:
                handle.write(chunk[:min(len(chunk), free)])
                free -= len(chunk)
        except OSError:
            pass
    return filler
