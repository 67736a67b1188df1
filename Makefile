# Fact Sheet: set up, run and test.
#   make run   - create .venv, install the app and open it on your own database
#   make test  - create .venv with the test tools and run the whole suite headless
#   make install-desktop / uninstall-desktop - add Fact Sheet to (or remove it from) the Linux menu
#   make bundle - build a self-contained program folder with PyInstaller (dist/factsheet)
#   make icons - render the icon's PNG, ICO and ICNS files again after editing its SVGs
#   make bench - measure start-up, a million figures, the import, the PDF and memory (a few minutes)
#   make translations - add new strings of the code to the Russian and Kazakh catalogues, drop
#                  strings the code no longer has, and compile them (translate, then run it again)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test lint clean install-desktop uninstall-desktop bundle icons test-tools bench translations catalogues

# The Russian and Kazakh catalogues: the .po files are the sources (kept in git), the .mo
# files the program reads are compiled from them by every build (run, test, bundle, wheel).
LOCALES := ru kk
CATALOGUE := resources/locale/%/LC_MESSAGES/factsheet
MO_FILES := $(LOCALES:%=resources/locale/%/LC_MESSAGES/factsheet.mo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

$(MO_FILES): resources/locale/%/LC_MESSAGES/factsheet.mo: resources/locale/%/LC_MESSAGES/factsheet.po | $(STAMP)
	$(BIN)/pybabel -q compile -D factsheet -d resources/locale -l $*

catalogues: $(MO_FILES)

# New strings in the code get an empty translation in each .po (the tests name them until
# they are translated); strings no longer in the code are dropped; then all is compiled.
translations: $(STAMP)
	@mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
	    -o build/factsheet.pot db desktop
	$(BIN)/pybabel -q update -i build/factsheet.pot -d resources/locale -D factsheet \
	    --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
	$(BIN)/pybabel -q compile -D factsheet -d resources/locale

run: $(STAMP) catalogues
	@$(BIN)/python -m desktop.platform.system_check
	$(BIN)/factsheet

test: $(TSTAMP) catalogues test-tools
	$(BIN)/python -m pytest -q

# desktop-file-validate and update-mime-database check the launcher and the file type in the
# tests, and LibreOffice opens the Word document (about 100 MB, a quarter of a minute). They are
# installed only where that needs no password (as root, with apt-get); elsewhere those few tests
# are skipped and name the package to install.
test-tools:
	@if ! command -v desktop-file-validate >/dev/null || ! command -v update-mime-database >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq desktop-file-utils shared-mime-info >/dev/null 2>&1 || \
	    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq desktop-file-utils shared-mime-info >/dev/null 2>&1; } || \
	    echo "Could not install desktop-file-utils and shared-mime-info; their tests will be skipped."; \
	  else \
	    echo "desktop-file-validate or update-mime-database is missing (sudo apt-get install desktop-file-utils shared-mime-info); their tests will be skipped."; \
	  fi; \
	fi
	@if ! command -v soffice >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1 || \
	    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1; } || \
	    echo "Could not install LibreOffice (libreoffice-writer-nogui); the test that opens the Word document in it will be skipped."; \
	  else \
	    echo "LibreOffice is missing (sudo apt-get install libreoffice-writer-nogui); the test that opens the Word document in it will be skipped."; \
	  fi; \
	fi

# Prints a table of ratios measured in the same run (nothing is asserted). The million-figure
# database and CSV file are made once in bench-data/ (about half a minute) and kept.
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run_all

lint: $(TSTAMP)
	$(BIN)/ruff check .

install-desktop: $(STAMP) catalogues
	$(BIN)/factsheet install-desktop

uninstall-desktop: $(STAMP)
	$(BIN)/factsheet uninstall-desktop

icons: $(STAMP)
	$(BIN)/python -m resources.icons.render

# A folder that runs without Python installed: dist/factsheet/factsheet (factsheet.exe on
# Windows, dist/Fact Sheet.app on macOS). PyInstaller builds for the platform it runs on.
bundle: $(STAMP) catalogues
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
	    resources/bundle/factsheet.spec
	$(BIN)/python -m resources.bundle.smoke_test dist/factsheet

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
