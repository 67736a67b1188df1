"""Writing a file a person chose: complete or not at all, and never by replacing what is there."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from db.file import output
from db.file.output import OutputError

needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="making a device node needs administrator rights")


def _device_like_dev_full(folder: Path) -> Path:
    """A character device node that behaves as /dev/full, made in the test's own folder."""
    node = folder / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    return node


def test_a_new_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "out.csv"
    with output.open_output(target, text=True) as out:
        out.write("a,b\n")
        assert not target.exists()
    assert target.read_text() == "a,b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_failure_while_writing_keeps_the_earlier_file_and_leaves_no_part(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("earlier")
    with pytest.raises(RuntimeError), output.open_output(target, text=True) as out:
        out.write("half")
        raise RuntimeError("stopped")
    assert target.read_text() == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    output.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_read_only_file_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "final.pdf"
    target.write_bytes(b"signed version")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="“final.pdf” is read-only, so it was not replaced"):
        output.write_bytes(target, b"new")
    assert target.read_bytes() == b"signed version"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    output.write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"


def test_a_link_to_a_file_not_made_yet_makes_that_file(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    output.write_bytes(link, b"new")
    assert link.is_symlink() and (tmp_path / "made.csv").read_bytes() == b"new"


def test_a_full_device_is_a_failure_named_after_the_persons_file(tmp_path):
    link = tmp_path / "out.pdf"
    link.symlink_to("/dev/full")
    with pytest.raises(OutputError) as caught:
        output.write_bytes(link, b"x" * 100_000)
    assert str(caught.value) == "“out.pdf” was not saved: the disk is full."
    assert link.is_symlink()
    assert ".part" not in str(caught.value)


@needs_root
def test_a_device_is_written_through_and_stays_a_device(tmp_path):
    device = _device_like_dev_full(tmp_path)
    with pytest.raises(OutputError, match="“full” was not saved: the disk is full."):
        output.write_bytes(device, b"x" * 10)
    assert stat.S_ISCHR(device.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_a_device_that_takes_the_bytes_is_written_through(tmp_path):
    link = tmp_path / "null.csv"
    link.symlink_to("/dev/null")
    with output.open_output(link, text=True) as out:
        out.write("fine")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_named_pipe_is_written_through_to_its_reader(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        with pipe.open("rb") as handle:  # blocks until a writer opens it
            ready.set()
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    # The reader must have the pipe open before the writer looks for one.
    for _attempt in range(100):
        try:
            output.write_bytes(pipe, b"through the pipe")
            break
        except OutputError:
            threading.Event().wait(0.02)
    reader.join(5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_named_pipe_nobody_reads_is_refused_at_once(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="Nothing is reading from the pipe “pipe”"):
        output.write_bytes(pipe, b"x")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_folder_and_a_missing_folder_are_refused_with_a_sentence(tmp_path):
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        output.write_bytes(tmp_path, b"x")
    with pytest.raises(OutputError, match=r"The folder .*missing does not exist, so “out.csv” cannot be written"):
        output.write_bytes(tmp_path / "missing" / "out.csv", b"x")


def test_a_tool_writing_by_name_gets_the_same_care(tmp_path):
    target = tmp_path / "copy.factsheet"
    target.write_bytes(b"old")
    target.chmod(0o600)
    with output.output_path(target) as part:
        assert part != target and part.parent == tmp_path
        part.write_bytes(b"new copy")
    assert target.read_bytes() == b"new copy" and stat.S_IMODE(target.stat().st_mode) == 0o600
    link = tmp_path / "to-full"
    link.symlink_to("/dev/full")
    with pytest.raises(OutputError, match="“to-full” was not saved: the disk is full."), \
            output.output_path(link) as part:
        part.write_bytes(b"y" * 1000)
    assert link.is_symlink()


def test_ready_refuses_early_what_cannot_be_written(tmp_path):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(b"x")
    locked.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        output.ready(locked)
    output.ready(tmp_path / "fine.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["locked.pdf"]
