"""Named fields in the report text: one list, live values, missing values shown."""

from __future__ import annotations

import re
from datetime import date

from motcua_desktop.report.content import build_content, classify, number_text
from motcua_desktop.report.data import gather
from motcua_desktop.report.fields import FIELD_NAMES, FIELDS, field_values, fill, missing_marker
from motcua_desktop.report.kinds import BlockKind
from motcua_desktop.store.reports import default_report
from motcua_desktop.store.templates import builtin_templates


def test_every_field_of_every_template_is_in_the_editors_list():
    for t in builtin_templates():
        used = set(re.findall(r"\{([a-z0-9_]+)\}", t.title + t.full_body))
        assert used <= FIELD_NAMES, (t.key, used - FIELD_NAMES)
    assert len({f.name for f in FIELDS}) == len(FIELDS)


def test_sample_values_as_of_the_seed_date(sample_registry):
    values = field_values(gather(sample_registry, date(2024, 4, 19)))
    assert values["dien_tich_huyen"] == "225,78 m²"
    assert values["dia_chi_huyen"] == "Số 02 đường Khu Ga, thị trấn Đồng Mỏ, huyện Chi Lăng"
    assert values["so_xa_co_bpmc"] == "20/20"
    assert (values["can_bo_huyen_tong"], values["can_bo_huyen_bien_che"], values["can_bo_huyen_cu_den"]) == ("13", "10", "03")
    assert values["so_co_quan_cu_den_huyen"] == "03"
    assert values["co_quan_cu_den_huyen"].startswith("Công an huyện Chi Lăng")
    assert values["tong_can_bo"] == "119"
    assert values["quyet_dinh_kien_toan_huyen"].startswith("Quyết định số 1571/QĐ-UBND ngày 11/4/2024")
    assert re.fullmatch(r"còn thiếu \d+ máy lấy số tự động, .*", values["thiet_bi_con_thieu"])


def test_shortfall_sentence_follows_the_equipment_data(sample_registry):
    from motcua_desktop.domain.model import Condition, EquipmentItem

    before = field_values(gather(sample_registry, date(2024, 4, 19)))["thiet_bi_con_thieu"]
    missing = int(re.match(r"còn thiếu (\d+) máy lấy số", before).group(1))
    kind = sample_registry.equipment.type_by_name("Máy lấy số tự động")
    for unit in sample_registry.units.list():
        sample_registry.equipment.add_item(EquipmentItem(unit.id, kind.id, 1, Condition.TOT))
    after = field_values(gather(sample_registry, date(2024, 4, 19)))["thiet_bi_con_thieu"]
    assert "máy lấy số tự động" not in after and missing > 0


def test_a_field_without_value_or_unknown_is_shown_not_dropped():
    text = fill("Diện tích {dien_tich_huyen}, {khong_co}.", {"dien_tich_huyen": None})
    assert text == f"Diện tích {missing_marker('dien_tich_huyen')}, {missing_marker('khong_co')}."
    # in words the reader understands, never the field's code
    assert text == ("Diện tích [chưa có: diện tích trụ sở], "
                    "[chưa có: mục không có trong danh sách trường số liệu].")


def test_headings_are_recognised_by_their_numbering():
    assert classify("1. Tình hình, kết quả tiếp nhận") is BlockKind.HEADING1
    assert classify("a) Tình hình tổ chức thực hiện") is BlockKind.HEADING2
    assert classify("II. Phương hướng") is BlockKind.SECTION
    assert classify("1. Một câu dài kết thúc bằng dấu chấm.") is BlockKind.BODY
    assert classify("- Cấp huyện: UBND huyện đã ban hành") is BlockKind.BODY


def test_number_leading_zero_and_blank_while_unnumbered():
    assert number_text("5") == "05" and number_text("45") == "45" and number_text("").strip() == ""


def test_body_always_ends_with_the_closing_mark(sample_registry):
    report = default_report(sample_registry.settings.get(), date(2024, 4, 19),
                            sample_registry.template_for("", date(2024, 4, 19)))
    report.body = "Một đoạn.\n\nĐoạn cuối."
    content = build_content(report, gather(sample_registry, date(2024, 4, 19), sample_registry.template_for("", date(2024, 4, 19))))
    assert content.blocks[-1].text == "Đoạn cuối./."


def test_several_recipients_are_listed_with_dashes_and_punctuation(sample_registry):
    report = default_report(sample_registry.settings.get(), date(2024, 4, 19),
                            sample_registry.template_for("", date(2024, 4, 19)))
    report.recipients = ("Văn phòng UBND tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lạng Sơn;")
    content = build_content(report, gather(sample_registry, date(2024, 4, 19), sample_registry.template_for("", date(2024, 4, 19))))
    assert content.kinh_gui.items == ("- Văn phòng UBND tỉnh Lạng Sơn;", "- Sở Nội vụ tỉnh Lạng Sơn.")
