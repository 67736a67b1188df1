"""Builds the Russian and Kazakh catalogues (``.mo``) from their ``.po`` files whenever the
package is built (a wheel, ``pip install``), so an installed Fact Sheet always speaks the
translations its sources hold. Everything else about the package is in ``pyproject.toml``."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalogues() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in Path(__file__).parent.glob("resources/locale/*/LC_MESSAGES/factsheet.po"):
        with po.open("rb") as source:
            catalogue = read_po(source, locale=po.parent.parent.name)
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalogue)


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        compile_catalogues()
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
