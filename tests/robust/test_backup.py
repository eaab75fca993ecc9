"""Backups (online API, verified, dated, pruned), restore keeping the old file, checks."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from motcua_desktop.cli.main import run
from motcua_desktop.store import Registry
from motcua_desktop.store.backup import (
    KIND_AUTO,
    KIND_MIGRATION,
    BackupConfig,
    automatic_backup,
    backup_to,
    daily_backup,
    list_backups,
    newest_good_backup,
    restore_from,
)
from motcua_desktop.store.errors import StoreError
from motcua_desktop.store.health import check_file, quick_check
from motcua_desktop.userdata import backup_dir

from .helpers import content, corrupt


def test_backup_to_a_folder_makes_a_dated_verified_copy_while_the_file_is_open(sample_registry, tmp_path):
    out = tmp_path / "usb"
    out.mkdir()
    made = backup_to(sample_registry.path, out)
    assert made.parent == out
    assert made.name.startswith(f"sample_{datetime.now():%Y-%m-%d}_") and made.name.endswith("_thu-cong.sqlite")
    assert check_file(made) == []
    assert content(made) == content(sample_registry.path)
    assert list(out.iterdir()) == [made]  # no -wal, no temporary file left on the stick


def test_backup_never_overwrites_an_existing_file(sample_db_path, tmp_path):
    target = tmp_path / "old.sqlite"
    target.write_bytes(b"do not touch")
    with pytest.raises(StoreError, match="đã có"):
        backup_to(sample_db_path, target)
    assert target.read_bytes() == b"do not touch"


def test_a_damaged_file_is_not_backed_up(sample_db_path, tmp_path):
    corrupt(sample_db_path)
    with pytest.raises(StoreError, match="bị hỏng"):
        backup_to(sample_db_path, tmp_path)
    assert list_backups(sample_db_path, [tmp_path]) == []


def test_automatic_backups_are_pruned_to_the_configured_number(sample_db_path, tmp_path, monkeypatch):
    config = BackupConfig(folder=tmp_path / "usb", keep=3)
    config.folder.mkdir()
    manual = backup_to(sample_db_path, config.folder)
    stamps = iter(datetime(2024, 1, d, 8, 0, 0) for d in range(1, 10))
    import motcua_desktop.store.backup as backup

    monkeypatch.setattr(backup, "datetime", type("FakeNow", (datetime,), {"now": staticmethod(lambda: next(stamps))}))
    for _ in range(5):
        automatic_backup(sample_db_path, config)
    autos = [b for b in list_backups(sample_db_path, [config.folder]) if b.kind == KIND_AUTO]
    assert [b.made_at.day for b in autos] == [5, 4, 3]
    assert manual.exists()  # manual backups are never pruned


def test_daily_backup_runs_once_a_day_into_the_default_folder(sample_db_path):
    first = daily_backup(sample_db_path, BackupConfig())
    assert first is not None and first.parent == backup_dir()
    assert daily_backup(sample_db_path, BackupConfig()) is None
    assert daily_backup(sample_db_path, BackupConfig(), today=date(2099, 1, 1)) is not None


def test_an_unplugged_usb_folder_falls_back_to_the_default_folder(sample_db_path, tmp_path):
    made = automatic_backup(sample_db_path, BackupConfig(folder=tmp_path / "E:" / "gone", keep=5))
    assert made.parent == backup_dir()


def test_config_is_kept_in_the_data_folder():
    BackupConfig(folder=Path("/media/usb"), keep=4).save()
    assert BackupConfig.load() == BackupConfig(folder=Path("/media/usb"), keep=4)


def test_restore_keeps_the_replaced_file_and_brings_back_the_backup(sample_registry, tmp_path):
    path = sample_registry.path
    made = backup_to(path, tmp_path)
    before = content(path)
    unit = sample_registry.units.list()[0]
    unit.name = "Tên sửa sau khi sao lưu"
    sample_registry.units.update(unit)
    after_edit = content(path)
    sample_registry.close()
    kept = restore_from(path, made)
    assert content(path) == before
    assert kept is not None and content(kept) == after_edit


def test_restore_refuses_a_damaged_backup_and_changes_nothing(sample_db_path, tmp_path):
    bad = backup_to(sample_db_path, tmp_path)
    corrupt(bad)
    before = content(sample_db_path)
    with pytest.raises(StoreError, match="không dùng được"):
        restore_from(sample_db_path, bad)
    assert content(sample_db_path) == before


def test_quick_and_full_checks_say_what_they_found(sample_db_path, tmp_path):
    assert quick_check(sample_db_path) == [] and check_file(sample_db_path) == []
    corrupt(sample_db_path)
    problems = check_file(sample_db_path)
    assert problems and "bị hỏng" in problems[0]
    not_ours = tmp_path / "ghi-chu.sqlite"
    not_ours.write_text("ghi chú", encoding="utf-8")
    assert "không phải tệp dữ liệu của chương trình" in quick_check(not_ours)[0]
    assert "Không tìm thấy" in check_file(tmp_path / "khong-co.sqlite")[0]


def test_command_line_detects_damage_and_recovers_from_a_backup(sample_db_path, tmp_path, capsys):
    # Given a backup of the sample data, then the file damaged on disk
    assert run(["backup", "--db", str(sample_db_path), "--out", str(tmp_path)]) == 0
    good = content(sample_db_path)
    [made] = list_backups(sample_db_path, [tmp_path])
    corrupt(sample_db_path)
    damaged = sample_db_path.read_bytes()
    capsys.readouterr()
    # When checked, it exits non-zero and says what it found
    assert run(["check", "--db", str(sample_db_path)]) == 1
    assert "bị hỏng" in capsys.readouterr().err
    # When restored from the backup, the data is back and the damaged file kept as it was
    assert run(["restore", "--db", str(sample_db_path), str(made.path)]) == 0
    out = capsys.readouterr().out
    assert "bản cũ giữ tại" in out
    assert content(sample_db_path) == good
    kept = Path(out.split("bản cũ giữ tại ")[1].strip())
    assert kept.read_bytes() == damaged
    assert run(["check", "--db", str(sample_db_path)]) == 0


def test_a_schema_migration_is_preceded_by_a_backup(sample_db_path, tmp_path):
    from motcua_desktop import paths

    folder = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), folder)
    (folder / "0999_extra.sql").write_text("CREATE TABLE extra (id INTEGER PRIMARY KEY);\n", encoding="utf-8")
    before = content(sample_db_path)
    reg = Registry.open(sample_db_path, migrations_folder=folder)
    reg.close()
    [made] = [b for b in list_backups(sample_db_path, [backup_dir()]) if b.kind == KIND_MIGRATION]
    assert content(made.path) == before
    assert newest_good_backup(sample_db_path, [backup_dir()]).path == made.path
