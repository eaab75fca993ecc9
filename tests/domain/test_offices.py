"""The official unit list, office set-up, staff groups per template column, tree grouping."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desktop.domain import admin_units
from motcua_desktop.domain.counting import StaffCount, UnitCount, count_staff
from motcua_desktop.domain.grouping import group_by_root, roman, tree_order
from motcua_desktop.domain.model import Assignment, EmploymentKind, Unit
from motcua_desktop.domain.office import UnknownOfficeCode, office_setup
from motcua_desktop.domain.templates import choose_template, register_level
from motcua_desktop.store.templates import builtin_templates


def test_the_shipped_list_has_34_provinces_and_3321_commune_level_units():
    assert len(admin_units.provinces()) == 34
    communes = admin_units.all_communes()
    assert len(communes) == 3321
    assert {u.kind for u in communes} == {"xa", "phuong", "dac_khu"}
    assert admin_units.find("20").name == "Lạng Sơn" and admin_units.find("20").kind == "tinh"
    chi_lang = admin_units.find("06463")
    assert chi_lang == admin_units.find("6463")
    assert (chi_lang.full_name, chi_lang.province_code) == ("xã Chi Lăng", "20")
    assert admin_units.find("01").full_name == "thành phố Hà Nội"
    assert len(admin_units.communes("20")) == 65
    assert admin_units.find("999") is None and admin_units.find("") is None


def test_commune_office_identity_follows_nd30():
    setup = office_setup("06463")
    s = setup.settings
    assert s.issuing_body == ("ỦY BAN NHÂN DÂN", "XÃ CHI LĂNG")
    assert (s.issuing_body_short, s.place_name, s.province_name) == ("UBND xã Chi Lăng", "Chi Lăng", "Lạng Sơn")
    assert s.recipients == ("Văn phòng UBND tỉnh Lạng Sơn",) and s.signer_name == ""
    assert [u.name for u in setup.units] == ["Trung tâm Phục vụ hành chính công xã Chi Lăng"]
    with pytest.raises(UnknownOfficeCode, match="không có trong danh mục"):
        office_setup("12345")


def test_roman_numerals_go_past_ten():
    assert [roman(n) for n in (1, 4, 9, 10, 11, 14, 40, 65, 66)] == [
        "I", "IV", "IX", "X", "XI", "XIV", "XL", "LXV", "LXVI"]


def test_the_two_default_appendices_count_the_groups_design_md_gives_in_its_order():
    by_key = {t.key: t for t in builtin_templates()}
    district = [(c.label, set(c.groups)) for c in by_key["huyen-2018"].appendix.columns]
    assert district == [
        ("Tổng số", {"bien_che", "biet_phai", "cu_den"}),
        ("Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa", {"bien_che", "biet_phai"}),
        ("Công chức, viên chức do các cơ quan chuyên môn được cử đến", {"cu_den"}),
    ]
    for key in ("xa-2025", "tinh-2025"):
        assert [(c.label, set(c.groups)) for c in by_key[key].appendix.columns] == [
            ("Tổng số", {"bien_che", "biet_phai", "cu_den"}),
            ("Công chức, viên chức của Trung tâm", {"bien_che"}),
            ("Từ các phòng chuyên môn", {"biet_phai"}),
            ("Do cơ quan ngành dọc cử đến", {"cu_den"}),
            ("Nhân viên hỗ trợ", {"ho_tro"}),
        ]
    assert "61/2018" in " ".join(by_key["huyen-2018"].citations)
    assert "118/2025" in by_key["xa-2025"].body and "61/2018" not in by_key["xa-2025"].body


def test_the_template_follows_the_register_level_and_the_era():
    ts = builtin_templates()
    assert choose_template(ts, "huyen", date(2024, 4, 19)).key == "huyen-2018"
    assert choose_template(ts, "xa", date(2026, 1, 1)).key == "xa-2025"
    assert choose_template(ts, "tinh", date(2026, 1, 1)).key == "tinh-2025"
    assert register_level("20", [], ["tinh", "huyen", "xa"]) == "tinh"
    assert register_level("06463", [], ["tinh", "huyen", "xa"]) == "xa"
    assert register_level("", ["xa", "huyen"], ["tinh", "huyen", "xa"]) == "huyen"


def test_ho_tro_is_counted_apart_from_the_total():
    day = date(2025, 8, 1)
    rows = [Assignment(None, 1, k) for k in EmploymentKind]
    c = count_staff(rows, day)[1]
    assert (c.total, c.own, c.sent, c.support) == (3, 2, 1, 1)
    assert c.of(["bien_che"]) == 1 and c.of(["ho_tro"]) == 1


def test_units_group_by_their_root_with_children_after_their_parent():
    centre_a = Unit("A", "Trung tâm xã A", id=1, sort_order=1)
    centre_b = Unit("B", "Trung tâm xã B", id=2, sort_order=2)
    point = Unit("A1", "Điểm tiếp nhận của A", id=3, sort_order=3, parent_id=1)
    rows = [UnitCount(u, StaffCount(n, n, 0, {"bien_che": n})) for u, n in ((centre_a, 2), (centre_b, 5), (point, 1))]
    assert [t.row.unit.code for t in tree_order(rows)] == ["A", "A1", "B"]
    groups = group_by_root(rows)
    assert [(g.root.code, g.subtotal.total) for g in groups] == [("A", 3), ("B", 5)]
    loop = [UnitCount(Unit("X", "x", id=9, parent_id=9), StaffCount())]
    assert [t.row.unit.code for t in tree_order(loop)] == ["X"]  # a unit under itself is a root
