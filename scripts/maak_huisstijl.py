"""Make templates/huisstijl.docx, the house style dossiergen uses outside a practice.

Run ``python scripts/maak_huisstijl.py [uitvoer.docx]`` (``make huisstijl``). The document is
made by the same code as a practice's own house style (``dossiergen huisstijl --maak``, see
``dossiergen/praktijk/huisstijl_maken.py``); only the logo is drawn here, with Pillow: a
teal rounded square holding a white sheet with a folded corner and three lines of text.
The header shows "Naam van uw bureau" until a practice sets its own name in dossiergen.toml.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

from dossiergen.praktijk.config import DEFAULT_COLOUR
from dossiergen.praktijk.huisstijl_maken import HouseStyleDesign, make_house_style

PLACEHOLDER_NAME = "Naam van uw bureau"
TAGLINE = "Re-integratie en arbeidsdeskundig advies"


def make_logo_png(size: int = 96, colour: str = DEFAULT_COLOUR) -> bytes:
    """The default logo, drawn four times larger and scaled down for smooth edges."""
    scale = 4
    big = size * scale
    accent = tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))
    image = Image.new("RGBA", (big, big), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=int(big * 0.2), fill=accent)
    left, top, right, bottom = (int(big * f) for f in (0.28, 0.2, 0.72, 0.8))
    fold = int(big * 0.16)
    draw.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill="white",
    )
    for fraction in (0.42, 0.58, 0.74):
        y = int(top + (bottom - top) * fraction)
        draw.rectangle(
            (
                left + int(big * 0.07),
                y - int(big * 0.02),
                right - int(big * 0.07),
                y + int(big * 0.02),
            ),
            fill=accent,
        )
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    target = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parent.parent / "templates" / "huisstijl.docx"
    )
    design = HouseStyleDesign(PLACEHOLDER_NAME, koptekst=TAGLINE, logo=make_logo_png())
    target.write_bytes(make_house_style(design))
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
