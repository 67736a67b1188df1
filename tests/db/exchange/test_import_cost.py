"""Opening a database must not pay for numpy: it is loaded only when a chart is drawn."""

import subprocess
import sys


def test_the_data_layer_loads_without_numpy_and_numpy_still_loads_later():
    code = (
        "import sys\n"
        "from db.file.connection import open_database\n"
        "open_database(None)\n"
        "print('numpy' in sys.modules)\n"
        "import numpy\n"
        "print(numpy.float64(1.5) + 1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "2.5"], result.stderr
