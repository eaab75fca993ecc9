#!/usr/bin/env bash
# Build the Linux bundle, the .deb and the .tar.gz of Một Cửa Desktop from a clean checkout:
#
#     installer/build_linux.sh
#
# Needs Python 3.11+ (with its shared library, as PyInstaller requires), dpkg-deb, binutils,
# icu-devtools and gcc (to trim Qt's ICU data; MOTCUA_REQUIRE_ICU_TRIM=0 builds without), and
# the system libraries Qt links to (the .deb's Depends is computed from them). On Debian:
#   apt-get install binutils icu-devtools gcc libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 \
#     libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
#     libxcb-shape0 libxcb-xkb1 libfontconfig1 libdbus-1-3 libcups2
# Makes its own build venv (build/venv: PyInstaller + the project, not editable), then:
#   dist/motcua/                               the one-folder bundle (run dist/motcua/motcua)
#   dist/motcua-X.Y.Z-linux-x86_64.tar.gz      the bundle for machines without dpkg
#   dist/motcua_X.Y.Z_amd64.deb                /opt/motcua, /usr/bin/motcua, menu entry, icon
# MOTCUA_PYTHON picks the interpreter (default python3); MOTCUA_BUILD_VENV reuses a venv that
# already has the project and PyInstaller installed (skips the pip step).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PYTHON=${MOTCUA_PYTHON:-python3}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' motcua_desktop/__init__.py)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
[ -n "$VERSION" ] || { echo "Không đọc được __version__" >&2; exit 1; }
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "môi trường build"
if [ -n "${MOTCUA_BUILD_VENV:-}" ]; then
  VENV=$MOTCUA_BUILD_VENV
else
  VENV=$ROOT/build/venv
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # Not editable: the bundle must be built from what a user would install.
  "$VENV/bin/python" -m pip install -q "$ROOT[build]"
fi
# CI and release builds must trim ICU (installer/linux/trim_icu.py) or stop, not grow by 28 MB.
export MOTCUA_REQUIRE_ICU_TRIM=${MOTCUA_REQUIRE_ICU_TRIM:-1}

step "PyInstaller"
rm -rf dist/motcua build/pyinstaller
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
BUNDLE=$ROOT/dist/motcua
dangling=$(find "$BUNDLE" -xtype l)
[ -z "$dangling" ] || { echo "Liên kết hỏng trong gói: $dangling" >&2; exit 1; }

step "tar.gz"
TARBALL=dist/motcua-$VERSION-linux-x86_64.tar.gz
tar -C dist --owner=0 --group=0 -cf - motcua | gzip -9 > "$TARBALL"

step "deb"
STAGE=$ROOT/build/deb/motcua_${VERSION}_$ARCH
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/motcua"
cp -a "$BUNDLE" "$STAGE/opt/motcua"
ln -s /opt/motcua/motcua "$STAGE/usr/bin/motcua"
cp resources/icons/app.png "$STAGE/usr/share/icons/hicolor/256x256/apps/motcua.png"
cp installer/linux/motcua.desktop "$STAGE/usr/share/applications/motcua.desktop"
cp docs/huong-dan-su-dung.md "$STAGE/usr/share/doc/motcua/"
printf 'Một Cửa Desktop %s\nLicense: GPL-3.0-or-later\nFonts: Liberation Serif, SIL Open Font License 1.1 (see /opt/motcua/_internal/resources/fonts)\n' \
  "$VERSION" > "$STAGE/usr/share/doc/motcua/copyright"

# Depends: the packages owning every system library a bundled ELF file links to directly
# (what dpkg-shlibdeps does, without needing a debian/ source tree).
DEPENDS=$("$VENV/bin/python" installer/linux/deb_depends.py "$BUNDLE")
INSTALLED_KB=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: motcua
Version: $VERSION
Architecture: $ARCH
Maintainer: Một Cửa Desktop <motcua@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: misc
Priority: optional
Homepage: https://localhost/motcua
Description: Quản lý Bộ phận Một cửa và lập báo cáo theo Nghị định 30/2020
 Một Cửa Desktop: the register of a district's one-stop-shop units, their staff and
 equipment, and the official report (PDF, DOCX, XLSX). Works offline.
EOF
DEB=dist/motcua_${VERSION}_$ARCH.deb
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null

step "xong"
printf 'gói (chưa nén): %s byte\n' "$(du -sb "$BUNDLE" | cut -f1)"
printf '%s: %s byte\n' "$TARBALL" "$(stat -c %s "$TARBALL")"
printf '%s: %s byte\n' "$DEB" "$(stat -c %s "$DEB")"
printf 'Depends: %s\n' "$DEPENDS"
