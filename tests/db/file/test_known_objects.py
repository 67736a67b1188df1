"""The generated description of our schema is exactly what the migrations create."""

from __future__ import annotations

from pathlib import Path

from db.file import known_objects, known_schema, migrations


def test_every_schema_version_is_described():
    assert sorted(known_objects.CHANGES) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_each_description_equals_what_the_migrations_build():
    for version in range(1, migrations.SCHEMA_VERSION + 1):
        assert known_schema.described_objects(version) == known_schema.built_objects(version), (
            f"db/file/known_objects.py is out of date for version {version}: "
            "run python -m db.file.known_schema")


def test_a_version_the_description_lacks_is_built_from_the_migrations():
    beyond = migrations.SCHEMA_VERSION + 1
    assert known_schema.described_objects(beyond) is None
    assert known_schema.expected_objects(migrations.SCHEMA_VERSION) == known_schema.built_objects(
        migrations.SCHEMA_VERSION)


def test_the_module_is_the_generator_s_output_unchanged():
    assert known_schema.describe_module() == Path(known_objects.__file__).read_text(encoding="utf-8")
