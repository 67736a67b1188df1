"""The model: the kinds of record, dates known to a precision, the rules a record keeps
(and the warnings that it may repeat another), how numbers and dates are written, how
control characters are shown wherever text is shown as it is (``visible``), the status
words of agreements, events and officials as of a day (``status``), and the one
string table.

Plain Python over plain values: nothing here opens a file or runs SQL. Every other part of
``db`` builds on it; it uses only ``db.errors``.
"""
