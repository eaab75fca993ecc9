"""The equipment catalogue with its per-level norms, and the equipment rows of each unit."""

from __future__ import annotations

from ..domain.model import EquipmentItem, EquipmentType
from ..domain.text import clean_line
from ..domain.validation import clean_equipment_item, clean_equipment_type
from .connection import Database
from .database import transaction
from .errors import IntegrityRefused, NotFoundError
from .rows import item_from_row, item_to_row
from .schema import ITEM_COLUMNS
from .writes import insert_row, update_row, upsert_row


def type_key(name: str) -> str:
    """Catalogue names match ignoring case (and the encoding of accents)."""
    return clean_line(name).casefold()


class EquipmentRepository:
    def __init__(self, db: Database):
        self.db = db

    # catalogue ------------------------------------------------------------------------
    def types(self) -> list[EquipmentType]:
        norms: dict[int, dict[str, int]] = {}
        for type_id, level, qty in self.db.conn.execute(
            "SELECT type_id, level, quantity FROM equipment_norms"
        ):
            norms.setdefault(type_id, {})[level] = qty
        rows = self.db.conn.execute(
            "SELECT id, name, sort_order FROM equipment_types ORDER BY sort_order, id"
        )
        return [EquipmentType(name, norms.get(i, {}), order, i) for i, name, order in rows]

    def type(self, type_id: int) -> EquipmentType:
        for t in self.types():
            if t.id == type_id:
                return t
        raise NotFoundError(f"Không tìm thấy loại thiết bị số {type_id}.")

    def type_by_name(self, name: str) -> EquipmentType | None:
        row = self.db.conn.execute(
            "SELECT id FROM equipment_types WHERE name_key = ?", [type_key(name)]
        ).fetchone()
        return self.type(row[0]) if row else None

    def _save_norms(self, kind: EquipmentType) -> None:
        # Only what differs is written, so the change history shows the norms really edited.
        levels = list(kind.norms)
        self.db.conn.execute(
            f"DELETE FROM equipment_norms WHERE type_id = ? AND level NOT IN ({', '.join('?' * len(levels))})",
            [kind.id, *levels],
        )
        for level, qty in kind.norms.items():
            upsert_row(self.db.conn, "equipment_norms", {"type_id": kind.id, "level": level, "quantity": qty},
                       ["type_id", "level"])

    @staticmethod
    def _row(kind: EquipmentType) -> dict[str, object]:
        return {"name": kind.name, "name_key": type_key(kind.name), "sort_order": kind.sort_order}

    def _check_name_free(self, kind: EquipmentType) -> None:
        other = self.type_by_name(kind.name)
        if other is not None and other.id != kind.id:
            raise IntegrityRefused(f"Loại thiết bị '{kind.name}' đã có trong danh mục.")

    def add_type(self, kind: EquipmentType) -> EquipmentType:
        kind = clean_equipment_type(kind)
        with transaction(self.db):
            self._check_name_free(kind)
            if not kind.sort_order:
                last = self.db.conn.execute(
                    "SELECT COALESCE(MAX(sort_order), 0) FROM equipment_types"
                ).fetchone()[0]
                kind.sort_order = last + 1
            kind.id = insert_row(self.db.conn, "equipment_types", {"id": kind.id, **self._row(kind)})
            self._save_norms(kind)
        return kind

    def update_type(self, kind: EquipmentType) -> EquipmentType:
        kind = clean_equipment_type(kind)
        with transaction(self.db):
            self.type(kind.id or -1)
            self._check_name_free(kind)
            update_row(self.db.conn, "equipment_types", kind.id, self._row(kind))
            self._save_norms(kind)
        return kind

    def delete_type(self, type_id: int) -> EquipmentType:
        with transaction(self.db):
            kind = self.type(type_id)
            used = self.db.conn.execute(
                "SELECT COUNT(*) FROM equipment WHERE type_id = ?", [type_id]
            ).fetchone()[0]
            if used:
                raise IntegrityRefused(
                    f"Không xóa được loại '{kind.name}': còn {used} dòng thiết bị thuộc loại này."
                )
            self.db.conn.execute("DELETE FROM equipment_types WHERE id = ?", [type_id])
        return kind

    # items ----------------------------------------------------------------------------
    def items(self, unit_id: int | None = None) -> list[EquipmentItem]:
        sql = f"SELECT {', '.join(ITEM_COLUMNS)} FROM equipment"
        params: list[object] = []
        if unit_id is not None:
            sql += " WHERE unit_id = ?"
            params.append(unit_id)
        return [item_from_row(r) for r in self.db.query(sql + " ORDER BY unit_id, type_id, id", params)]

    def item(self, item_id: int) -> EquipmentItem:
        rows = list(
            self.db.query(f"SELECT {', '.join(ITEM_COLUMNS)} FROM equipment WHERE id = ?", [item_id])
        )
        if not rows:
            raise NotFoundError(f"Không tìm thấy dòng thiết bị số {item_id}.")
        return item_from_row(rows[0])

    def add_item(self, item: EquipmentItem) -> EquipmentItem:
        item = clean_equipment_item(item)
        with transaction(self.db):
            self.type(item.type_id or -1)
            row = item_to_row(item)
            if item.id is not None:
                row["id"] = item.id
            item.id = insert_row(self.db.conn, "equipment", row)
        return item

    def update_item(self, item: EquipmentItem) -> EquipmentItem:
        item = clean_equipment_item(item)
        with transaction(self.db):
            self.item(item.id or -1)
            row = item_to_row(item)
            update_row(self.db.conn, "equipment", item.id, row)
        return item

    def delete_item(self, item_id: int) -> EquipmentItem:
        with transaction(self.db):
            item = self.item(item_id)
            self.db.conn.execute("DELETE FROM equipment WHERE id = ?", [item_id])
        return item
