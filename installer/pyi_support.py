"""Helpers for build.spec: the version, Windows version info, and what to cut from the bundle.

Kept out of the spec so the rules can be read in one place and tested without PyInstaller
running (tests/packaging/test_bundle_rules.py).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Một Cửa Desktop"
COMPANY = "Văn phòng HĐND và UBND huyện"


def read_version(root: Path) -> str:
    """motcua_desktop.__version__, read from the file (importing it would import the app)."""
    text = (root / "motcua_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("Không đọc được __version__ trong motcua_desktop/__init__.py")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a suffix such as 'rc1' or '.dev2' is ignored."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers[:4])  # type: ignore[return-value]


def windows_version_file(version: str, original_filename: str, description: str) -> str:
    """The VERSIONINFO resource (Properties > Details on Windows) in PyInstaller's version-file
    syntax; EXE(version=<file>) reads it. Text rather than PyInstaller's classes, whose module
    needs pefile, which exists only on Windows."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": original_filename.rsplit(".", 1)[0],
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": original_filename,
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # 042A = Vietnamese, 04B0 = Unicode (1200).
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('042A04B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""


def guide_files(guide: Path) -> list[Path]:
    """The user guide and every picture it shows (they must exist: a broken guide fails the build)."""
    text = guide.read_text(encoding="utf-8")
    pictures = [guide.parent / name for name in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)]
    missing = [str(p) for p in pictures if not p.is_file()]
    if missing:
        raise SystemExit("Hướng dẫn sử dụng nhắc tới ảnh không có: " + ", ".join(missing))
    return [guide, *dict.fromkeys(pictures)]


@dataclass(frozen=True)
class Cut:
    """Files matching ``patterns`` (glob over the bundle path, '/'-separated, lower case)."""

    patterns: tuple[str, ...]
    why: str

    def matches(self, dest: str) -> bool:
        name = dest.replace("\\", "/").lower()
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.patterns)


# Qt lives under PySide6/Qt/{lib,plugins,translations} on Linux and PySide6/{plugins,translations}
# next to the DLLs on Windows; each pattern covers both.
CUTS: tuple[Cut, ...] = (
    Cut(("pyside6/qt/translations/*", "pyside6/translations/*"),
        "Qt's own translations: Qt ships no Vietnamese (qtbase_vi); ours are resources/i18n/*.qm"),
    Cut(("opengl32sw.dll", "*/opengl32sw.dll"),
        "Mesa software OpenGL for Windows (~20 MB): only Qt Quick/OpenGL use it; widgets paint "
        "with Qt's raster engine"),
    Cut(("*/plugins/tls/*", "*/plugins/networkinformation/*"),
        "TLS backends and network-state plugins: the app never opens a network connection "
        "(libQt6Network itself stays, QtPdf links it)"),
    Cut(("*/plugins/platforms/*eglfs*", "*/plugins/platforms/*linuxfb*", "*/plugins/platforms/*vnc*",
         "*/plugins/platforms/*vkkhrdisplay*", "*/plugins/platforms/*minimalegl*",
         "*/plugins/platforms/*direct2d*", "*/plugins/egldeviceintegrations/*",
         "*libqt6eglfs*"),
        "Window-system plugins for kiosks and remote screens (EGLFS, linuxfb, VNC, Vulkan display, "
        "Direct2D): an office PC runs Windows, X11 or Wayland; xcb, wayland, windows, offscreen "
        "and minimal stay"),
    Cut(("*/plugins/generic/*",),
        "evdev/tslib/TUIO input drivers: only loaded on request (-plugin) by the framebuffer "
        "platforms cut above"),
    Cut(("*/plugins/imageformats/*qtiff*", "*/plugins/imageformats/*qwebp*",
         "*/plugins/imageformats/*qicns*", "*/plugins/imageformats/*qtga*",
         "*/plugins/imageformats/*qwbmp*", "*/plugins/imageformats/*qjpeg*",
         "*/plugins/imageformats/*qpdf*"),
        "Image formats Qt never has to read here (TIFF, WebP, ICNS, TGA, WBMP, JPEG, PDF-as-image): "
        "icons are SVG/PNG/ICO, PNG is built into QtGui, the PDF preview renders through QtPdf; "
        "ICO/GIF/SVG stay"),
    Cut(("*/plugins/platformthemes/*gtk3*",),
        "GTK3 theme bridge: it would need GTK in the bundle; Qt's Fusion style and own dialogs "
        "are used instead (the XDG portal theme stays)"),
    Cut(("*libqt6opengl.so*", "*/qt6opengl.dll", "qt6opengl.dll"),
        "Qt OpenGL helpers: pulled in by PySide6's hooks, linked by nothing kept (checked at build "
        "time), since the QtOpenGL bindings are excluded"),
    Cut(("*/plugins/platforminputcontexts/*virtualkeyboard*", "*qt6virtualkeyboard*", "*qt6quick*",
         "*qt6qml*"),
        "Qt's on-screen keyboard (PySide6-Addons, which carries QtPdf before 6.12) and the Qt Quick/"
        "QML it runs on (~17 MB): office PCs have keyboards; the compose/ibus input methods stay"),
    Cut(("*/plugins/sqldrivers/*", "*/plugins/qmltooling/*", "pyside6/qt/qml/*", "pyside6/qml/*"),
        "Qt SQL drivers and QML: storage is Python's sqlite3, the UI is widgets"),
    Cut(("*/plugins/wayland-*", "*/plugins/platforms/*wayland*", "*libqt6wayland*",
         "*libqt6wlshellintegration*"),
        "Native Wayland: every Wayland desktop (GNOME, KDE) runs X11 programs through XWayland, "
        "which is what Qt falls back to without this plugin; saves libwayland-* in Depends"),
)


# Linux: the PySide6 wheel itself relies on the distribution for X11/xcb, Wayland, fontconfig,
# freetype, glib, D-Bus, EGL/GL and CUPS; the bundle does the same (the .deb declares them)
# instead of shipping a copy of the build machine's libraries that may clash with the GPU
# driver or fontconfig of the PC it runs on. Python's own libraries stay, so the bundle does
# not depend on the distribution's libsqlite3/libffi versions.
LINUX_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
LINUX_KEEP = ("libpython*", "libsqlite3.so*", "libffi.so*", "libbz2.so*", "liblzma.so*", "libz.so*",
              "libexpat.so*", "libmpdec.so*", "libuuid.so*")
LINUX_SYSTEM = Cut(("*",), "Linux system libraries (X11/xcb, Wayland, fontconfig, freetype, glib, "
                           "D-Bus, CUPS, GL, libstdc++): taken from the distribution, like a pip-installed "
                           "PySide6 does; the .deb depends on their packages")


def cut_linux_system_libs(
    toc: Iterable[tuple[str, str, str]],
) -> tuple[list[tuple[str, str, str]], list[tuple[tuple[str, str, str], Cut]]]:
    """Drop the distribution's shared libraries PyInstaller copied next to the executable."""
    kept, dropped = [], []
    for entry in toc:
        dest, source, kind = entry
        name = Path(dest).name
        system = (
            kind in {"BINARY", "SYMLINK"}
            and "/" not in dest.replace("\\", "/")
            and str(source).startswith(LINUX_SYSTEM_DIRS)
            and not any(fnmatch.fnmatchcase(name, pattern) for pattern in LINUX_KEEP)
        )
        (dropped.append((entry, LINUX_SYSTEM)) if system else kept.append(entry))
    return kept, dropped


def cut_bundle(
    toc: Iterable[tuple[str, str, str]],
    cuts: Iterable[Cut] = CUTS,
) -> tuple[list[tuple[str, str, str]], list[tuple[tuple[str, str, str], Cut]]]:
    """Split a PyInstaller TOC (dest, source, kind) into what stays and what is cut (and why)."""
    cuts = tuple(cuts)
    kept, dropped = [], []
    for entry in toc:
        rule = next((cut for cut in cuts if cut.matches(entry[0])), None)
        if rule is None:
            kept.append(entry)
        else:
            dropped.append((entry, rule))
    return kept, dropped


def restore_linked(
    kept: list[tuple[str, str, str]],
    dropped: list[tuple[tuple[str, str, str], Cut]],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[tuple[str, str, str]], list[tuple[tuple[str, str, str], Cut]], list[str]]:
    """Put back every cut library something kept still links to (excludes never remove those).

    ``imports_of(source_path)`` gives the library names a binary links against. Returns the new
    kept and dropped lists and the names restored, so a rule that cuts too much shows up in the
    build log instead of as a missing library on the office PC.
    """
    restored: list[str] = []
    pending = list(kept)
    by_name: dict[str, list[tuple[tuple[str, str, str], Cut]]] = {}
    for item in dropped:  # a library and its symlink share the name; both come back together
        by_name.setdefault(Path(item[0][0]).name.lower(), []).append(item)
    while pending:
        entry = pending.pop()
        if entry[2] not in {"BINARY", "EXTENSION"}:
            continue
        for needed in imports_of(entry[1]):
            for hit, _rule in by_name.pop(Path(needed).name.lower(), []):
                kept.append(hit)
                pending.append(hit)
                restored.append(hit[0])
    still_dropped = [item for items in by_name.values() for item in items]
    return kept, still_dropped, restored


def source_size(entry: tuple[str, str, str]) -> int:
    """Bytes a TOC entry adds to the bundle (a symlink adds nothing)."""
    if entry[2] == "SYMLINK":
        return 0
    try:
        return Path(entry[1]).stat().st_size
    except OSError:
        return 0


def bundle_imports(source: str) -> list[str]:
    """Names of the libraries ``source`` links to, via PyInstaller's own dependency reader."""
    from PyInstaller.depend import bindepend

    try:
        return [name for name, _path in bindepend.get_imports(source)]
    except Exception:  # a data file classified as binary, an unreadable header: nothing linked
        return []
