"""The sample register against the seed report it reproduces (UBND huyện Chi Lăng's report of
19/4/2024): units, counts, the district's facts, the equipment catalogue and the organisation
settings. The report's text is not part of the repository; where a checkout has it beside
it (SEED below) the tests read it, and the appendix always from its committed copy,
tests/data/seed_table.tsv."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from motcua_desktop.domain.model import EmploymentKind
from motcua_desktop.domain.text import fold, format_number
from motcua_desktop.store.sample import SAMPLE_MARK, sample_as_of

TESTS = Path(__file__).resolve().parents[1]
SEED = TESTS.parent.parent / "shared" / "seed" / "000_c2ff7f56cb383ec4.txt"
SEED_COPY = TESTS / "data" / "seed_table.tsv"
AS_OF = date(2024, 4, 19)


def _seed_text() -> str | None:
    return SEED.read_text(encoding="utf-8") if SEED.is_file() else None


def _table_lines() -> list[str]:
    """The appendix rows straight from the seed's text when present, else its committed copy."""
    text = _seed_text()
    source = text if text is not None else SEED_COPY.read_text(encoding="utf-8")
    return source.splitlines()


def seed_table() -> list[tuple[int, str, int, int, int]]:
    rows = []
    for line in _table_lines():
        parts = line.split("\t")
        if len(parts) >= 5 and parts[0].isdigit() and parts[1].startswith("Bộ phận Một cửa"):
            number = [int(p) if p.strip() else 0 for p in parts[2:5]]
            rows.append((int(parts[0]), parts[1].strip(), *number))
    return rows


def test_the_seed_table_is_read_whole():
    rows = seed_table()
    assert [r[0] for r in rows] == list(range(1, 22))
    assert all(total == own + sent for _, _, total, own, sent in rows)
    assert tuple(sum(r[i] for r in rows) for i in (2, 3, 4)) == (119, 112, 7)


def test_the_committed_copy_matches_the_seed():
    text = _seed_text()
    if text is None:
        pytest.skip("the seed's text is not beside this checkout; the committed copy is all there is")
    copy = [line for line in SEED_COPY.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    seed_rows = [ln for ln in text.splitlines() if re.match(r"\d+\tBộ phận Một cửa", ln)]
    assert [ln.split("\t")[:5] for ln in seed_rows] == [ln.split("\t")[:5] for ln in copy]


def test_sample_has_the_seed_units_in_the_seed_order(sample_registry):
    units = sample_registry.units.list()
    assert [u.name for u in units] == [r[1] for r in seed_table()]
    assert [u.sort_order for u in units] == list(range(1, 22))
    assert [u.level for u in units] == ["huyen"] + ["xa"] * 20
    assert [u.kind for u in units[:3]] == ["huyen", "thi_tran", "thi_tran"]


def test_sample_counts_are_the_seed_counts_in_every_column(sample_registry):
    assert sample_as_of() == AS_OF
    table = sample_registry.staff_table(AS_OF)
    got = [(r.unit.name, r.count.total, r.count.own, r.count.sent) for r in table.rows]
    assert got == [(name, total, own, sent) for _, name, total, own, sent in seed_table()]
    assert (table.total.total, table.total.own, table.total.sent) == (119, 112, 7)


def test_sample_has_people_who_left_and_people_not_yet_started(sample_registry):
    # The as-of date matters in the sample: on 31/3/2024 a Công an officer still worked
    # at the district; on 19/4/2024 he had left; a commune hire starts only in June.
    district = sample_registry.staff_table(date(2024, 3, 31)).rows[0]
    assert (district.count.total, district.count.own, district.count.sent) == (14, 10, 4)
    later = {r.unit.code: r.count.total for r in sample_registry.staff_table(date(2024, 6, 1)).rows}
    now = {r.unit.code: r.count.total for r in sample_registry.staff_table(AS_OF).rows}
    assert later["X-NHANLY"] == now["X-NHANLY"] + 1


def test_the_district_unit_has_the_seed_facts(sample_registry):
    district = sample_registry.units.list()[0]
    assert district.address == "Số 02 đường Khu Ga, thị trấn Đồng Mỏ, huyện Chi Lăng"
    assert format_number(district.area_m2) == "225,78"
    assert "Quyết định số 1571/QĐ-UBND ngày 11/4/2024" in district.staffing_decision
    assert "Quyết định số 1618/QĐ-UBND ngày 27/4/2020" in district.rules
    assert "Kế hoạch số 205/KH-UBND ngày 15/10/2018" in district.founding_decision
    text = _seed_text()
    if text is not None:
        for fact in (district.address, "225,78 m²", "1571/QĐ-UBND ngày 11/4/2024",
                     "1618/QĐ-UBND ngày 27/4/2020", "205/KH-UBND ngày 15/10/2018"):
            assert fact in text


def test_the_three_agencies_send_staff_to_the_district(sample_registry):
    rows = [
        r for r in sample_registry.staff.listing(active_on=AS_OF)
        if r.unit_order == 1 and r.assignment.kind is EmploymentKind.CU_DEN
    ]
    assert sorted({r.assignment.sending_agency for r in rows}) == [
        "Bảo hiểm xã hội huyện Chi Lăng",
        "Chi nhánh Văn phòng đăng ký đất đai huyện Chi Lăng",
        "Công an huyện Chi Lăng",
    ]


def test_every_sample_person_and_assignment_is_marked_as_sample(sample_registry):
    people = sample_registry.staff.people()
    assert len(people) >= 119
    assert all(p.notes == SAMPLE_MARK for p in people)
    assert all(p.code.startswith("MAU") for p in people)
    assert all(a.notes == SAMPLE_MARK for a in sample_registry.staff.assignments())
    assert len({p.full_name for p in people}) == len(people)


SEED_EQUIPMENT = [
    "Máy lấy số tự động", "máy in", "máy vi tính có kết nối mạng", "máy scan",
    "hệ thống camera", "máy photocopy", "tivi", "máy lạnh",
]


def test_the_equipment_catalogue_is_the_seed_list(sample_registry):
    text = _seed_text()
    if text is not None:
        listed = re.search(r"công tác như: (.+?),\.\.\.", text).group(1)
        assert listed.split(", ") == SEED_EQUIPMENT
    types = sample_registry.equipment.types()
    assert [t.name.casefold() for t in types] == [n.casefold() for n in SEED_EQUIPMENT]
    assert all(t.norms.get("huyen", 0) >= t.norms.get("xa", 0) >= 1 for t in types)


def test_the_organisation_settings_are_the_seed_s(sample_registry):
    s = sample_registry.settings.get()
    assert s.issuing_body == ("ỦY BAN NHÂN DÂN", "HUYỆN CHI LĂNG")
    assert s.issuing_body_short == "UBND huyện Chi Lăng"
    assert (s.place_name, s.doc_abbreviation) == ("Chi Lăng", "BC-UBND")
    assert (s.signer_authority, s.signer_title, s.signer_name) == (
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hùng Mạnh")
    assert s.recipients == ("Văn phòng UBND tỉnh Lạng Sơn",)
    expected_noi_nhan = (
        "Như trên (BC)", "CT, các PCT UBND huyện", "Các Phòng CM thuộc UBND huyện",
        "UBND các xã, thị trấn", "Trang thông tin điện tử", "Lưu: VT, VP (HVT)",
    )
    assert s.noi_nhan == expected_noi_nhan
    text = _seed_text()
    if text is not None:
        block = text.split("Nơi nhận:", 1)[1].split("\n\n\n")[0]
        from_seed = tuple(ln[2:].rstrip(";.") for ln in block.splitlines() if ln.startswith("- "))
        assert from_seed == expected_noi_nhan
        assert "Số: /BC-UBND" in text and "Kính gửi: Văn phòng UBND tỉnh Lạng Sơn." in text
        assert "Chi Lăng, ngày 19 tháng 4 năm 2024" in text
        assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text and "Nguyễn Hùng Mạnh" in text


def test_sample_units_are_found_without_accents(sample_registry):
    names = [u.name for u in sample_registry.units.list()]
    assert [n for n in names if "dong mo" in fold(n)] == ["Bộ phận Một cửa thị trấn Đồng Mỏ"]
