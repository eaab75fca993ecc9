"""Three commune registers of tỉnh Lạng Sơn, each from a different workbook, and the province's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from xlsx_files import write_xlsx

from motcua_desktop.cli.main import run

UNIT_HEADER = ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú",
               "Mã ĐVHC", "Thuộc đơn vị"]  # fmt: skip
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip
EQUIPMENT_HEADER = ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng"]

CHI_LANG = {
    "Đơn vị": [
        UNIT_HEADER,
        ["TT", "Trung tâm Phục vụ hành chính công xã Chi Lăng", "Xã", "xã", "", 120.5, 1, "", "06463", ""],
        ["D1", "Điểm tiếp nhận thôn Bắc Thủy", "Xã", "xã", "", "", 2, "", "", "TT"],
        ["D2", "Điểm tiếp nhận thôn Làng Thành", "Xã", "xã", "", "", 3, "", "", "TT"],
    ],
    "Cán bộ": [
        STAFF_HEADER,
        ["A1", "Nông Văn An", 1985, "TT", "Giám đốc", "Biên chế", "", "", "01/07/2025", "", "", ""],
        ["A2", "Hoàng Thị Bích", 1990, "TT", "", "Biên chế", "", "", "01/07/2025", "", "", ""],
        ["A3", "Lý Văn Cường", 1988, "D1", "", "Biên chế", "", "", "01/01/2026", "", "", ""],
        ["B1", "Vi Thị Dung", 1992, "TT", "", "Biệt phái", "", "", "01/07/2025", "", "", ""],
        ["B2", "Chu Văn Đức", 1979, "D2", "", "Biệt phái", "", "", "01/07/2025", "", "", ""],
        ["C1", "Hà Văn Giang", 1983, "TT", "", "Cử đến", "Công an xã Chi Lăng", "", "01/07/2025", "", "", ""],
        ["C2", "Lộc Thị Hoa", 1987, "TT", "", "Cử đến", "Bảo hiểm xã hội khu vực", "", "01/07/2025",
         "30/09/2025", "", ""],
        ["H1", "Đinh Văn Khánh", 1995, "TT", "Nhân viên bưu điện", "Hỗ trợ", "", "", "01/07/2025", "", "", ""],
    ],
    "Thiết bị": [EQUIPMENT_HEADER, ["TT", "Máy in", 2, "Tốt"], ["D1", "Máy tính", 1, "Tốt"]],
}

# phường Đông Kinh keeps the centre init made (TTPVHCC-05977) and imports only staff
DONG_KINH = {
    "Cán bộ": [
        STAFF_HEADER,
        # the same code A1 as in Chi Lăng: another person, never merged
        ["A1", "Nguyễn Văn An", 1980, "TTPVHCC-05977", "Giám đốc", "Biên chế", "", "", "01/07/2025", "", "", ""],
        ["A5", "Trần Thị Mai", 1991, "TTPVHCC-05977", "", "Biên chế", "", "", "01/07/2025", "", "", ""],
        ["T1", "Lê Văn Thuế", 1986, "TTPVHCC-05977", "", "Cử đến", "Thuế cơ sở 1", "", "01/07/2025", "", "", ""],
    ],
}

DOAN_KET = {
    "Đơn vị": [
        UNIT_HEADER,
        ["TTDK", "Trung tâm Phục vụ hành chính công xã Đoàn Kết", "xã", "Xã", "", 80, 1, "", "06001", ""],
        ["DK1", "Điểm tiếp nhận thôn Pắc Cáp", "xã", "xã", "", "", 2, "", "", "TTDK"],
    ],
    "Cán bộ": [
        STAFF_HEADER,
        ["X1", "Hoàng Văn Xuân", 1984, "TTDK", "Giám đốc", "Biên chế", "", "", "01/07/2025", "", "", ""],
        ["X2", "Vi Văn Yên", 1993, "DK1", "", "Biệt phái", "", "", "01/07/2025", "", "", ""],
        ["X3", "Lương Thị Zin", 1999, "DK1", "", "Hỗ trợ", "", "", "01/07/2025", "", "", ""],
    ],
    "Thiết bị": [EQUIPMENT_HEADER, ["TTDK", "Máy lấy số tự động", 1, "Tốt"]],
}


def cli(*argv: str) -> int:
    return run(list(argv))


def commune(tmp: Path, code: str, sheets: dict[str, list[list[object]]], *, keep_centre: bool = False) -> Path:
    """A commune register set up by ``init --office`` and filled from a workbook."""
    db = tmp / f"xa-{code}.db"
    assert cli("init", "--db", str(db), "--office", code) == 0
    if not keep_centre:  # the workbook brings the centre under its own Mã
        conn = sqlite3.connect(db)
        conn.execute("DELETE FROM units")
        conn.commit()
        conn.close()
    assert cli("import", "--db", str(db), str(write_xlsx(tmp / f"xa-{code}.xlsx", sheets))) == 0
    return db


def three_communes(tmp: Path) -> dict[str, Path]:
    return {"06463": commune(tmp, "06463", CHI_LANG), "05977": commune(tmp, "05977", DONG_KINH, keep_centre=True),
            "06001": commune(tmp, "06001", DOAN_KET)}


def province(tmp: Path, code: str = "20") -> Path:
    db = tmp / f"tinh-{code}.db"
    assert cli("init", "--db", str(db), "--office", code) == 0
    return db


def dump(db: Path) -> list[tuple[object, ...]]:
    """Every row of the data tables and the receipts (the register as a user could tell it)."""
    conn = sqlite3.connect(db)
    try:
        out: list[tuple[object, ...]] = []
        for table in ("units", "people", "assignments", "equipment", "equipment_types", "equipment_norms",
                      "received_packages"):
            out += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
        return out
    finally:
        conn.close()
