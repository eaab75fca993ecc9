"""The PDF against the checklist of docs/report-templates.md (F01–F18), read back with pdfplumber."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from report_seed import SEED_ROWS, SEED_TOTALS

MM = 72 / 25.4
A4_W, A4_H = 595.28, 841.89
LEFT, RIGHT = 30 * MM, A4_W - 15 * MM  # the renderer's margins
CENTRE = (LEFT + RIGHT) / 2


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    """`motcua report` on a fresh demo register, as of 19/4/2024."""
    from report_seed import run_cli

    folder = tmp_path_factory.mktemp("pdf")
    db, out = folder / "demo.sqlite", folder / "bao-cao.pdf"
    assert run_cli("init", "--db", str(db), "--demo") == 0
    assert run_cli("report", "--db", str(db), "--as-of", "2024-04-19", "--out", str(out)) == 0
    return out


@pytest.fixture(scope="module")
def pdf(sample_pdf):
    with pdfplumber.open(sample_pdf) as doc:
        yield doc


def find(page, text: str) -> list[dict]:
    """The characters of the first occurrence of ``text`` on ``page`` (spaces excluded)."""
    hits = page.search(re.escape(text).replace(r"\ ", r"\s+"), regex=True, return_chars=True)
    assert hits, f"'{text}' not found on page {page.page_number}"
    return [c for c in hits[0]["chars"] if c["text"].strip()]


# Families a Times-compatible serif is embedded as: the bundled Liberation Serif (Linux), the
# system's Times New Roman (Windows: "TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT"…), Tinos.
_SERIF_FAMILIES = re.compile(r"^(LiberationSerif|TimesNewRoman(PS)?(MT)?|Times|Tinos)$")


def face(fontname: str) -> str:
    """The style of a PDF font name, whatever the serif: "Serif", "Serif-Bold", "Serif-Italic",
    "Serif-BoldItalic" (the subset prefix and the family's own spelling dropped)."""
    name = fontname.split("+")[-1]
    family, _, variant = name.partition("-")
    assert _SERIF_FAMILIES.match(family) or _SERIF_FAMILIES.match(name.removesuffix("MT")), name
    variant = variant.lower()
    bold, italic = "bold" in variant, "italic" in variant or "oblique" in variant
    return "Serif" + ("-Bold" if bold else "") + ("Italic" if italic and bold else "-Italic" if italic else "")


def style(chars) -> tuple[set[str], set[float]]:
    fonts = {face(c["fontname"]) for c in chars}
    sizes = {round(c["size"], 1) for c in chars}
    return fonts, sizes


def box(chars) -> tuple[float, float, float, float]:
    return (min(c["x0"] for c in chars), max(c["x1"] for c in chars),
            min(c["top"] for c in chars), max(c["bottom"] for c in chars))


def rule_under(page, chars, *, within: float = 12) -> dict:
    x0, x1, _, bottom = box(chars)
    mid = (x0 + x1) / 2
    rules = [ln for ln in page.lines if 0 < ln["top"] - bottom < within and abs((ln["x0"] + ln["x1"]) / 2 - mid) < 2]
    assert rules, f"no rule under {''.join(c['text'] for c in chars)}"
    return rules[0]


def body_pages(pdf):
    return [p for p in pdf.pages if not p.search("PHỤ LỤC")]


def test_f01_a4_portrait_pages(pdf):
    assert len(pdf.pages) >= 3, "the body and its appendix: every page A4 portrait"
    for page in pdf.pages:
        assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9)


def test_f02_text_stays_within_the_margins(pdf):
    for page in pdf.pages:
        chars = [c for c in page.chars if c["text"].strip() and c["top"] > 20 * MM - 1]
        x0, x1, top, bottom = box(chars)
        assert 30 * MM - 0.5 <= x0 <= 35 * MM
        assert A4_W - 20 * MM <= x1 <= A4_W - 15 * MM + 0.5
        assert bottom <= A4_H - 20 * MM + 0.5
    first = pdf.pages[0]
    top = min(c["top"] for c in first.chars)
    assert 20 * MM - 2 <= top <= 25 * MM  # the header starts in the top margin's range


def test_f03_one_embedded_times_compatible_family_in_black(pdf, sample_pdf):
    fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    families = {f.split("-")[0].removesuffix("MT").removesuffix("PS") for f in fonts}
    assert len(families) == 1 and all(_SERIF_FAMILIES.match(f) for f in families), fonts
    assert {face(f) for f in fonts} == {"Serif", "Serif-Bold", "Serif-Italic", "Serif-BoldItalic"}
    assert all(c["fontname"][6] == "+" for p in pdf.pages for c in p.chars)  # subset = embedded
    raw = sample_pdf.read_bytes()
    assert raw.count(b"/FontFile2") == len(fonts) == 4  # all four styles, each embedded
    colours = {tuple(c["non_stroking_color"] or (0,)) for p in pdf.pages for c in p.chars}
    assert colours <= {(0,), (0, 0, 0), (0.0,), (0.0, 0.0, 0.0)}


def test_f04_quoc_hieu_12_to_13_bold(pdf):
    fonts, sizes = style(find(pdf.pages[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert fonts == {"Serif-Bold"} and sizes <= {12.0, 12.5, 13.0}


def test_f05_tieu_ngu_13_to_14_bold_with_a_rule_as_long_as_the_text(pdf):
    page = pdf.pages[0]
    chars = find(page, "Độc lập - Tự do - Hạnh phúc")
    fonts, sizes = style(chars)
    assert fonts == {"Serif-Bold"} and sizes <= {13.0, 13.5, 14.0}
    x0, x1, *_ = box(chars)
    rule = rule_under(page, chars)
    assert abs(rule["x0"] - x0) < 1.5 and abs(rule["x1"] - x1) < 1.5


def test_f06_issuing_body_bold_upper_case_with_a_rule_of_a_third_to_a_half(pdf):
    page = pdf.pages[0]
    first, second = find(page, "ỦY BAN NHÂN DÂN"), find(page, "HUYỆN CHI LĂNG")
    for chars in (first, second):
        assert style(chars)[0] == {"Serif-Bold"}
        assert 12 <= max(style(chars)[1]) <= 13
    widest = max(box(first)[1] - box(first)[0], box(second)[1] - box(second)[0])
    rule = rule_under(page, second)
    assert widest / 3 <= rule["x1"] - rule["x0"] <= widest / 2
    # the left column is centred over the same axis as its rule
    assert abs((box(first)[0] + box(first)[1]) / 2 - (rule["x0"] + rule["x1"]) / 2) < 1.5


def test_f07_number_13_pt_blank_while_unnumbered(pdf):
    page = pdf.pages[0]
    chars = find(page, "Số:")
    assert style(chars) == ({"Serif"}, {13.0})
    slash = find(page, "/BC-UBND")
    assert slash[0]["x0"] - chars[-1]["x1"] > 15  # room to write the number in after signing


def test_f08_date_line_italic_leading_zero_rule_same_row_as_number(pdf):
    page = pdf.pages[0]
    date_chars = find(page, "Chi Lăng, ngày 19 tháng 4 năm 2024")
    fonts, sizes = style(date_chars)
    assert fonts == {"Serif-Italic"} and sizes <= {13.0, 14.0}
    number = find(page, "Số:")
    assert abs(date_chars[0]["bottom"] - number[0]["bottom"]) < 2.5
    assert box(date_chars)[0] > CENTRE - 40  # right column


def test_f09_f10_title_and_trich_yeu_bold_centred_with_rule(pdf):
    page = pdf.pages[0]
    title = find(page, "BÁO CÁO")
    assert style(title) == ({"Serif-Bold"}, {14.0})
    x0, x1, *_ = box(title)
    assert abs((x0 + x1) / 2 - CENTRE) < 1.5
    line1 = find(page, "Tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn")
    assert style(line1) == ({"Serif-Bold"}, {14.0})
    assert abs((box(line1)[0] + box(line1)[1]) / 2 - CENTRE) < 1.5
    rules = [ln for ln in page.lines if 160 < ln["top"] < 200]
    assert len(rules) == 1
    length = rules[0]["x1"] - rules[0]["x0"]
    widest = box(line1)[1] - box(line1)[0]
    assert widest / 3 <= length <= widest / 2
    assert abs((rules[0]["x0"] + rules[0]["x1"]) / 2 - CENTRE) < 1.5


def test_f11_kinh_gui_one_recipient_centred(pdf):
    chars = find(pdf.pages[0], "Kính gửi: Văn phòng UBND tỉnh Lạng Sơn.")
    assert style(chars) == ({"Serif"}, {14.0})
    x0, x1, *_ = box(chars)
    assert abs((x0 + x1) / 2 - CENTRE) < 2


def _lines_of(page, start: str):
    lines = page.extract_text_lines()
    i = next(n for n, ln in enumerate(lines) if ln["text"].startswith(start))
    return lines, i


def test_f12_body_justified_indented_and_spaced(pdf):
    page = pdf.pages[0]
    lines, i = _lines_of(page, "Thực hiện Công văn số 1694/VP-TTPVHCC")
    j = next(n for n in range(i, len(lines)) if lines[n]["text"].startswith("1. Tình hình"))
    para, nxt = lines[i:j], lines[j]
    assert len(para) >= 3
    indent = para[0]["x0"] - LEFT
    assert 1.0 * 72 / 2.54 - 0.5 <= indent <= 1.27 * 72 / 2.54 + 0.5
    assert all(abs(ln["x0"] - LEFT) < 0.5 for ln in para[1:])
    assert all(abs(ln["x1"] - RIGHT) < 1.0 for ln in para[:-1])  # justified to the right margin
    assert para[-1]["x1"] < RIGHT - 20  # the paragraph's last line is not stretched
    leading = para[1]["top"] - para[0]["top"]
    assert nxt["top"] - para[-1]["top"] >= leading + 6 - 0.5  # ≥ 6 pt between paragraphs
    assert style(para[0]["chars"])[1] == {14.0}


def test_f13_headings_khoan_bold_diem_regular(pdf):
    page = pdf.pages[0]
    assert style(find(page, "1. Tình hình, kết quả tiếp nhận, giải quyết thủ tục hành chính"))[0] == {"Serif-Bold"}
    assert style(find(page, "2. Về tổ chức, vận hành của Bộ phận Một cửa"))[0] == {"Serif-Bold"}
    assert style(find(page, "a) Tình hình tổ chức thực hiện"))[0] == {"Serif"}


def _top_number(page) -> str:
    chars = [c for c in page.chars if c["top"] < 20 * MM]
    return "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))


def test_f14_page_numbers_from_page_2_top_centre_and_appendix_numbered_on_its_own(pdf):
    body = body_pages(pdf)
    assert len(body) >= 2
    assert _top_number(body[0]) == ""
    for n, page in enumerate(body[1:], start=2):
        assert _top_number(page) == str(n)
        chars = [c for c in page.chars if c["top"] < 20 * MM]
        assert abs((box(chars)[0] + box(chars)[1]) / 2 - CENTRE) < 1.5
        assert style(chars) == ({"Serif"}, {13.0})
    appendix = [p for p in pdf.pages if p.search("PHỤ LỤC")]
    assert _top_number(appendix[0]) == ""


def test_f15_f16_closing_signature_and_noi_nhan(pdf):
    page = body_pages(pdf)[-1]
    authority, title, name = find(page, "KT. CHỦ TỊCH"), find(page, "PHÓ CHỦ TỊCH"), find(page, "Nguyễn Hùng Mạnh")
    for chars in (authority, title, name):
        assert style(chars) == ({"Serif-Bold"}, {14.0})
        assert box(chars)[0] > CENTRE  # right column
    assert box(name)[2] - box(title)[3] > 50  # room for the signature and the seal
    label = find(page, "Nơi nhận:")
    assert style(label) == ({"Serif-BoldItalic"}, {12.0})
    assert abs(label[0]["top"] - authority[0]["top"]) < 3  # level with the signer's first line
    assert abs(box(label)[0] - LEFT) < 0.5
    items = ["- Như trên (BC);", "- CT, các PCT UBND huyện;", "- Lưu: VT, VP (HVT)."]
    for item in items:
        assert style(find(page, item)) == ({"Serif"}, {11.0})


def test_body_ends_with_closing_mark_and_text_is_real(pdf):
    text = " ".join(" ".join(p.extract_text() for p in body_pages(pdf)).split())
    assert "trên địa bàn huyện Chi Lăng của UBND huyện Chi Lăng./." in text
    assert "[chưa có:" not in text
    assert "Số 02 đường Khu Ga, thị trấn Đồng Mỏ" in text
    assert "20/20 UBND xã, thị trấn" in text
    assert "Bộ phận Một cửa huyện có 13 người làm việc, trong đó 10 người" in text


def test_f18_decimal_comma(pdf):
    text = "\n".join(p.extract_text() for p in body_pages(pdf))
    assert "diện tích 225,78 m²" in text


def test_f17_appendix_label_title_and_attached_line(pdf):
    page = next(p for p in pdf.pages if p.search("PHỤ LỤC"))
    label = find(page, "PHỤ LỤC")
    assert style(label) == ({"Serif-Bold"}, {14.0})
    assert abs((box(label)[0] + box(label)[1]) / 2 - CENTRE) < 1.5
    title = find(page, "Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp")
    assert style(title)[0] == {"Serif-Bold"}
    attached = find(page, "(Kèm theo Báo cáo số")
    assert style(attached)[0] == {"Serif-Italic"}
    assert "ngày 19 tháng 4 năm 2024 của UBND huyện" in page.extract_text()


def test_appendix_rows_are_the_seeds_21_rows_and_totals(pdf):
    rows = []
    for page in pdf.pages:
        for table in page.extract_tables():
            rows += [r for r in table if r and r[0] and r[0].isdigit()]
            totals = [r for r in table if r and r[1] == "Tổng cộng"]
            if totals:
                assert tuple(int(v) for v in totals[0][2:5]) == SEED_TOTALS
            group = [r for r in table if r and r[0] == "I"]
            if group:
                assert group[0][1] == "Huyện Chi Lăng"
            section = [r for r in table if r and r[0] == "CẤP HUYỆN, CẤP XÃ"]
            assert section
    got = [(int(r[0]), r[1].replace("\n", " "), int(r[2]), int(r[3] or 0), int(r[4] or 0)) for r in rows]
    assert got == SEED_ROWS


def test_appendix_header_repeats_on_every_page_of_a_long_table(registry, tmp_path):
    # Given 60 units, so the staff table runs over more than one page
    from motcua_desktop.domain.model import Unit
    from motcua_desktop.report.pdf import render_pdf
    from motcua_desktop.report.service import choose_report, content_for

    registry.units.add(Unit("H", "Bộ phận Một cửa huyện Thử", level="huyen", kind="huyen"))
    for n in range(59):
        registry.units.add(Unit(f"X{n}", f"Bộ phận Một cửa xã Thử {n + 1}"))
    content = content_for(registry, choose_report(registry))
    out = render_pdf(content, tmp_path / "dai.pdf")
    with pdfplumber.open(out) as doc:
        appendix = [p for p in doc.pages if p.search("Bộ phận Một cửa xã Thử")]
        assert len(appendix) >= 2
        for page in appendix:
            assert page.search("STT") and page.search("Ghi")  # the header rows are repeated
        assert _top_number(appendix[0]) == "" and _top_number(appendix[1]) == "2"


def test_equipment_appendix_is_a_landscape_page_numbered_phu_luc_ii(sample_registry, tmp_path):
    import dataclasses

    from motcua_desktop.report.pdf import render_pdf
    from motcua_desktop.report.service import choose_report, content_for

    report = dataclasses.replace(choose_report(sample_registry), appendices=("staff", "equipment"))
    out = render_pdf(content_for(sample_registry, report), tmp_path / "tb.pdf")
    with pdfplumber.open(out) as doc:
        body = "\n".join(p.extract_text() for p in doc.pages)
        assert "chi tiết tại Phụ lục I kèm theo" in body
        equipment = [p for p in doc.pages if p.search("Phụ lục II")]
        assert equipment and equipment[0].width > equipment[0].height
        text = " ".join(equipment[0].extract_text().split())
        assert "Máy scan" in text and "Máy in" in text and "STT" in text
        assert "Bộ phận Một cửa xã Hữu Kiên" in text
        portrait = [p for p in doc.pages if p.search("Phụ lục I\n") or p.search("BÁO CÁO")]
        assert portrait and all(p.width < p.height for p in portrait)
