"""The one module that owns connections: pragmas, migrations, transactions, error translation."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from .connection import Database
from .errors import NewerDatabaseError, StoreError, friendly
from .health import read_only_uri
from .location import classify

if TYPE_CHECKING:
    from sqlite_utils import Database as SqliteUtilsDatabase
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "motcua"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' Migrations.migrations_table
APPLICATION_ID = 0x4D435531  # "MCU1": marks the file as ours for `file` and for us
REGISTER_ID_MAX = 2**31 - 2  # user_version is a signed 32-bit number


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
    """sqlite-utils' migrations of our files (imported here: only when one is to be applied)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for file in migration_files(folder):
        statements = _split_sql(file.read_text(encoding="utf-8"))

        def apply(db: SqliteUtilsDatabase, statements: list[str] = statements) -> None:
            for statement in statements:
                db.conn.execute(statement)

        migrations(name=file.stem)(apply)
    return migrations


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    else:
        conn = sqlite3.connect(str(path), timeout=5)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def journal_mode_for(path: Path) -> str:
    """WAL on a local disk; the rollback journal where another machine or a sync tool may
    touch the file (WAL's -shm index is only shared between programs on one machine)."""
    return "delete" if classify(path).shared else "wal"


def _set_journal(conn: sqlite3.Connection, path: Path) -> None:
    wanted = journal_mode_for(path)
    mode = conn.execute(f"PRAGMA journal_mode = {wanted.upper()}").fetchone()[0]
    if str(mode).lower() != wanted:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
        # the register's identity, in the file's header: backups are matched by it, and it
        # can be read from the first bytes even when the rest of the file is damaged
        conn.execute(f"PRAGMA user_version = {secrets.randbelow(REGISTER_ID_MAX) + 1}")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the file, in the order applied (read as sqlite-utils
    records them, without importing it)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          [MIGRATIONS_TABLE]).fetchone()
    if not exists:
        return []
    rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                        [MIGRATION_SET])
    return [r[0] for r in rows]


def schema_state(db: Database, known: list[str]) -> tuple[list[str], list[str]]:
    """(pending migration names, applied names this app does not know); ``known``: the names
    of this app's migrations, in order."""
    applied = applied_migrations(db.conn)
    unknown = [name for name in applied if name not in set(known)]
    pending = [name for name in known if name not in set(applied)]
    return pending, unknown


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables in a file none of our migrations has touched (empty for a new file)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%' AND name != ? ORDER BY name",
        [MIGRATIONS_TABLE],
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
        db = Database(conn)
        known = [file.stem for file in migration_files(migrations_folder)]
        # Read the schema state before any pragma that writes: switching to WAL rewrites
        # the header of a file we must leave byte for byte as it was.
        pending, unknown = schema_state(db, known)
        if unknown:
            conn.close()
            raise NewerDatabaseError(
                f"Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của chương trình "
                f"(có cập nhật {', '.join(unknown)}). Hãy cài phiên bản mới hơn; "
                "tệp không bị thay đổi."
            )
        if len(pending) == len(known):
            foreign = _foreign_tables(conn)
            if foreign:  # another program's SQLite file: migrating it would damage it
                conn.close()
                raise StoreError(
                    f"Tệp {path} là tệp SQLite của chương trình khác (có bảng "
                    f"{', '.join(foreign[:3])}), không phải tệp dữ liệu của Một Cửa Desktop; "
                    "tệp không bị thay đổi."
                )
        if not read_only:
            _set_journal(conn, path)
        if pending and migrate:
            if read_only:
                conn.close()
                raise StoreError(
                    f"Tệp dữ liệu {path} cần được cập nhật nhưng đang mở ở chế độ chỉ đọc."
                )
            if before_migrate is not None and len(pending) < len(known):
                before_migrate(path, conn)
            try:
                with db.atomic():  # all pending steps or none: a failure leaves the file as it was
                    build_migrations(migrations_folder).apply(db.full())
            except sqlite3.Error as exc:
                conn.close()
                raise StoreError(
                    f"Không cập nhật được cấu trúc tệp dữ liệu {path} ({exc}). "
                    "Tệp dữ liệu vẫn nguyên như trước; hãy báo cho người hỗ trợ kỹ thuật."
                ) from exc
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        return db
    except sqlite3.Error as exc:
        raise friendly(exc, str(path)) from exc


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action, all or nothing; SQLite errors come out as :class:`StoreError`."""
    try:
        with db.atomic():
            yield db
    except sqlite3.Error as exc:
        raise friendly(exc) from exc


@contextmanager
def write_transaction(db: Database, *, commit: bool = True) -> Iterator[Database]:
    """``BEGIN IMMEDIATE``: the data read inside is the data the write is based on, since no
    other connection can write until this one ends (another writer waits ``busy_timeout``,
    then gets a message saying the file is busy). ``commit=False`` rolls back at the end:
    a dry run that shows what a change would do."""
    conn = db.conn
    if conn.in_transaction:  # inside a larger action: that action's transaction holds
        if not commit:
            raise StoreError("Không chạy thử được bên trong một thay đổi khác.")
        with transaction(db):
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError(
                "Tệp dữ liệu đang được ghi bởi một cửa sổ hoặc một lệnh khác (có thể là một lần "
                "nhập khác) và chưa xong sau khi đã chờ. Chưa có gì thay đổi; hãy thử lại khi việc "
                "đó xong."
            ) from exc
        raise friendly(exc) from exc
    except sqlite3.Error as exc:
        raise friendly(exc) from exc
    try:
        yield db
    except sqlite3.Error as exc:  # a full disk, a damaged file: the user's environment
        conn.rollback()
        raise friendly(exc) from exc
    except BaseException:
        conn.rollback()
        raise
    try:
        if commit:
            conn.commit()
        else:
            conn.rollback()
    except sqlite3.Error as exc:
        conn.rollback()
        raise friendly(exc) from exc
