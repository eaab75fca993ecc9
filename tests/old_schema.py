"""A register as an older app left it: the schema up to a given migration, holding the rows of
a current file (the columns the old schema had), so an upgrade can be tested on real data."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from motcua_desktop.store.database import build_migrations, migration_files

TABLES = ("unit_levels", "unit_kinds", "units", "people", "assignments", "equipment_types",
          "equipment_norms", "equipment", "settings", "reports")  # fmt: skip


def old_copy(source: Path, target: Path, last: str) -> dict[str, int]:
    """Copy ``source`` into a new ``target`` whose schema stops after migration ``last``;
    value-list rows the old schema did not know are left out. Returns rows per table."""
    names = [f.stem for f in migration_files()]
    db = Database(target)
    db.conn.execute("PRAGMA foreign_keys = ON")
    build_migrations().apply(db, stop_before=names[names.index(last) + 1:])
    src = Database(source)
    counts: dict[str, int] = {}
    with db.conn:
        known = {t: {r[0] for r in db.conn.execute(f"SELECT code FROM {t}")} for t in ("unit_levels", "unit_kinds")}
        for table in TABLES:
            if not db[table].exists():
                continue
            cols = [c.name for c in db[table].columns]
            rows = src.conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            if table in known:
                rows = [r for r in rows if r[0] not in known[table]]
            db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
            counts[table] = db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    db.close()
    src.close()
    return counts
