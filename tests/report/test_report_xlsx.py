"""The staff appendix workbook (`motcua report --format xlsx`) against the seed's table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from report_seed import SEED_ROWS, SEED_TOTALS, run_cli


def _table(path: Path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    return ws, values


def test_init_demo_then_xlsx_report_gives_the_seeds_three_numbers_for_all_21_units(tmp_path, capsys):
    # Given a fresh demo register
    db, out = tmp_path / "demo.sqlite", tmp_path / "x.xlsx"
    assert run_cli("init", "--db", str(db), "--demo") == 0
    # When the appendix workbook is written as of the seed's date
    assert run_cli("report", "--db", str(db), "--as-of", "2024-04-19", "--format", "xlsx", "--out", str(out)) == 0
    ws, values = _table(out)
    # Then it has the seed's title lines, merged header, section and group rows
    assert values[0][0] == "PHỤ LỤC"
    assert values[1][0] == "Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp"
    assert values[2][0].startswith("(Kèm theo Báo cáo số")
    assert values[2][0].endswith("ngày 19 tháng 4 năm 2024 của UBND huyện Chi Lăng)")
    assert values[4][:3] == ["STT", "Bộ phận Một cửa", "Số lượng công chức, viên chức làm việc tại BPMC"]
    assert values[5][2:5] == [
        "Tổng số",
        "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa",
        "Công chức, viên chức do các cơ quan chuyên môn được cử đến",
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A6", "B5:B6", "C5:E5", "F5:F6", "A7:F7"} <= merged
    assert values[6][0] == "CẤP HUYỆN, CẤP XÃ"
    assert values[7][:2] == ["I", "Huyện Chi Lăng"]
    # and one row per unit in the seed's order with exactly the seed's numbers
    units = values[8:29]
    assert [(r[0], r[1], r[2], r[3] or 0, r[4] or 0) for r in units] == SEED_ROWS
    # and the right totals, as numbers Excel can sum
    assert values[29][1] == "Tổng cộng"
    assert tuple(values[29][2:5]) == SEED_TOTALS == (119, 112, 7)
    assert ws.cell(row=30, column=3).data_type == "n"
    assert "Đã ghi" in capsys.readouterr().out


def test_xlsx_counts_follow_the_as_of_date(tmp_path):
    # Given the demo register, which holds a district officer sent by the police until 31/3/2024
    db, out = tmp_path / "demo.sqlite", tmp_path / "earlier.xlsx"
    run_cli("init", "--db", str(db), "--demo")
    # When the appendix is taken as of 31/3/2024 (the officer's last day)
    assert run_cli("report", "--db", str(db), "--as-of", "31/03/2024", "--out", str(out)) == 0
    _, values = _table(out)
    # Then the district row counts that officer as sent staff, unlike on 19/4/2024
    assert values[8][1] == "Bộ phận Một cửa huyện Chi Lăng"
    assert values[8][4] == 4


def test_xlsx_is_printable_on_a4_with_the_header_repeated(sample_registry, tmp_path):
    from motcua_desktop.report.service import choose_report, content_for
    from motcua_desktop.report.xlsx import render_xlsx

    content = content_for(sample_registry, choose_report(sample_registry))
    out = render_xlsx(content, tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.print_title_rows == "$5:$6"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws["B9"].font.name == "Times New Roman"
    assert ws["A5"].font.bold


def test_unknown_extension_is_refused_in_vietnamese_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    run_cli("init", "--db", str(db), "--demo")
    assert run_cli("report", "--db", str(db), "--out", str(tmp_path / "x.txt")) == 2
    err = capsys.readouterr().err
    assert "không biết định dạng '.txt'" in err and "Traceback" not in err
    assert not (tmp_path / "x.txt").exists()


def test_unknown_saved_report_number_exits_2(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    run_cli("init", "--db", str(db), "--demo")
    assert run_cli("report", "--db", str(db), "--report", "99", "--out", str(tmp_path / "x.xlsx")) == 2
    assert "Không có báo cáo đã lưu số 99" in capsys.readouterr().err
