"""The one module that owns connections: pragmas, migrations, transactions, error translation."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .. import paths
from .errors import NewerDatabaseError, StoreError, classify

MIGRATION_SET = "motcua"
APPLICATION_ID = 0x4D435531  # "MCU1": marks the file as ours for `file` and for us


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, so it runs inside one transaction
    (``executescript`` would commit first)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise StoreError(f"Câu lệnh SQL chưa kết thúc trong tệp cập nhật: {buffer[:80]}")
    return statements


def migration_files(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.migrations_dir()
    return sorted(folder.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def build_migrations(folder: Path | None = None) -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for file in migration_files(folder):
        statements = _split_sql(file.read_text(encoding="utf-8"))

        def apply(db: Database, statements: list[str] = statements) -> None:
            for statement in statements:
                db.conn.execute(statement)

        migrations(name=file.stem)(apply)
    return migrations


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        if not os.access(path.parent, os.W_OK):  # no -shm can be made beside it: nobody writes there
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, timeout=5)
    else:
        conn = sqlite3.connect(str(path), timeout=5)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def schema_state(db: Database, migrations: Migrations) -> tuple[list[str], list[str]]:
    """(pending migration names, applied names this app does not know)."""
    known = {m.name for m in migrations._migrations}
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    pending = [m.name for m in migrations.pending(db)]
    return pending, unknown


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables in a file none of our migrations has touched (empty for a new file)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%' AND name != ? ORDER BY name",
        [Migrations.migrations_table],
    )
    return [r[0] for r in rows]


def open_database(
    path: str | Path,
    *,
    read_only: bool = False,
    migrate: bool = True,
    before_migrate: Callable[[Path, sqlite3.Connection], None] | None = None,
    migrations_folder: Path | None = None,
) -> Database:
    """Open (creating if needed) a register file with foreign keys on and WAL, schema up to date.

    A file whose schema is newer than this app is refused with :class:`NewerDatabaseError`
    and not changed. ``before_migrate`` runs before pending migrations are applied to a file
    that already holds data (the backup module passes a function that copies it).
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"Không tìm thấy tệp dữ liệu {path}.")
    try:
        conn = _connect(path, read_only)
        db = Database(conn, execute_plugins=False)
        migrations = build_migrations(migrations_folder)
        # Read the schema state before any pragma that writes: switching to WAL rewrites
        # the header of a file we must leave byte for byte as it was.
        pending, unknown = schema_state(db, migrations)
        if unknown:
            conn.close()
            raise NewerDatabaseError(
                f"Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của chương trình "
                f"(có cập nhật {', '.join(unknown)}). Hãy cài phiên bản mới hơn; "
                "tệp không bị thay đổi."
            )
        if len(pending) == len(migrations._migrations):
            foreign = _foreign_tables(conn)
            if foreign:  # another program's SQLite file: migrating it would damage it
                conn.close()
                raise StoreError(
                    f"Tệp {path} là tệp SQLite của chương trình khác (có bảng "
                    f"{', '.join(foreign[:3])}), không phải tệp dữ liệu của Một Cửa Desktop; "
                    "tệp không bị thay đổi."
                )
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
        if pending and migrate:
            if read_only:
                conn.close()
                raise StoreError(
                    f"Tệp dữ liệu {path} cần được cập nhật nhưng đang mở ở chế độ chỉ đọc."
                )
            if before_migrate is not None and len(pending) < len(migrations._migrations):
                before_migrate(path, conn)
            try:
                with db.atomic():  # all pending steps or none: a failure leaves the file as it was
                    migrations.apply(db)
            except sqlite3.Error as exc:
                conn.close()
                problem = classify(exc, doing=f"Không cập nhật được cấu trúc tệp dữ liệu {path}")
                raise type(problem)(f"{problem} Tệp dữ liệu vẫn nguyên như trước.") from exc
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return db
    except sqlite3.Error as exc:
        raise classify(exc, str(path)) from exc


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action, all or nothing. SQLite errors come out sorted by :func:`classify`:
    the user's environment as a :class:`StoreError`, the program's mistakes as a ``StoreBug``."""
    try:
        with db.atomic():
            yield db
    except sqlite3.Error as exc:
        raise classify(exc) from exc
