"""The user guide: one folder per language (``en/index.html`` and its ``images/``; ``ru`` and
``kk`` beside it once translated), shown by the app's help window, and the script that makes
the guide's pictures from the app itself (``python -m resources.help.screenshots``)."""
