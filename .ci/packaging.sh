#!/usr/bin/env bash
# CI proof of the offline installer, from the clean checkout:
#   1. build the Linux bundle, .tar.gz and .deb (installer/build_linux.sh);
#   2. with networking removed (unshare -n): the frozen `motcua --smoke-test`, and a frozen
#      `motcua init --demo` + `motcua report` whose PDF must read "BÁO CÁO" and the district;
#   3. sizes against the goals (<= 120 MB unpacked, <= 45 MB packed);
#   4. `makensis -WX` on the Windows installer script with a stand-in payload;
#   5. the .deb unpacked with dpkg -x into a scratch root: its smoke test (offscreen and on
#      Xvfb through xcb), its menu entry, icon and Depends;
#   6. the .tar.gz unpacked and run; the startup benchmark printed (when .venv exists).
# Needs (Debian): nsis binutils icu-devtools gcc poppler-utils xvfb, plus Qt's libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export MOTCUA_DATA_DIR=$SCRATCH/user  # the frozen app never touches a real user folder
step() { printf '\n== packaging: %s (%ss)\n' "$1" "$SECONDS"; }
fail() { echo "packaging: LỖI: $*" >&2; exit 1; }

# No network for the frozen app: a private network namespace holds only a downed loopback.
if unshare -n true 2>/dev/null; then
  offline() { unshare -n "$@"; }
elif command -v sudo >/dev/null && sudo -n unshare -n true 2>/dev/null; then
  offline() { sudo -n --preserve-env unshare -n "$@"; }
else
  fail "unshare -n không chạy được (cần quyền root hoặc user namespaces)"
fi
offline sh -c 'cat /proc/net/dev' | tail -n +3 | grep -qv '^ *lo:' && fail "unshare -n còn giao diện mạng"

step "build"
installer/build_linux.sh
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' motcua_desktop/__init__.py)
BUNDLE=dist/motcua
DEB=$(ls dist/motcua_"$VERSION"_*.deb)
TARBALL=dist/motcua-$VERSION-linux-x86_64.tar.gz

step "smoke test của bản đóng gói, không mạng"
offline "$BUNDLE/motcua" --smoke-test

step "motcua init/report/export/import/backup/check, không mạng"
offline "$BUNDLE/motcua" init --demo --db "$SCRATCH/mau.sqlite"
offline "$BUNDLE/motcua" report --db "$SCRATCH/mau.sqlite" --out "$SCRATCH/bao-cao.pdf"
pdftotext -layout "$SCRATCH/bao-cao.pdf" "$SCRATCH/bao-cao.txt"
grep -q "BÁO CÁO" "$SCRATCH/bao-cao.txt" || fail "PDF không có chữ BÁO CÁO"
grep -q "Chi Lăng" "$SCRATCH/bao-cao.txt" || fail "PDF không có tên huyện Chi Lăng"
grep -q "Mai Sao" "$SCRATCH/bao-cao.txt" || fail "PDF không có phụ lục các xã (Mai Sao)"
pdffonts "$SCRATCH/bao-cao.pdf" | grep -q "yes yes" || fail "PDF không nhúng phông chữ"
# The other formats and the workbook round trip go through libraries with data files of their own.
offline "$BUNDLE/motcua" report --db "$SCRATCH/mau.sqlite" --out "$SCRATCH/bao-cao.docx"
offline "$BUNDLE/motcua" report --db "$SCRATCH/mau.sqlite" --out "$SCRATCH/bao-cao.xlsx"
offline "$BUNDLE/motcua" export --db "$SCRATCH/mau.sqlite" --out "$SCRATCH/du-lieu.xlsx"
offline "$BUNDLE/motcua" init --db "$SCRATCH/trong.sqlite"
offline "$BUNDLE/motcua" import --db "$SCRATCH/trong.sqlite" "$SCRATCH/du-lieu.xlsx"
offline "$BUNDLE/motcua" backup --db "$SCRATCH/trong.sqlite" --out "$SCRATCH/sao-luu.sqlite"
offline "$BUNDLE/motcua" check --db "$SCRATCH/sao-luu.sqlite"
# the official unit list (vietnam-provinces) travels in the bundle: a province and a commune
offline "$BUNDLE/motcua" init --office 20 --db "$SCRATCH/tinh.sqlite" > "$SCRATCH/tinh.txt"
grep -q "66 đơn vị" "$SCRATCH/tinh.txt" \
  || fail "init --office 20 không tạo 66 đơn vị (danh mục đơn vị hành chính thiếu trong bản đóng gói)"
offline "$BUNDLE/motcua" init --office 06463 --db "$SCRATCH/xa.sqlite"
offline "$BUNDLE/motcua" report --db "$SCRATCH/xa.sqlite" --out "$SCRATCH/xa.pdf" 2>/dev/null
pdftotext -layout "$SCRATCH/xa.pdf" "$SCRATCH/xa.txt"  # a file: grep -q on a pipe trips pipefail
grep -q "XÃ CHI LĂNG" "$SCRATCH/xa.txt" || fail "báo cáo của xã không có XÃ CHI LĂNG"
# Output redirected in a code page without Vietnamese (Windows: cp1252/cp1258 for a file or a
# pipe): the frozen CLI still writes UTF-8 and exits 0
PYTHONIOENCODING=cp1252 offline "$BUNDLE/motcua" check --db "$SCRATCH/mau.sqlite" > "$SCRATCH/cp1252.txt" \
  || fail "motcua check > tệp thất bại khi bảng mã là cp1252"
grep -q "nguyên vẹn" "$SCRATCH/cp1252.txt" || fail "đầu ra chuyển hướng không phải UTF-8"

step "kích thước"
UNPACKED=$(du -sb "$BUNDLE" | cut -f1)
PACKED=$(stat -c %s "$TARBALL")
awk -v u="$UNPACKED" -v p="$PACKED" -v d="$(stat -c %s "$DEB")" 'BEGIN {
  printf "gói chưa nén: %.1f MB (mục tiêu <= 120)\ngói .tar.gz:  %.1f MB (mục tiêu <= 45)\n.deb:         %.1f MB\n", u/1e6, p/1e6, d/1e6 }'
[ "$UNPACKED" -le 120000000 ] || fail "gói chưa nén vượt 120 MB"
[ "$PACKED" -le 45000000 ] || fail "gói .tar.gz vượt 45 MB"

step "makensis -WX (bộ cài Windows, gói thay thế)"
PAYLOAD=$SCRATCH/payload
mkdir -p "$PAYLOAD/_internal/resources"
cp -r resources/. "$PAYLOAD/_internal/resources/"
printf 'MZ stand-in\n' > "$PAYLOAD/MotCua.exe"
printf 'MZ stand-in\n' > "$PAYLOAD/motcua-cli.exe"
makensis -WX -V2 -DVERSION="$VERSION" -DPAYLOAD="$PAYLOAD" -DOUTDIR="$SCRATCH" installer/motcua.nsi
[ -s "$SCRATCH/MotCua-Setup-$VERSION.exe" ] || fail "makensis không tạo MotCua-Setup-$VERSION.exe"

step ".deb: dpkg -x vào thư mục tạm"
ROOTFS=$SCRATCH/rootfs
dpkg -x "$DEB" "$ROOTFS"
[ "$(readlink "$ROOTFS/usr/bin/motcua")" = /opt/motcua/motcua ] || fail "/usr/bin/motcua không trỏ tới /opt/motcua/motcua"
grep -q '^Exec=motcua' "$ROOTFS/usr/share/applications/motcua.desktop" || fail ".desktop thiếu Exec"
[ -s "$ROOTFS/usr/share/icons/hicolor/256x256/apps/motcua.png" ] || fail ".deb thiếu biểu tượng"
dpkg-deb -f "$DEB" Depends | grep -q libxcb-cursor0 || fail ".deb thiếu Depends libxcb-cursor0"
offline "$ROOTFS/opt/motcua/motcua" --smoke-test
if command -v xvfb-run >/dev/null; then
  # The same on a real X server: the xcb plugin and the system libraries the .deb depends on.
  offline xvfb-run -a -s "-screen 0 1280x1024x24" env -u QT_QPA_PLATFORM \
    "$ROOTFS/opt/motcua/motcua" --smoke-test > "$SCRATCH/xcb.txt" || fail "smoke test trên X (xcb) không đạt"
  cat "$SCRATCH/xcb.txt"
  grep -q "(xcb)" "$SCRATCH/xcb.txt" || fail "smoke test không chạy trên nền xcb"
fi

step ".tar.gz: giải nén và chạy"
mkdir -p "$SCRATCH/tar"
tar -C "$SCRATCH/tar" -xzf "$TARBALL"
offline "$SCRATCH/tar/motcua/motcua" --version | grep -q "$VERSION" || fail ".tar.gz: motcua --version sai"

if [ -x .venv/bin/python ]; then
  step "khởi động: bản đóng gói so với mã nguồn (chỉ để xem)"
  .venv/bin/python bench/bench_startup.py --bundle "$BUNDLE/motcua" --runs 3 \
    || echo "packaging: cảnh báo: khởi động bản đóng gói chậm hơn 1,5 lần mã nguồn"
fi

step "đạt"
