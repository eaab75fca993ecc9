"""Hatch build hook: the user guide and the pictures it shows travel inside the wheel, as
``motcua_desktop/_data/resources/docs`` (where ``paths.docs_dir()`` looks when installed), so
F1 works from an installed wheel as from the checkout and the frozen bundle.

The pictures are read from the guide itself by the function build.spec uses for the bundle: a
guide that names a missing picture fails the build instead of showing a broken image.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

sys.path.insert(0, str(Path(__file__).resolve().parent / "installer"))
from pyi_support import guide_files  # noqa: E402 - the same list build.spec bundles

GUIDE = Path("docs") / "huong-dan-su-dung.md"
TARGET = "motcua_desktop/_data/resources/docs"


class GuideHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads docs/ from the checkout
        for file in guide_files(Path(self.root) / GUIDE):
            build_data["force_include"][str(file)] = f"{TARGET}/{file.name}"
