"""``motcua import`` / ``motcua export``: exit status, what the officer reads on the terminal,
and a register left as it was when the file is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from xlsx_files import write_xlsx

from motcua_desktop.cli.main import run

STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_workbook_with_bad_rows_exits_2_names_every_row_and_changes_nothing(sample_db_path, tmp_path, capsys):
    bad = write_xlsx(tmp_path / "nhap_loi.xlsx", {
        "Cán bộ": [
            STAFF_HEADER,
            ["N1", "Nguyễn Văn An", 1990, "KHONG-CO", "", "Biên chế", "", "", "01/01/2024", "", "", ""],
            ["N2", "Trần Thị Bình", 1990, "H-CHILANG", "", "Hợp đồng", "", "", "01/01/2024", "", "", ""],
            ["N3", "Lê Văn Cường", 1990, "H-CHILANG", "", "Biên chế", "", "", "31/02/2024", "", "", ""],
            ["N4", "", 1990, "H-CHILANG", "", "Biên chế", "", "", "01/01/2024", "", "", ""],
            ["N5", "#REF!", 1990, "H-CHILANG", "", "Biên chế", "", "", "01/01/2024", "", "", ""],
            ["N6", "Đ" * 5000, 1990, "H-CHILANG", "", "Biên chế", "", "", "01/01/2024", "", "", ""],
            ["N7", "Phạm Thị Dung", 1990, "H-CHILANG", "", "Cử đến", "", "", "01/01/2024", "", "", ""],
        ],
        "Thiết bị": [["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"],
                     ["H-CHILANG", "Máy in", -2, "Tốt", 2020, ""]],
    })  # fmt: skip
    before = dump(sample_db_path)
    code = run(["import", "--db", str(sample_db_path), str(bad)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert dump(sample_db_path) == before
    for row, column in [(2, "Mã đơn vị"), (3, "Hình thức"), (4, "Từ ngày"), (5, "Họ và tên"),
                        (6, "Họ và tên"), (7, "Họ và tên"), (8, "Cơ quan cử")]:  # fmt: skip
        assert any(line.startswith(f"nhap_loi.xlsx[Cán bộ]:{row}: {column}: ") for line in err), (row, err)
    assert "nhap_loi.xlsx[Thiết bị]:2: Số lượng: không được âm" in err
    assert err[-1].startswith("motcua: không nhập nhap_loi.xlsx") and "chưa thay đổi" in err[-1]
    assert "Traceback" not in "\n".join(err)


def test_export_then_import_into_a_new_register(sample_db_path, tmp_path, capsys):
    out = tmp_path / "xuat.xlsx"
    assert run(["export", "--db", str(sample_db_path), "--out", str(out)]) == 0
    assert "Đã xuất" in capsys.readouterr().out
    target = tmp_path / "moi.sqlite"
    assert run(["init", "--db", str(target)]) == 0
    assert run(["import", "--db", str(target), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Đơn vị: thêm 21 đơn vị" in printed
    # the catalogue comes from its own sheet, norms and order included; a new register
    # already has the default catalogue, which is the sample's
    assert "- Danh mục thiết bị: thêm 0 loại, cập nhật 0, không đổi 8." in printed
    assert run(["import", "--db", str(target), str(out)]) == 0
    assert "dữ liệu không thay đổi" in capsys.readouterr().out


def test_importing_a_file_that_does_not_exist_exits_2(sample_db_path, tmp_path, capsys):
    assert run(["import", "--db", str(sample_db_path), str(tmp_path / "khong_co.xlsx")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err


def test_export_to_a_name_that_is_not_xlsx_is_refused(sample_db_path, tmp_path, capsys):
    assert run(["export", "--db", str(sample_db_path), "--out", str(tmp_path / "x.csv")]) == 2
    assert "đuôi .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
