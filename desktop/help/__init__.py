"""The built-in user guide: its window (contents, search, the guide itself), finding the
guide in the user's language, and context help, which opens it at the section about a form
or dialog (F1, or the dialog's Help button).

The guide is HTML under ``resources/help/<language>/``. May use ``desktop.common`` and
``desktop.platform`` and the data layer's strings (``db.model.i18n``); forms, dialogs and
the main window call it, never the reverse.
"""
