"""Faults from the office PC's world: each gives a clear Vietnamese message and loses nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from motcua_desktop import paths
from motcua_desktop.cli.main import run
from motcua_desktop.domain.model import Unit
from motcua_desktop.store import Registry
from motcua_desktop.store.backup import backup_to
from motcua_desktop.store.errors import StoreBug, StoreError
from motcua_desktop.store.transfer import export_workbook, import_file

from .helpers import content


@pytest.fixture
def sample_workbook(sample_registry, tmp_path):
    out = export_workbook(sample_registry, tmp_path / "mau.xlsx")
    return out


def test_disk_full_during_an_import_says_so_and_keeps_the_register(registry, sample_workbook):
    # Given a register with one unit on a disk with almost no room left
    registry.units.add(Unit(code="X1", name="Bộ phận Một cửa xã Một"))
    before = content(registry.path)
    pages = registry.db.conn.execute("PRAGMA page_count").fetchone()[0]
    registry.db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
    # When a whole register is imported
    with pytest.raises(StoreError) as info:
        import_file(registry, sample_workbook)
    # Then the user reads that the disk is full, and nothing was written
    assert "Ổ đĩa đã đầy" in str(info.value) and "nguyên vẹn" in str(info.value)
    assert content(registry.path) == before
    # And the register still works once there is room again
    registry.db.conn.execute("PRAGMA max_page_count = 1073741823")
    import_file(registry, sample_workbook)


def test_a_really_full_disk_refuses_the_import_and_the_backup_and_loses_nothing(sample_workbook, tiny_disk, tmp_path):
    path = tiny_disk / "register.sqlite"
    reg = Registry.open(path)
    reg.units.add(Unit(code="X1", name="Bộ phận Một cửa xã Một"))
    before = content(path)
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # what else filled the disk
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    with pytest.raises(StoreError, match="Ổ đĩa đã đầy"):
        for _ in range(3):  # the WAL may still have a little room for the first one
            import_file(reg, sample_workbook)
    assert content(path) == before
    with pytest.raises(StoreError, match="đã đầy"):
        backup_to(path, tiny_disk)
    assert [p.name for p in tiny_disk.iterdir() if p.name.endswith(".tmp")] == []
    reg.close()
    filler.unlink()
    assert content(path) == before


def test_a_read_only_folder_opens_read_only_and_refuses_writes_clearly(sample_db_path, read_only_folder, tmp_path, capsys):
    folder = read_only_folder(sample_db_path)
    path = folder / sample_db_path.name
    before = content(sample_db_path)
    # the read-only open works and shows the data
    reg = Registry.open(path, read_only=True)
    assert len(reg.units.list()) == 21
    with pytest.raises(StoreError, match="chỉ cho phép đọc"):
        reg.units.add(Unit(code="X1", name="Bộ phận Một cửa xã Một"))
    reg.close()
    # a backup into the read-only folder is refused with the reason
    with pytest.raises(StoreError, match="chỉ cho phép đọc"):
        backup_to(path, folder)
    assert content(path) == before
    # and the command line says so in one line, exit status 1
    assert run(["export", "--db", str(path), "--out", str(folder / "xuat.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "Traceback" not in err
    assert content(path) == before


def test_an_export_target_that_cannot_be_written_gives_a_clear_message(sample_db_path, tmp_path, capsys):
    before = content(sample_db_path)
    blocker = tmp_path / "la-tep"
    blocker.write_text("một tệp, không phải thư mục", encoding="utf-8")
    for target in (blocker / "xuat.xlsx", tmp_path):
        assert run(["export", "--db", str(sample_db_path), "--out", str(target)]) in (1, 2)
        err = capsys.readouterr().err
        assert err.startswith("motcua: ") and "Traceback" not in err and str(target.name) in err
    assert content(sample_db_path) == before


def test_a_migration_failing_half_way_is_rolled_back_and_the_file_untouched(sample_db_path, tmp_path):
    # Given the app's migrations plus two new ones, the second failing after some writes
    folder = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), folder)
    (folder / "0998_good.sql").write_text("CREATE TABLE extra (id INTEGER PRIMARY KEY);\n", encoding="utf-8")
    (folder / "0999_bad.sql").write_text(
        "ALTER TABLE units ADD COLUMN colour TEXT;\n"
        "UPDATE units SET name = 'đã đổi';\n"
        "INSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8",
    )
    before = content(sample_db_path)
    schema = sqlite3.connect(sample_db_path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    # When the app opens the file
    with pytest.raises(StoreBug) as info:  # an SQL mistake in the update: the program's, not the file's
        Registry.open(sample_db_path, migrations_folder=folder)
    # Then it says the update failed and the file is as it was: no step of it applied
    assert "Không cập nhật được cấu trúc tệp dữ liệu" in str(info.value)
    assert "vẫn nguyên như trước" in str(info.value)
    assert content(sample_db_path) == before
    conn = sqlite3.connect(sample_db_path)
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert conn.execute("SELECT COUNT(*) FROM _sqlite_migrations WHERE name LIKE '099%'").fetchone()[0] == 0
    conn.close()
    # And the app opens it normally with its own migrations
    Registry.open(sample_db_path).close()
