"""Dialogs opened from the menus: Import…, Export…, Find… and About.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
