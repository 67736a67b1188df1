"""The program's entry: ``factsheet`` and ``python -m desktop`` agree, and refuse bad words kindly."""

import subprocess
import sys

from desktop.app import main
from tests.desktop.modal import answer, read_message


def test_help_lists_the_database_option(capsys):
    assert main(["--help"]) == 0
    assert "--db FILE" in capsys.readouterr().out


def test_an_unknown_option_is_one_sentence(capsys):
    assert main(["--colour", "red"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert "--help" in err


def test_python_dash_m_desktop_answers_like_factsheet():
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("factsheet ")


def test_a_bad_database_is_one_sentence_and_left_unchanged(qtbot, tmp_path, capsys):
    from desktop.gui import create_application

    bad = tmp_path / "notes.factsheet"
    bad.write_text("not a database")
    create_application()
    shown: list[str] = []
    answer(read_message(shown))
    assert main(["--db", str(bad)]) == 1
    sentence = "“notes.factsheet” is not a Fact Sheet database (it is not an SQLite file)."
    assert shown == [sentence]
    assert capsys.readouterr().err.strip() == f"factsheet: {sentence}"
    assert bad.read_text() == "not a database"


def test_without_a_console_a_bad_database_still_shows_its_message(qtbot, tmp_path, monkeypatch):
    """A double-click on Windows starts the program with no stdout or stderr at all."""
    from desktop.gui import create_application

    bad = tmp_path / "notes.factsheet"
    bad.write_text("not a database")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    create_application()
    shown: list[str] = []
    answer(read_message(shown))
    assert main(["--db", str(bad)]) == 1
    assert shown == ["“notes.factsheet” is not a Fact Sheet database (it is not an SQLite file)."]

