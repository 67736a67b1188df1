"""The Qt bindings in use keep Python's reference counts intact.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a method
that returns nothing; after a few thousand calls (a printed page makes more) the
process aborts with "deallocating None". The dependency excludes that release; this
test catches any other release that brings the defect back.
"""

import sys

from PySide6.QtGui import QFont, QTextDocument


def test_calling_qt_methods_that_return_nothing_leaves_none_alone():
    document = QTextDocument()
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(200):
        document.setTextWidth(100)
        font.setBold(True)
    assert sys.getrefcount(None) - before > -50
