"""The seed report's appendix (UBND huyện Chi Lăng, 19/4/2024; also in
tests/data/seed_table.tsv) and helpers shared by the report tests."""

from __future__ import annotations

from datetime import date

SEED_DATE = date(2024, 4, 19)

# (STT, Bộ phận Một cửa, Tổng số, Thuộc biên chế (hoặc biệt phái), cử đến) as the seed prints them
SEED_ROWS = [
    (1, "Bộ phận Một cửa huyện Chi Lăng", 13, 10, 3),
    (2, "Bộ phận Một cửa thị trấn Đồng Mỏ", 9, 9, 0),
    (3, "Bộ phận Một cửa thị trấn Chi Lăng", 7, 7, 0),
    (4, "Bộ phận Một cửa xã Chi Lăng", 6, 5, 1),
    (5, "Bộ phận Một cửa xã Mai Sao", 6, 6, 0),
    (6, "Bộ phận Một cửa xã Nhân Lý", 4, 4, 0),
    (7, "Bộ phận Một cửa xã Bắc Thủy", 6, 6, 0),
    (8, "Bộ phận Một cửa xã Vân Thủy", 7, 7, 0),
    (9, "Bộ phận Một cửa xã Lâm Sơn", 4, 4, 0),
    (10, "Bộ phận Một cửa xã Chiến Thắng", 4, 4, 0),
    (11, "Bộ phận Một cửa xã Vân An", 4, 4, 0),
    (12, "Bộ phận Một cửa xã Liên Sơn", 7, 6, 1),
    (13, "Bộ phận Một cửa xã Quan Sơn", 5, 4, 1),
    (14, "Bộ phận Một cửa xã Hữu Kiên", 5, 5, 0),
    (15, "Bộ phận Một cửa xã Thượng Cường", 5, 5, 0),
    (16, "Bộ phận Một cửa xã Hòa Bình", 4, 4, 0),
    (17, "Bộ phận Một cửa xã Gia Lộc", 5, 4, 1),
    (18, "Bộ phận Một cửa xã Vạn Linh", 6, 6, 0),
    (19, "Bộ phận Một cửa xã Y Tịch", 4, 4, 0),
    (20, "Bộ phận Một cửa xã Bằng Mạc", 4, 4, 0),
    (21, "Bộ phận Một cửa xã Bằng Hữu", 4, 4, 0),
]
SEED_TOTALS = (
    sum(r[2] for r in SEED_ROWS),
    sum(r[3] for r in SEED_ROWS),
    sum(r[4] for r in SEED_ROWS),
)


def run_cli(*argv: str) -> int:
    from motcua_desktop.cli.main import run

    return run(list(argv))
