# Build MotCua-Setup-x.y.z.exe on Windows 10/11 (PyInstaller cannot cross-compile).
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs Python 3.11+ (python.org installer, "py" launcher) and NSIS 3 (makensis on PATH or in
# its default folder). Makes build\venv (PyInstaller + the project, not editable), the bundle
# dist\motcua\ (MotCua.exe, motcua-cli.exe, _internal\), runs its smoke test, then compiles
# dist\MotCua-Setup-x.y.z.exe with makensis -WX. See docs\BUILD-WINDOWS.md.
param(
    [string]$Python = "py",
    [switch]$SkipSmokeTest
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Root = (Get-Location).Path

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What thất bại (mã $LASTEXITCODE)" }
}

$match = Select-String -Path "motcua_desktop\__init__.py" -Pattern '^__version__ = "(.+)"'
if (-not $match) { throw "Không đọc được __version__ trong motcua_desktop\__init__.py" }
$Version = $match.Matches[0].Groups[1].Value

$Venv = Join-Path $Root "build\venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if ($Python -eq "py") {
        Invoke-Checked "tạo build\venv" { py -3 -m venv $Venv }
    } else {
        Invoke-Checked "tạo build\venv" { & $Python -m venv $Venv }
    }
}
Invoke-Checked "cập nhật pip" { & $VenvPython -m pip install --quiet --upgrade pip }
Invoke-Checked "cài PyInstaller và chương trình" { & $VenvPython -m pip install --quiet "$Root[build]" }

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "dist\motcua", "build\pyinstaller"
Invoke-Checked "PyInstaller" {
    & $VenvPython -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller build.spec
}

if (-not $SkipSmokeTest) {
    $env:MOTCUA_DATA_DIR = Join-Path $env:TEMP "motcua-build-smoke"
    Invoke-Checked "tự kiểm tra bản đóng gói" { & "dist\motcua\motcua-cli.exe" --smoke-test }
    Remove-Item Env:\MOTCUA_DATA_DIR
}

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    foreach ($dir in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($dir -and (Test-Path "$dir\NSIS\makensis.exe")) { $makensis = "$dir\NSIS\makensis.exe"; break }
    }
}
if (-not $makensis) { throw "Không tìm thấy makensis: cài NSIS 3 (https://nsis.sourceforge.io) hoặc 'winget install NSIS.NSIS'" }
Invoke-Checked "makensis" {
    & $makensis -WX -V2 "/DVERSION=$Version" "/DPAYLOAD=$Root\dist\motcua" "/DOUTDIR=$Root\dist" "installer\motcua.nsi"
}
$setup = Join-Path $Root "dist\MotCua-Setup-$Version.exe"
Write-Host ("Đã tạo {0} ({1:N1} MB)" -f $setup, ((Get-Item $setup).Length / 1MB))
