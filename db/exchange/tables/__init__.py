"""Reading tables of figures as statistics offices publish them, before any database is involved.

Here a file becomes rows of text cells and a ``Layout`` saying which column holds which field:
its encoding decided by evidence (``encodings``), CSV and text tables (``text``), spreadsheet
workbooks (``workbook``), the header row found below any title rows and its names recognised
in English, Russian and Kazakh or mapped by the person (``header``), tables with periods
across (``wide``), and how numbers are written (``values``). ``opening`` puts them together.

May use ``db.model`` and ``db.errors`` only: nothing here opens a database or writes.
"""
