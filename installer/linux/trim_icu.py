"""Rebuild Qt's libicudata (32 MB on Linux) with only the ICU data Một Cửa Desktop can use.

    python installer/linux/trim_icu.py PATH/TO/libicudata.so.NN OUT_DIR  -> OUT_DIR/libicudata.so.NN

libicudata holds no code, only one symbol (icudtNN_dat) with the ICU data package. Qt uses ICU
for collation (QCollator), case mapping, text codecs and time-zone names. Kept: everything
that is not locale-specific (properties, normalisation, time zones, break rules, converter
aliases) and the root, Vietnamese and English locales of every tree, including Vietnamese
collation. Dropped: the other ~750 locales' names, currencies, units and collations, the
legacy-codepage converter tables (the app reads and writes UTF-8 only; UTF-*, Latin-1 and
ASCII converters are code in libicuuc) and the CJK/Thai word-break dictionaries and
transliterators. Tools: objcopy (binutils), icupkg and genccode (icu-devtools), a C compiler.
``motcua --smoke-test`` checks Vietnamese collation in the bundle afterwards.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = ("objcopy", "nm", "icupkg", "genccode", "cc")
KEEP_LOCALES = {"root", "vi", "vi_VN", "en", "en_US", "en_US_POSIX", "en_001", "res_index"}
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*$")  # also "de__PHONEBOOK"


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def is_icu_data(dest: str) -> bool:
    """Whether a bundle path is ICU's data library (libicudata.so.73)."""
    return re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name) is not None


def dropped(item: str) -> bool:
    """Whether an item of the package (e.g. 'coll/fr.res', 'ibm-1047_P100-1995.cnv') goes."""
    folder, _, name = item.rpartition("/")
    stem, _, ext = name.rpartition(".")
    if ext == "cnv":
        return True
    if folder == "translit" or (folder == "brkitr" and ext == "dict"):
        return True
    return ext == "res" and bool(_LOCALE.match(stem)) and stem not in KEEP_LOCALES


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True, encoding="utf-8").stdout


def trim(library: Path, out_dir: Path) -> Path:
    lacking = missing_tools()
    if lacking:
        raise RuntimeError("thiếu công cụ để thu gọn dữ liệu ICU: " + ", ".join(lacking)
                           + " (apt-get install binutils icu-devtools gcc)")
    symbol = next(line.split()[-1] for line in _run("nm", "-D", "--defined-only", str(library)).splitlines()
                  if re.search(r"icudt\d+_dat$", line))
    package = symbol[: -len("_dat")] + "l"  # icudt73_dat -> icudt73l (little-endian package)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        full = work / f"{package}.dat"
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full))
        items = _run("icupkg", "-l", str(full)).split()
        if not items:
            raise RuntimeError(f"không đọc được gói dữ liệu ICU trong {library}")
        remove = [item for item in items if dropped(item)]
        (work / "remove.txt").write_text("\n".join(remove) + "\n")
        small_dir = work / "small"
        small_dir.mkdir()
        small = small_dir / f"{package}.dat"
        # The word-break dictionaries (Thai, Lao, Burmese, Khmer, CJK) are referenced from
        # brkitr/root.res; without them ICU breaks those scripts by rule instead.
        _run("icupkg", "--ignore-deps", "-r", str(work / "remove.txt"), str(full), str(small))
        _run("genccode", "-a", "gcc", "-e", symbol[: -len("_dat")], "-d", str(work), str(small))
        assembly = next(work.glob("*.S"))
        target = out_dir / library.name
        _run("cc", "-shared", "-nostdlib", "-Wl,-z,noexecstack", f"-Wl,-soname,{library.name}",
             "-o", str(target), str(assembly))
    print(f"trim_icu: {library.name}: bỏ {len(remove)}/{len(items)} mục, "
          f"{library.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB")
    return target


if __name__ == "__main__":
    trim(Path(sys.argv[1]), Path(sys.argv[2]))
