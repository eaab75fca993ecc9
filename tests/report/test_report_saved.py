"""Saved reports: stored, listed, copied for a new period; the sample holds the seed's report."""

from __future__ import annotations

import dataclasses
from datetime import date

import pdfplumber
import pytest
from report_seed import run_cli

from motcua_desktop.domain.validation import ValidationError
from motcua_desktop.report.service import choose_report, content_for, new_report
from motcua_desktop.store.reports import SavedReport, default_report


def test_sample_register_holds_the_seeds_report_unnumbered_dated_19_4_2024(sample_registry):
    reports = sample_registry.reports.list()
    assert len(reports) == 1
    r = reports[0]
    assert r.report_date == date(2024, 4, 19) and r.number == ""
    assert r.template == "huyen-2018"
    assert r.noi_nhan[-1] == "Lưu: VT, VP (HVT)"
    assert "1694/VP-TTPVHCC" in r.body and "138/KH-UBND" in r.body
    # place, recipients and signer follow the organisation (the sample's is the seed's)
    content = content_for(sample_registry, r)
    assert content.title == "Tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện Chi Lăng"
    assert content.kinh_gui.items == ("Văn phòng UBND tỉnh Lạng Sơn.",)
    s = content.signature
    assert (s.authority, s.title, s.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hùng Mạnh")
    assert content.missing == ()


def test_save_update_and_delete_round_trip(registry):
    report = default_report(registry.settings.get(), date(2025, 1, 5), registry.template_for("", date(2025, 1, 5)))
    saved = registry.reports.save(dataclasses.replace(report, number="7", title="  Báo  cáo thử  "))
    assert saved.id is not None and saved.title == "Báo cáo thử" and saved.number == "7"
    saved.body += "\n\nĐoạn thêm."
    updated = registry.reports.save(saved)
    assert registry.reports.get(saved.id).body.endswith("Đoạn thêm.") and updated.id == saved.id
    registry.reports.delete(saved.id)
    assert registry.reports.list() == []


def test_a_report_without_title_is_refused_naming_the_field_and_nothing_is_stored(registry):
    with pytest.raises(ValidationError, match="Trích yếu: không được để trống"):
        registry.reports.save(SavedReport(report_date=date(2024, 1, 1), title="  "))
    assert registry.reports.list() == []


def test_decomposed_unicode_is_stored_composed(registry):
    import unicodedata

    title = unicodedata.normalize("NFD", "Tình hình Bộ phận Một cửa")
    saved = registry.reports.save(SavedReport(report_date=date(2024, 1, 1), title=title))
    assert saved.title == unicodedata.normalize("NFC", title)


def test_new_report_starts_from_the_last_one_with_the_date_moved_on(sample_registry):
    last = sample_registry.reports.latest()
    draft = new_report(sample_registry, date(2024, 10, 15))
    assert draft.id is None and draft.number == "" and draft.report_date == date(2024, 10, 15)
    assert draft.body == last.body and draft.title == last.title and draft.as_of is None
    assert draft.figures_date == date(2024, 10, 15)


def test_new_report_on_an_empty_register_uses_the_default_template(registry):
    draft = new_report(registry, date(2025, 3, 1))
    assert draft.body.startswith("Thực hiện Công văn số …")
    assert "{thiet_bi_con_thieu}" in draft.body


def test_report_command_prints_the_latest_saved_report_by_default(sample_db_path, tmp_path):
    from motcua_desktop.store import Registry

    reg = Registry.open(sample_db_path)
    later = dataclasses.replace(reg.reports.latest(), id=None, report_date=date(2024, 10, 1), number="45",
                                title="Báo cáo quý III")
    reg.reports.save(later)
    reg.close()
    out = tmp_path / "bc.pdf"
    assert run_cli("report", "--db", str(sample_db_path), "--out", str(out)) == 0
    with pdfplumber.open(out) as doc:
        text = doc.pages[0].extract_text()
    assert "Số: 45/BC-UBND" in text and "ngày 01 tháng 10 năm 2024" in text and "Báo cáo quý III" in text
    # and --report chooses another saved one
    assert run_cli("report", "--db", str(sample_db_path), "--report", "1", "--out", str(out)) == 0
    with pdfplumber.open(out) as doc:
        assert "ngày 19 tháng 4 năm 2024" in doc.pages[0].extract_text()


def test_report_command_on_a_register_without_saved_reports_prints_a_new_one(tmp_path):
    from motcua_desktop.domain.model import Unit
    from motcua_desktop.store import Registry

    db = tmp_path / "empty.sqlite"
    reg = Registry.open(db)
    reg.units.add(Unit("H", "Bộ phận Một cửa huyện Thử", level="huyen", kind="huyen"))
    reg.close()
    out = tmp_path / "moi.pdf"
    assert run_cli("report", "--db", str(db), "--out", str(out)) == 0
    with pdfplumber.open(out) as doc:
        text = " ".join(" ".join(p.extract_text() for p in doc.pages).split())
    assert "Thực hiện Công văn số ……" in text
    # a figure the register does not have is shown, not dropped
    assert "[chưa có: diện tích trụ sở]" in text and "[chưa có: địa chỉ trụ sở]" in text
    assert "dien_tich_huyen" not in text and "[chưa có: người ký]" in text


def test_choose_report_prefers_the_latest_date(sample_registry):
    newer = dataclasses.replace(sample_registry.reports.latest(), id=None, report_date=date(2025, 1, 2))
    sample_registry.reports.save(newer)
    assert choose_report(sample_registry).report_date == date(2025, 1, 2)
