"""Tracking a period in a province register: who sent, when, with what totals, who has not;
the Excel checklist."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from package_communes import CHI_LANG, DOAN_KET, cli, commune, province


def test_tracking_lists_sent_and_missing_communes_and_writes_the_checklist(tmp_path, capsys):
    chi_lang, doan_ket = commune(tmp_path, "06463", CHI_LANG), commune(tmp_path, "06001", DOAN_KET)
    db = province(tmp_path)
    packages = []
    for db_x, day in ((chi_lang, "2026-03-01"), (doan_ket, "2026-03-10"), (doan_ket, "2026-03-12")):
        out = tmp_path / f"{db_x.stem}-{day}.xlsx"
        assert cli("submit", "--db", str(db_x), "--out", str(out), "--as-of", day) == 0
        packages.append(out)
    assert cli("receive", "--db", str(db), str(packages[0]), str(packages[1])) == 0
    assert cli("receive", "--db", str(db), str(packages[2])) == 0  # a newer one from Đoàn Kết
    capsys.readouterr()
    sheet = tmp_path / "theo-doi.xlsx"
    assert cli("tracking", "--db", str(db), "--date", "2026-03-05", "--period", "thang", "--out", str(sheet)) == 0
    out = capsys.readouterr().out
    assert "Tháng 3/2026: số liệu từ 15/02/2026 đến 14/03/2026" in out
    assert "Đã gửi: 2/65" in out
    rows = [r for r in load_workbook(sheet).active.iter_rows(values_only=True)]
    by_name: dict[str, list[str]] = {}
    for r in rows[2:]:
        if r[0] is not None and isinstance(r[0], int):
            by_name.setdefault(str(r[2]), []).append(str(r[3]))
    # received today (after the 16/03 deadline of this past period): late; the older package replaced
    assert by_name["Trung tâm Phục vụ hành chính công xã Chi Lăng"] == ["trễ hạn"]
    assert by_name["Trung tâm Phục vụ hành chính công xã Đoàn Kết"] == ["trễ hạn", "đã thay thế"]
    assert by_name["Trung tâm Phục vụ hành chính công xã Quốc Khánh"] == ["chưa gửi"]
    assert rows[1][:4] == ("STT", "Mã ĐVHC", "Xã, phường, đặc khu", "Trạng thái")
    # a later month: nobody has sent yet
    assert cli("tracking", "--db", str(db), "--date", "2026-04-01", "--period", "thang") == 0
    assert "Đã gửi: 0/65" in capsys.readouterr().out


def test_tracking_a_half_year_date_outside_it_exits_2(tmp_path, capsys):
    db = province(tmp_path)
    capsys.readouterr()
    assert cli("tracking", "--db", str(db), "--date", "2026-07-01", "--period", "6thang") == 2
    assert "không thuộc kỳ báo cáo 6 tháng" in capsys.readouterr().err


def test_receive_into_a_commune_register_exits_2(tmp_path, capsys):
    chi_lang = commune(tmp_path, "06463", CHI_LANG)
    out = tmp_path / "g.xlsx"
    assert cli("submit", "--db", str(chi_lang), "--out", str(out)) == 0
    capsys.readouterr()
    assert cli("receive", "--db", str(chi_lang), str(out)) == 2
    assert "chỉ sổ của tỉnh mới nhận gói số liệu" in capsys.readouterr().err
    assert Path(out).exists()
