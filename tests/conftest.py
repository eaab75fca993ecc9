"""Shared fixtures: a register on tmp_path, empty or holding the sample data; Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real per-user data folder or settings."""
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite"


@pytest.fixture
def registry(db_path: Path) -> Iterator:
    from motcua_desktop.store import Registry

    reg = Registry.open(db_path)
    yield reg
    reg.close()


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample register built once; each test gets its own copy."""
    from motcua_desktop.store import Registry
    from motcua_desktop.store.sample import load_sample

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    reg = Registry.open(path)
    load_sample(reg)
    reg.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    reg.close()
    return path


@pytest.fixture
def sample_db_path(_sample_template: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "sample.sqlite"
    shutil.copyfile(_sample_template, target)
    return target


@pytest.fixture
def sample_registry(sample_db_path: Path) -> Iterator:
    from motcua_desktop.store import Registry

    reg = Registry.open(sample_db_path)
    yield reg
    reg.close()
