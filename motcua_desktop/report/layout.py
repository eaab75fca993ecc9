"""The report's layout in one place: page geometry, font sizes, spacing and which appendix
rows are set in bold, after Nghị định 30/2020, Phụ lục I (docs/report-templates.md).

The three renderers (:mod:`.pdf`, :mod:`.docx`, :mod:`.xlsx`) read their measures here, so a
size changed here changes every format alike. Lengths on paper are in millimetres (``_MM``)
as the decree gives them; font sizes and spacing in points.
"""

from __future__ import annotations

from .kinds import RowKind

PT_PER_MM = 72 / 25.4


def mm(length_mm: float) -> float:
    """Millimetres in points."""
    return length_mm * PT_PER_MM


# page ------------------------------------------------------------------------------------
A4_MM = (210.0, 297.0)  # portrait; an appendix too wide for it is set landscape
MARGIN_TOP_MM = 20.0  # the decree: 20–25
MARGIN_BOTTOM_MM = 20.0  # 20–25
MARGIN_LEFT_MM = 30.0  # 30–35
MARGIN_RIGHT_MM = 15.0  # 15–20
PAGE_NUMBER_FROM_TOP_MM = 12.0  # centred in the top margin
HEADER_DISTANCE_MM = 10.0  # Word's header (the page number) from the top edge


def page_mm(landscape: bool = False) -> tuple[float, float]:
    """(width, height) of the page."""
    width, height = A4_MM
    return (height, width) if landscape else (width, height)


def text_width_mm(landscape: bool = False) -> float:
    """The width between the left and right margins."""
    return page_mm(landscape)[0] - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


# font sizes (pt) -------------------------------------------------------------------------
QUOC_HIEU_SIZE = 12  # 12–13, bold
TIEU_NGU_SIZE = 13  # 13–14, bold
ISSUER_SIZE = 13  # 12–13: the issuing body, bold upper case
NUMBER_SIZE = 13  # "Số: …/BC-…"
DATE_SIZE = 14  # 13–14, italic
TITLE_SIZE = 14  # "BÁO CÁO" and the subject, bold
BODY_SIZE = 14  # 13–14
SIGNATURE_SIZE = 14  # authority, title and name of the signer, bold
PAGE_NUMBER_SIZE = 13  # 13–14
NOI_NHAN_LABEL_SIZE = 12  # "Nơi nhận:", bold italic
NOI_NHAN_SIZE = 11
APPENDIX_LABEL_SIZE = 14  # "PHỤ LỤC", "Phụ lục I", bold
APPENDIX_TITLE_SIZE = 14  # 13–14, bold
APPENDIX_ATTACHED_SIZE = 13  # "(Kèm theo Báo cáo số …)", italic
TABLE_SIZE = 12  # 11–13 (practice)

# spacing (pt) ----------------------------------------------------------------------------
BODY_LEADING = 17  # single spacing for 14 pt
FIRST_LINE_INDENT_MM = 12.7  # 1–1.27 cm
SPACE_AFTER = 6  # at least 6 pt between paragraphs
SIGNATURE_ROOM = 72  # between the signer's title and name, for the signature and seal
APPENDIX_HEADING_LEADING = 18  # label and title of an appendix
APPENDIX_ATTACHED_LEADING = 17
APPENDIX_SPACE_BEFORE_TABLE = 10
NOI_NHAN_LABEL_LEADING = 15
NOI_NHAN_LEADING = 13
TABLE_LEADING = 14

# the header and closing tables, rules ----------------------------------------------------
LEFT_COLUMN = 0.40  # share of the text width taken by the header's left column
RULE_WIDTH = 0.5  # pt
ISSUER_RULE_SHARE = 0.40  # of the issuing body's text: within the decree's 1/3–1/2
TITLE_RULE_SHARE = 0.40  # of the subject's text: within 1/3–1/2

# appendix rows ---------------------------------------------------------------------------
EMPHASISED_ROWS = frozenset({RowKind.SECTION, RowKind.GROUP, RowKind.TOTAL})  # set in bold


def emphasised(kind: RowKind) -> bool:
    """Whether an appendix row of this kind is set in bold (headings, groups and totals)."""
    return kind in EMPHASISED_ROWS
