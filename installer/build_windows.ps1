# Build MotCua-Setup-x.y.z.exe on Windows 10/11 (PyInstaller cannot cross-compile).
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs Python 3.11+ (python.org installer, "py" launcher) and NSIS 3 (makensis on PATH or in
# its default folder). Makes build\venv (PyInstaller + the project, not editable), the bundle
# dist\motcua\ (MotCua.exe, motcua-cli.exe, _internal\), runs its smoke test, then compiles
# dist\MotCua-Setup-x.y.z.exe with makensis -WX, and writes its SHA-256 beside it
# (MotCua-Setup-x.y.z.exe.sha256) for users to compare. See docs\BUILD-WINDOWS.md.
#
# Signing (optional): with -CertFile (a .pfx; password in $env:MOTCUA_CERT_PASSWORD) or
# -CertThumbprint (a certificate in the Windows certificate store, e.g. on a token), every
# .exe and .dll of ours in the bundle and then the setup are signed with signtool (Windows
# SDK) and a RFC 3161 time stamp from -TimestampUrl. Without them nothing is signed.
#
# This file is saved as UTF-8 with a BOM: Windows PowerShell 5.1 reads a file without one
# in the ANSI code page and garbles its Vietnamese messages.
param(
    [string]$Python = "py",
    [switch]$SkipSmokeTest,
    [string]$CertFile = "",
    [string]$CertThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Root = (Get-Location).Path

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What thất bại (mã $LASTEXITCODE)" }
}

$Signing = ($CertFile -ne "") -or ($CertThumbprint -ne "")
function Find-SignTool {
    $tool = (Get-Command signtool -ErrorAction SilentlyContinue).Source
    if ($tool) { return $tool }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName -Descending | Select-Object -First 1
    if ($found) { return $found.FullName }
    throw "Không tìm thấy signtool.exe: cài Windows SDK (thành phần 'Signing Tools for Desktop Apps')"
}
function Get-SignArgs {
    $how = @("sign", "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256", "/d", "Mot Cua Desktop")
    if ($CertFile) {
        $how += @("/f", $CertFile)
        if ($env:MOTCUA_CERT_PASSWORD) { $how += @("/p", $env:MOTCUA_CERT_PASSWORD) }
    } else {
        $how += @("/sha1", $CertThumbprint)
    }
    return $how
}
function Invoke-Sign([string[]]$Files) {
    if (-not $Signing -or $Files.Count -eq 0) { return }
    $tool = Find-SignTool
    $how = Get-SignArgs
    Invoke-Checked "ký số $($Files.Count) tệp" { & $tool @how @Files }
    Invoke-Checked "kiểm tra chữ ký" { & $tool verify /pa /q @Files }
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

if ($Signing) {
    # ours: the two launchers; Python's and Qt's DLLs come signed by their makers or not at all,
    # and signing them again would change files other tools check by hash
    Invoke-Sign @((Join-Path $Root "dist\motcua\MotCua.exe"), (Join-Path $Root "dist\motcua\motcua-cli.exe"))
}

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    foreach ($dir in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($dir -and (Test-Path "$dir\NSIS\makensis.exe")) { $makensis = "$dir\NSIS\makensis.exe"; break }
    }
}
if (-not $makensis) { throw "Không tìm thấy makensis: cài NSIS 3 (https://nsis.sourceforge.io) hoặc 'winget install NSIS.NSIS'" }
$nsisArgs = @("-WX", "-V2", "/DVERSION=$Version", "/DPAYLOAD=$Root\dist\motcua", "/DOUTDIR=$Root\dist")
if ($Signing) {
    # makensis signs the uninstaller it embeds and the finished setup (!uninstfinalize, !finalize)
    $quoted = (@(Find-SignTool) + (Get-SignArgs) | ForEach-Object { '"' + $_ + '"' }) -join " "
    $nsisArgs += "/DSIGN_CMD=$quoted"
}
Invoke-Checked "makensis" { & $makensis @nsisArgs "installer\motcua.nsi" }
$setup = Join-Path $Root "dist\MotCua-Setup-$Version.exe"
if ($Signing) { Invoke-Checked "kiểm tra chữ ký bộ cài" { & (Find-SignTool) verify /pa /q $setup } }
$hash = (Get-FileHash -Algorithm SHA256 $setup).Hash.ToLowerInvariant()
$hashFile = "$setup.sha256"
[System.IO.File]::WriteAllText($hashFile, "$hash  MotCua-Setup-$Version.exe`n", (New-Object System.Text.UTF8Encoding($false)))
Write-Host ("Đã tạo {0} ({1:N1} MB)" -f $setup, ((Get-Item $setup).Length / 1MB))
Write-Host "SHA-256: $hash (ghi trong $hashFile)"
