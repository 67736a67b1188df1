"""Say clearly which system packages Qt needs before it aborts with a cryptic message.

Qt's X11 platform plugin (xcb) loads a handful of libraries that a fresh Debian or Ubuntu
lacks. ``make run`` runs this module first: it installs the packages when it may (root
with apt-get), and otherwise prints the one command that does. The window entry point
calls ``missing_packages`` too, so a double-click gives a sentence, not a core dump.
"""

from __future__ import annotations

import os
import sys

# Library loaded by Qt's xcb plugin -> Debian/Ubuntu package providing it.
XCB_LIBRARIES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_x11() -> bool:
    """True when Qt will pick its X11 plugin (Linux with no other platform chosen)."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not os.environ.get("WAYLAND_DISPLAY")


def missing_packages() -> list[str]:
    """Packages whose libraries cannot be loaded (only for the X11 platform)."""
    if not uses_x11():
        return []
    import ctypes  # only where the X11 plugin will be loaded

    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def main() -> int:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        print("Fact Sheet needs a graphical desktop, and none was found (DISPLAY is not set). "
              "Run it from a desktop session, or use the headless commands (factsheet --help).",
              file=sys.stderr)
        return 1
    packages = missing_packages()
    if not packages:
        return 0
    import shutil
    import subprocess

    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing the system libraries Qt needs: " + " ".join(packages), file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        result = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env,
                                stdout=subprocess.DEVNULL)
        if result.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
            result = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env,
                                    stdout=subprocess.DEVNULL)
        if result.returncode == 0:
            return 0
    print("Fact Sheet's window needs these system libraries, which are missing: "
          + ", ".join(packages) + ". Install them with: " + install_command(packages), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
