"""What build.spec cuts from the bundle, which libraries it puts back, and the ICU trim rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "installer" / "linux"))

import pyi_support  # noqa: E402
import trim_icu  # noqa: E402


def _toc(*dests: str, kind: str = "BINARY") -> list[tuple[str, str, str]]:
    return [(dest, f"/src/{dest}", kind) for dest in dests]


def test_qt_translations_software_opengl_and_kiosk_platforms_are_cut_on_both_layouts() -> None:
    toc = _toc(
        "PySide6/Qt/translations/qtbase_de.qm",  # Linux layout
        "PySide6/translations/qtbase_fr.qm",  # Windows layout
        "opengl32sw.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    )
    kept, dropped = pyi_support.cut_bundle(toc)
    assert kept == []
    assert {entry[0] for entry, _ in dropped} == {entry[0] for entry in toc}
    assert all(rule.why for _, rule in dropped)


def test_what_the_window_needs_stays() -> None:
    toc = _toc(
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",  # QtPdf links it
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "resources/i18n/qtbase_vi.qm",  # our own Qt translation is not Qt's
    )
    kept, dropped = pyi_support.cut_bundle(toc)
    assert dropped == []
    assert kept == toc


def test_a_cut_library_something_kept_links_to_is_put_back_with_its_symlink() -> None:
    kept = _toc("PySide6/Qt/plugins/platforms/libqxcb.so")
    eglfs = ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "/src/eglfs", "BINARY")
    link = ("libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "SYMLINK")
    unused = ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "/src/evdev", "BINARY")
    _, dropped = pyi_support.cut_bundle([eglfs, link, unused])
    links = {"/src/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6EglFSDeviceIntegration.so.6", "libc.so.6"]}

    kept, still_dropped, restored = pyi_support.restore_linked(kept, dropped, lambda src: links.get(src, []))

    assert eglfs in kept and link in kept
    assert [entry for entry, _ in still_dropped] == [unused]
    assert sorted(restored) == sorted([eglfs[0], link[0]])


def test_linux_system_libraries_are_left_to_the_distribution_but_python_s_own_stay() -> None:
    toc = [
        ("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "BINARY"),
        ("libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"),
        ("libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/venv/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
    ]
    kept, dropped = pyi_support.cut_linux_system_libs(toc)
    assert [entry[0] for entry, _ in dropped] == ["libX11.so.6", "libstdc++.so.6"]
    assert [entry[0] for entry in kept] == ["libsqlite3.so.0", "libpython3.11.so.1.0", "libQt6Core.so.6",
                                            "PySide6/Qt/lib/libQt6Core.so.6"]


def test_version_is_read_from_the_package_and_padded_for_windows() -> None:
    from motcua_desktop import __version__

    assert pyi_support.read_version(ROOT) == __version__
    assert pyi_support.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert pyi_support.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert pyi_support.version_tuple("2") == (2, 0, 0, 0)


def test_windows_version_file_is_pyinstaller_syntax_naming_the_product_in_vietnamese() -> None:
    # PyInstaller evaluates the file with its version-info classes; record what they receive.
    def record(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    text = pyi_support.windows_version_file("1.2.3", "motcua-cli.exe", "Một Cửa Desktop (dòng lệnh)")
    info = eval(text, {name: record(name) for name in names})  # noqa: S307 - our own text

    fixed = info[2]["ffi"]
    assert fixed[2]["filevers"] == (1, 2, 3, 0) and fixed[2]["prodvers"] == (1, 2, 3, 0)
    table = info[2]["kids"][0][1][0][0]
    strings = {item[1][0]: item[1][1] for item in table[1][1]}
    assert table[1][0] == "042A04B0"
    assert strings["ProductName"] == "Một Cửa Desktop"
    assert strings["FileDescription"] == "Một Cửa Desktop (dòng lệnh)"
    assert strings["OriginalFilename"] == "motcua-cli.exe"
    assert strings["FileVersion"] == "1.2.3"


@pytest.mark.parametrize(
    ("item", "goes"),
    [
        ("coll/vi.res", False), ("coll/root.res", False), ("coll/ucadata.icu", False),
        ("vi.res", False), ("en_US.res", False), ("res_index.res", False), ("pool.res", False),
        ("zoneinfo64.res", False), ("supplementalData.res", False), ("nfkc.nrm", False),
        ("cnvalias.icu", False), ("brkitr/word.brk", False), ("units.res", False),
        ("coll/fr.res", True), ("coll/de__PHONEBOOK.res", True), ("zh_Hant_HK.res", True),
        ("lang/sr_Latn_BA.res", True), ("ibm-1047_P100-1995.cnv", True),
        ("brkitr/cjdict.dict", True), ("translit/root.res", True),
    ],
)
def test_icu_trim_keeps_root_vietnamese_english_and_shared_data(item: str, goes: bool) -> None:
    assert trim_icu.dropped(item) is goes
    assert trim_icu.is_icu_data("PySide6/Qt/lib/libicudata.so.73")
    assert not trim_icu.is_icu_data("PySide6/Qt/lib/libicuuc.so.73")


def test_only_the_icon_font_the_window_loads_is_bundled() -> None:
    from importlib.util import find_spec

    spec = find_spec("qtawesome")
    assert spec is not None and spec.origin is not None
    fonts = sorted(p.name for p in (Path(spec.origin).parent / "fonts").iterdir())
    toc = _toc(*(f"qtawesome/fonts/{name}" for name in fonts), kind="DATA")
    kept, dropped = pyi_support.cut_bundle(toc)
    assert sorted(Path(entry[0]).name for entry in kept) == [
        name for name in fonts if name.startswith("fontawesome5-solid-webfont-")
    ] and len(kept) == 2  # the font and its charmap, what ui/icons.py loads
    assert len(dropped) == len(fonts) - 2
