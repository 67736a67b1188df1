"""``factsheet pdf`` and ``factsheet export`` never replace what is not a regular file, keep a
file's permissions, refuse a read-only one and report a write error, run as real processes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

PARTIES = ("Abai region", "Omsk region")
COMMANDS = {
    "pdf": lambda db, out: ["pdf", "--db", str(db), "--parties", *PARTIES, "-o", str(out), "--as-of", "2025-07-02"],
    "export": lambda db, out: ["export", "--db", str(db), "--format", "json", "-o", str(out)],
}
START = {"pdf": b"%PDF", "export": b'{"format": "factsheet-bundle"'}


def _factsheet(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def _sentence(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_writes_the_file_it_points_at(seeded_path, tmp_path, command):
    real = tmp_path / "real.out"
    real.write_bytes(b"earlier")
    real.chmod(0o640)
    link = tmp_path / "link.out"
    link.symlink_to(real)
    result = _factsheet(*COMMANDS[command](seeded_path, link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.read_bytes().startswith(START[command])
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_file_is_refused_and_keeps_its_content_and_mode(seeded_path, tmp_path, command):
    target = tmp_path / "final.out"
    target.write_bytes(b"the signed version")
    target.chmod(0o444)
    result = _factsheet(*COMMANDS[command](seeded_path, target))
    assert result.returncode == 1
    assert _sentence(result).startswith("factsheet: “final.out” is read-only, so it was not replaced.")
    assert target.read_bytes() == b"the signed version"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_device_is_a_failure_that_names_the_file(seeded_path, tmp_path, command):
    link = tmp_path / "out.file"
    link.symlink_to("/dev/full")
    result = _factsheet(*COMMANDS[command](seeded_path, link))
    assert result.returncode == 1
    assert _sentence(result) == "factsheet: “out.file” was not saved: the disk is full."
    assert link.is_symlink() and os.readlink(link) == "/dev/full"
    # Nothing else beside them either: reading the database left no -wal or -shm file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file", "seed.factsheet"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", COMMANDS)
def test_run_as_root_a_device_stays_a_device(seeded_path, tmp_path, command):
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    result = _factsheet(*COMMANDS[command](seeded_path, device))
    assert result.returncode == 1
    assert _sentence(result) == "factsheet: “full” was not saved: the disk is full."
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_a_named_pipe_is_written_through_to_its_reader(seeded_path, tmp_path, command):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    try:
        result = _factsheet(*COMMANDS[command](seeded_path, pipe))
        received = reader.communicate(timeout=60)[0]
    finally:
        reader.kill()
    assert result.returncode == 0, result.stderr
    assert received.startswith(START[command])
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.slow
def test_a_named_pipe_nobody_reads_is_refused_rather_than_waited_on(seeded_path, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = _factsheet(*COMMANDS["export"](seeded_path, pipe))
    assert result.returncode == 1
    assert _sentence(result).startswith("factsheet: Nothing is reading from the pipe “pipe”")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.slow
def test_export_to_a_full_standard_output_says_so_in_a_sentence(seeded_path):
    with Path("/dev/full").open("w") as full:
        result = _factsheet("export", "--db", str(seeded_path), "--format", "csv", "-o", "-", stdout=full)
    assert result.returncode == 1
    assert _sentence(result) == "factsheet: The export could not be written to standard output: the disk is full."


@pytest.mark.slow
def test_publish_follows_links_and_refuses_a_read_only_file_leaving_the_earlier_publish(seeded_path, tmp_path):
    site = tmp_path / "site"
    assert _factsheet("publish", "--db", str(seeded_path), "-o", str(site)).returncode == 0
    kept = tmp_path / "kept-metadata.json"
    kept.write_text("{}")
    kept.chmod(0o640)
    (site / "metadata.json").unlink()
    (site / "metadata.json").symlink_to(kept)
    assert _factsheet("publish", "--db", str(seeded_path), "-o", str(site)).returncode == 0
    assert (site / "metadata.json").is_symlink() and '"databases"' in kept.read_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640

    snapshot = site / "facts.db"
    snapshot.chmod(0o444)
    before = {p.name: p.read_bytes() for p in site.iterdir() if p.is_file()}
    result = _factsheet("publish", "--db", str(seeded_path), "-o", str(site))
    assert result.returncode == 1
    assert "“facts.db” is read-only, so it was not replaced." in _sentence(result)
    assert {p.name: p.read_bytes() for p in site.iterdir() if p.is_file()} == before
