"""A text file's encoding is decided by evidence: byte-order marks, strict UTF-8, UTF-16 without
a mark, a few bad bytes reported rather than re-read, and the detector among Cyrillic encodings."""

import pytest

from db.exchange.tables.encodings import NotText, detect
from tests.db.exchange import statistics_files as files


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "cp866", "iso8859_5"])
def test_cyrillic_single_byte_encodings_are_told_apart(tmp_path, codec):
    found = detect(files.russian_csv(tmp_path, codec))
    assert (found.codec, found.certain, found.bad_bytes) == (codec, True, False)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_wide_unicode_without_a_byte_order_mark_is_read(tmp_path, codec):
    assert detect(files.russian_csv(tmp_path, codec)).codec == codec


def test_byte_order_marks_come_first(tmp_path):
    assert detect(files.write(tmp_path, "a.csv", "\ufeff" + files.RUSSIAN_CSV, "utf-8")).codec == "utf-8-sig"
    assert detect(files.write(tmp_path, "b.csv", "\ufeff" + files.RUSSIAN_CSV, "utf-16")).codec == "utf-16"


def test_a_utf8_file_with_a_bad_byte_stays_utf8_and_says_so(tmp_path):
    found = detect(files.bad_byte_csv(tmp_path))
    assert (found.codec, found.bad_bytes) == ("utf-8", True)


def test_a_few_odd_bytes_are_too_little_evidence_to_choose(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(b"subject,value\nA\x98\x98,1\n")
    found = detect(path)
    assert not found.certain and found.others


@pytest.mark.parametrize(("data", "sentence"), [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02", "it is not a text file (it holds binary data)"),
])
def test_empty_and_binary_files_are_not_text(tmp_path, data, sentence):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(NotText, match=sentence.replace("(", r"\(").replace(")", r"\)")):
        detect(path)
