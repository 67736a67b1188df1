"""Building the self-contained program with PyInstaller (``make bundle``), and checking it."""
