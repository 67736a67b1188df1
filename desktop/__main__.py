"""``python -m desktop`` does what the installed ``factsheet`` command does."""

from desktop.app import main

raise SystemExit(main())
