"""Offices after the 2025 reform from the command line (DESIGN.md "Offices, eras and
templates"): a blank register carries nothing of the seed; ``init --office`` sets a commune or
a province up from the official unit list; a commune workbook with điểm tiếp nhận and all four
staff groups is counted column by column; the seed's sample still gives its 21 rows."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from xlsx_files import write_xlsx

from motcua_desktop.cli.main import run
from motcua_desktop.report.service import choose_report, content_for
from motcua_desktop.store.registry import Registry

SEED_WORDS = ("Chi Lăng", "CHI LĂNG", "Lạng Sơn", "Nguyễn Hùng Mạnh", "138/KH-UBND", "1694", "HVT",
              "Đồng Mỏ", "225,78")  # fmt: skip


def _text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages)


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_register_made_without_demo_reports_nothing_of_the_seed_and_no_field_code(tmp_path, capsys):
    db, out = tmp_path / "e.db", tmp_path / "e.pdf"
    assert _cli(capsys, "init", "--db", str(db))[0] == 0
    assert _cli(capsys, "report", "--db", str(db), "--out", str(out))[0] == 0
    text = _text(out)
    for word in SEED_WORDS:
        assert word not in text, word
    assert not re.search(r"\{[a-z_]+\}|\[chưa có: [a-z0-9]+_[a-z0-9_]+\]", text)  # no field code
    assert "[chưa có: người ký]" in text and "[chưa có: cơ quan ban hành]" in text


def test_init_office_commune_gives_ubnd_xa_chi_lang_on_the_commune_template(tmp_path, capsys):
    db, out = tmp_path / "c.db", tmp_path / "c.pdf"
    code, said, _ = _cli(capsys, "init", "--db", str(db), "--office", "6463")  # leading zero optional
    assert code == 0 and "UBND xã Chi Lăng" in said
    assert _cli(capsys, "report", "--db", str(db), "--out", str(out))[0] == 0
    lines = [" ".join(line.split()) for line in _text(out).splitlines()]
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[1].startswith("XÃ CHI LĂNG")
    assert any(re.search(r"Chi Lăng, ngày \d+ tháng \d+ năm \d{4}", line) for line in lines)
    flat = " ".join(lines)
    assert "118/2025/NĐ-CP" in flat and "367/2025/NĐ-CP" in flat and "03/2025/TT-VPCP" in flat
    assert "61/2018" not in flat and "Nguyễn Hùng Mạnh" not in flat
    assert "[chưa có: người ký]" in flat  # the signer stays blank until typed
    reg = Registry.open(db)
    try:
        (centre,) = reg.units.list()
        assert (centre.name, centre.official_code, centre.level) == (
            "Trung tâm Phục vụ hành chính công xã Chi Lăng", "06463", "xa")
        s = reg.settings.get()
        assert (s.office_code, s.province_name, s.place_name, s.signer_name) == ("06463", "Lạng Sơn", "Chi Lăng", "")
    finally:
        reg.close()


def test_init_office_province_gives_the_provincial_centre_and_65_commune_centres_in_order(tmp_path, capsys):
    db, out = tmp_path / "p.db", tmp_path / "p.pdf"
    assert _cli(capsys, "init", "--db", str(db), "--office", "20")[0] == 0
    reg = Registry.open(db)
    try:
        units = reg.units.list()
        assert len(units) == 66
        assert units[0].name == "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn" and units[0].level == "tinh"
        codes = [u.official_code for u in units[1:]]
        assert codes == sorted(codes) and all(len(c) == 5 for c in codes) and "06463" in codes
        assert {u.level for u in units[1:]} == {"xa"}
        content = content_for(reg, choose_report(reg))
    finally:
        reg.close()
    (table,) = content.appendices
    groups = [r.cells[0] for r in table.rows if r.kind == "group"]
    assert groups[:3] == ["I", "II", "III"] and groups[10] == "XI" and groups[-1] == "LXVI"  # past X
    assert content.header.issuing_body == ("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN")
    assert _cli(capsys, "report", "--db", str(db), "--out", str(out))[0] == 0


@pytest.mark.parametrize("code", ["99", "99999", "123", "abc", "064630"])
def test_an_unknown_office_code_exits_2_in_vietnamese_and_makes_no_file(tmp_path, capsys, code):
    db = tmp_path / "x.db"
    status, _, err = _cli(capsys, "init", "--db", str(db), "--office", code)
    assert status == 2 and "không có trong danh mục đơn vị hành chính" in err and "Traceback" not in err
    assert not db.exists()


UNIT_HEADER = ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú",
               "Mã ĐVHC", "Thuộc đơn vị"]  # fmt: skip
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip


def _commune_workbook(path: Path) -> Path:
    return write_xlsx(path, {
        "Đơn vị": [
            UNIT_HEADER,
            ["TT", "Trung tâm Phục vụ hành chính công xã Chi Lăng", "XÃ", "Xã", "", 120.5, 1, "", "06463", ""],
            ["D1", "Điểm tiếp nhận thôn Bắc Thủy", "xã", "xã", "", "", 2, "", "", "TT"],
            ["D2", "Điểm tiếp nhận thôn Làng Thành", "Xã", "xã", "", "", 3, "", "", "tt"],
        ],
        "Cán bộ": [
            STAFF_HEADER,
            ["A1", "Nông Văn An", 1985, "TT", "Giám đốc", "Biên chế", "", "", "01/07/2025", "", "", ""],
            ["A2", "Hoàng Thị Bích", 1990, "TT", "", "biên chế", "", "", "01/07/2025", "", "", ""],
            # a transfer: the centre until 31/12/2025, then điểm tiếp nhận D1
            ["A3", "Lý Văn Cường", 1988, "TT", "", "Biên chế", "", "", "01/07/2025", "31/12/2025", "", ""],
            ["A3", "Lý Văn Cường", 1988, "D1", "", "Biên chế", "", "", "01/01/2026", "", "", ""],
            ["B1", "Vi Thị Dung", 1992, "TT", "", "Biệt phái", "", "", "01/07/2025", "", "", ""],
            ["B2", "Chu Văn Đức", 1979, "D2", "", "Biệt phái", "", "", "01/07/2025", "", "", ""],
            ["C1", "Hà Văn Giang", 1983, "TT", "", "Cử đến", "Công an xã Chi Lăng", "", "01/07/2025", "", "", ""],
            # a leaver: gone after 30/09/2025
            ["C2", "Lộc Thị Hoa", 1987, "TT", "", "Cử đến", "Bảo hiểm xã hội khu vực", "", "01/07/2025", "30/09/2025", "", ""],
            ["H1", "Đinh Văn Khánh", 1995, "TT", "Nhân viên bưu điện", "Hỗ trợ", "", "", "01/07/2025", "", "", ""],
            # a late starter: from 01/03/2026
            ["H2", "Mã Thị Lan", 1998, "D1", "Hợp đồng hỗ trợ", "HỖ TRỢ", "", "", "01/03/2026", "", "", ""],
        ],
    })  # fmt: skip


# (unit name, Tổng số, của Trung tâm, phòng chuyên môn, ngành dọc, hỗ trợ) per date
EXPECTED = {
    "2025-08-01": [("TT", 6, 3, 1, 2, 1), ("D1", 0, 0, 0, 0, 0), ("D2", 1, 0, 1, 0, 0), ("Tổng cộng", 7, 3, 2, 2, 1)],
    "2025-12-31": [("TT", 5, 3, 1, 1, 1), ("D1", 0, 0, 0, 0, 0), ("D2", 1, 0, 1, 0, 0), ("Tổng cộng", 6, 3, 2, 1, 1)],
    "2026-01-01": [("TT", 4, 2, 1, 1, 1), ("D1", 1, 1, 0, 0, 0), ("D2", 1, 0, 1, 0, 0), ("Tổng cộng", 6, 3, 2, 1, 1)],
    "2026-03-01": [("TT", 4, 2, 1, 1, 1), ("D1", 1, 1, 0, 0, 1), ("D2", 1, 0, 1, 0, 0), ("Tổng cộng", 6, 3, 2, 1, 2)],
}  # fmt: skip


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_a_commune_workbook_imports_and_its_appendix_counts_every_column_as_of_any_date(tmp_path, capsys, day):
    db = tmp_path / "c.db"
    assert _cli(capsys, "init", "--db", str(db), "--office", "06463")[0] == 0
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM units")  # the workbook brings the centre under its own Mã
    conn.commit()
    conn.close()
    assert _cli(capsys, "import", "--db", str(db), str(_commune_workbook(tmp_path / "xa.xlsx")))[0] == 0
    reg = Registry.open(db)
    try:
        units = {u.code: u for u in reg.units.list()}
        assert units["D1"].parent_id == units["TT"].id and units["D2"].parent_id == units["TT"].id
        assert units["TT"].official_code == "06463"
        content = content_for(reg, choose_report(reg), date.fromisoformat(day))
    finally:
        reg.close()
    (table,) = content.appendices
    assert table.header[1][2:7] == ("Tổng số", "Công chức, viên chức của Trung tâm", "Từ các phòng chuyên môn",
                                    "Do cơ quan ngành dọc cử đến", "Nhân viên hỗ trợ")  # fmt: skip
    names = {"TT": "Trung tâm Phục vụ hành chính công xã Chi Lăng", "D1": "Điểm tiếp nhận thôn Bắc Thủy",
             "D2": "Điểm tiếp nhận thôn Làng Thành", "Tổng cộng": "Tổng cộng"}  # fmt: skip
    got = [(r.cells[1], *[c or 0 for c in r.cells[2:7]]) for r in table.rows]
    assert got == [(names[k], *figures) for k, *figures in EXPECTED[day]]
    assert [r.cells[0] for r in table.rows[:3]] == [1, "1.1", "1.2"]  # điểm tiếp nhận under the centre


def test_a_cu_den_row_without_sending_agency_is_refused_naming_the_row(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert _cli(capsys, "init", "--db", str(db), "--office", "06463")[0] == 0
    bad = write_xlsx(tmp_path / "thieu.xlsx", {"Cán bộ": [
        STAFF_HEADER, ["X1", "Hà Văn Giang", 1983, "TTPVHCC-06463", "", "Cử đến", "", "", "01/07/2025", "", "", ""]]})
    code, _, err = _cli(capsys, "import", "--db", str(db), str(bad))
    assert code == 2 and "thieu.xlsx[Cán bộ]:2: Cơ quan cử: người có hình thức Cử đến phải ghi cơ quan cử đến" in err


def test_a_report_can_switch_template_and_names_what_is_missing(tmp_path, capsys, sample_db_path):
    out = tmp_path / "mau-xa.pdf"
    code, _, err = _cli(capsys, "report", "--db", str(sample_db_path), "--out", str(out), "--template", "xa-2025")
    assert code == 0 and err.strip() == "motcua: lưu ý: báo cáo còn thiếu tên xã"  # a district has none
    text = " ".join(_text(out).split())
    assert "hỗ trợ" in text and "118/2025/NĐ-CP" in text and "HUYỆN CHI LĂNG" in text
    assert "Thực hiện Nghị định số 118/2025/NĐ-CP" in text and "Nghị định số 107/2021" not in text
    code, _, err = _cli(capsys, "report", "--db", str(sample_db_path), "--out", str(out), "--template", "khong-co")
    assert code == 2 and "--template" in err and "xa-2025" in err
    blank = tmp_path / "e.db"
    _cli(capsys, "init", "--db", str(blank))
    code, _, err = _cli(capsys, "report", "--db", str(blank), "--out", str(tmp_path / "e.pdf"))
    assert code == 0 and "lưu ý: báo cáo còn thiếu" in err and "người ký" in err


def test_a_user_saves_a_narrative_as_a_template_on_a_built_in_appendix(registry):
    t = registry.templates.save_user("Mẫu của xã tôi", "xa-2025", "Báo cáo quý", "Đoạn riêng {ten_xa}.")
    assert t.key.startswith("rieng-") and not t.builtin and t.appendix.columns[-1].label == "Nhân viên hỗ trợ"
    assert [x.name for x in registry.templates.all()][-1] == "Mẫu của xã tôi"
    again = registry.templates.save_user("Mẫu của xã tôi", "xa-2025", "Báo cáo quý", "Đoạn mới.")
    assert again.key == t.key and registry.templates.get(t.key).body == "Đoạn mới."
