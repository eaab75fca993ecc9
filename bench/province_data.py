"""Province-scale data as an import workbook: 2,000 units, 20,000 people, 30,000 assignments
(10,000 people moved once between units), 50,000 equipment rows.

    .venv/bin/python bench/province_data.py OUT_FOLDER     # writes OUT_FOLDER/province.xlsx

Deterministic (fixed seed), Vietnamese names, the mix the appendix has to count: biên chế,
biệt phái, cử đến; people who left before the report date and start after it; areas with a
decimal comma; some names in decomposed Unicode.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

UNITS, PEOPLE, MOVED, EQUIPMENT_ROWS = 2_000, 20_000, 10_000, 50_000
FILE_NAME = "province.xlsx"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Lý", "Lường", "Nông", "Hà", "Vi", "Triệu", "Lương", "Mai"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Xuân", "Thuý", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hương", "Khánh",
         "Lan", "Linh", "Mạnh", "Nga", "Oanh", "Phương", "Quỳnh", "Sơn", "Thắng", "Thảo", "Tuấn",
         "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Ưng"]  # fmt: skip
PLACES = ["Mai Sao", "Chi Lăng", "Đồng Mỏ", "Bắc Thủy", "Hữu Lũng", "Vân Nham", "Quang Lang",
          "Tân Thành", "Yên Trạch", "Hòa Bình", "Liên Sơn", "Nhân Lý", "Vạn Linh", "Chiến Thắng"]  # fmt: skip
FIELDS = ["Tư pháp - Hộ tịch", "Địa chính - Xây dựng", "Văn hóa - Xã hội", "Tài chính - Kế toán",
          "Lao động - Thương binh và Xã hội"]  # fmt: skip
AGENCIES = ["Công an huyện", "Chi nhánh Văn phòng đăng ký đất đai", "Bảo hiểm xã hội huyện"]
TYPES = ["Máy lấy số tự động", "Máy in", "Máy vi tính có kết nối mạng", "Máy scan",
         "Hệ thống camera", "Máy photocopy", "Tivi", "Máy lạnh"]  # fmt: skip
KINDS = ["Biên chế"] * 7 + ["Biệt phái"] + ["Cử đến"] * 2
CONDITIONS = ["Tốt"] * 8 + ["Hỏng", "Chờ thanh lý"]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def generate(folder: Path) -> Path:
    rng = random.Random(20240419)
    wb = Workbook(write_only=True)

    ws = wb.create_sheet("Đơn vị")
    ws.append(["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"])
    codes = []
    for i in range(UNITS):
        district = i % 100 == 0  # 20 districts of 100 units each
        code = f"H{i // 100:02d}" if district else f"X{i:04d}"
        codes.append(code)
        place = f"{rng.choice(PLACES)} {i}"
        level, kind = ("Huyện", "huyện") if district else ("Xã", rng.choice(["xã", "xã", "thị trấn", "phường"]))
        area = f"{rng.randint(20, 300)},{rng.randint(0, 99):02d}"  # decimal comma, as typed
        ws.append([code, f"Bộ phận Một cửa {kind} {place}", level, kind, f"Trụ sở {place}", area, i + 1, ""])

    ws = wb.create_sheet("Cán bộ")
    ws.append(["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
               "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"])  # fmt: skip
    for n in range(PEOPLE):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if n % 10 == 0:
            name = unicodedata.normalize("NFD", name)
        kind = rng.choice(KINDS)
        agency = rng.choice(AGENCIES) if kind == "Cử đến" else ""
        person = [f"P{n:05d}", name, rng.randint(1965, 2000)]
        phone = f"09{rng.randint(10_000_000, 99_999_999)}"
        start = _day(rng, date(2010, 1, 1), date(2024, 12, 31))
        unit = rng.choice(codes)
        field = rng.choice(FIELDS)
        if n < MOVED:  # moved once: the first assignment ends the day before the second starts
            moved_on = _day(rng, start + timedelta(days=30), start + timedelta(days=2000))
            ws.append([*person, unit, "Công chức", kind, agency, field,
                       start.strftime("%d/%m/%Y"), (moved_on - timedelta(days=1)).strftime("%d/%m/%Y"),
                       phone, "chuyển công tác"])  # fmt: skip
            unit, start = rng.choice(codes), moved_on
        end = start + timedelta(days=rng.randint(0, 2500)) if rng.random() < 0.15 else None
        ws.append([*person, unit, "Công chức", kind, agency, f"{field}; {rng.choice(FIELDS)}",
                   start, end, phone, ""])  # fmt: skip

    ws = wb.create_sheet("Thiết bị")
    ws.append(["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"])
    for n in range(EQUIPMENT_ROWS):
        ws.append([codes[n % UNITS], TYPES[(n // UNITS) % len(TYPES)], rng.randint(0, 5),
                   rng.choice(CONDITIONS), 2000 + n % 25, ""])  # fmt: skip

    folder.mkdir(parents=True, exist_ok=True)
    out = folder / FILE_NAME
    wb.save(out)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(generate(Path(sys.argv[1])))
