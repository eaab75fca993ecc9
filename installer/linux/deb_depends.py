"""Print the .deb's Depends: the packages owning the system libraries the bundle links to.

    python installer/linux/deb_depends.py dist/motcua

Reads every ELF file's DT_NEEDED entries (objdump -p), leaves out the libraries the bundle
carries itself, finds each remaining one through ldconfig's cache and its package through
dpkg -S. Fails, naming the library, when one is not installed on the build machine: the
.deb would otherwise install without something Qt needs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, encoding="utf-8").stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def ldconfig_paths() -> dict[str, str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, target = line.strip().partition(" => ")
        name = name.split(" (")[0]
        if "x86-64" in line or "x86_64" in target or not paths.get(name):
            paths.setdefault(name, target)
    return paths


def main() -> int:
    root = Path(sys.argv[1])
    carried = {p.name for p in root.rglob("*")}
    wanted = sorted({lib for elf in elf_files(root) for lib in needed(elf)} - carried)
    where = ldconfig_paths()
    packages: set[str] = set()
    for lib in wanted:
        if lib not in where:
            print(f"deb_depends: thư viện hệ thống {lib} chưa được cài trên máy build", file=sys.stderr)
            return 1
        owner = subprocess.run(["dpkg", "-S", where[lib]], capture_output=True, text=True, encoding="utf-8")
        if owner.returncode != 0:  # /lib vs /usr/lib (merged /usr): ask for the other spelling
            other = where[lib].replace("/usr/lib/", "/lib/", 1) if where[lib].startswith("/usr/") \
                else "/usr" + where[lib]
            owner = subprocess.run(["dpkg", "-S", other], capture_output=True, text=True, encoding="utf-8")
        if owner.returncode != 0:
            print(f"deb_depends: không biết gói nào chứa {where[lib]}", file=sys.stderr)
            return 1
        packages.add(owner.stdout.split(":")[0].strip())
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
