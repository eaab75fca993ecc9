#!/usr/bin/env python3
"""Draw the app icon (resources/icons/app.png and app.ico) from code, so it can be redrawn.

A red rounded square (the colour of official seals) holding one open white door with a
gold star above it: "một cửa", one door. Run from the checkout: python installer/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 1024  # drawn large, then scaled down with antialiasing
RED, GOLD, WHITE, SHADE = (200, 16, 46, 255), (255, 205, 0, 255), (255, 255, 255, 255), (232, 232, 232, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    from math import cos, pi, sin

    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -pi / 2 + i * pi / 5
        points.append((cx + radius * cos(angle), cy + radius * sin(angle)))
    return points


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((32, 32, SIZE - 32, SIZE - 32), radius=190, fill=RED)
    # The door frame and its open leaf, wide enough to read at 16 px.
    left, top, right, bottom = 300, 380, 724, 900
    pen.rectangle((left, top, right, bottom), fill=WHITE)
    pen.polygon([(left + 40, top + 40), (left + 250, top + 90), (left + 250, bottom), (left + 40, bottom)],
                fill=SHADE)
    pen.ellipse((left + 190, 630, left + 230, 670), fill=RED)
    pen.polygon(_star(SIZE / 2, 225, 150), fill=GOLD)
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "app.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "app.ico", sizes=ICO_SIZES)
    print(f"Đã vẽ {ICONS / 'app.png'} và {ICONS / 'app.ico'}")


if __name__ == "__main__":
    main()
