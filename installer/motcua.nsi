; Một Cửa Desktop — Windows installer (NSIS 3, compiles on Windows or with Debian's makensis).
;
;   makensis -WX /DVERSION=0.1.0 /DPAYLOAD=..\dist\motcua /DOUTDIR=..\dist installer\motcua.nsi
;
; makensis works from this script's folder (unless /NOCD), so relative paths start here.
; PAYLOAD is the PyInstaller one-folder bundle (MotCua.exe, motcua-cli.exe, _internal\).
; Per-user install without administrator rights into %LOCALAPPDATA%\Programs\MotCua by
; default; "all users" (C:\Program Files\MotCua) for PCs whose AppLocker rules block programs
; in user folders, elevated through UAC only when chosen. The register lives in
; %LOCALAPPDATA%\MotCua, created by the app: installing never touches it, upgrading keeps it,
; uninstalling removes it only when the user ticks the box (or passes /REMOVEDATA with /S).
;
; Command line: /S silent; /ALLUSERS or /CURRENTUSER picks the mode without asking;
; /NODESKTOP skips the desktop shortcut; /D=C:\path sets the folder of a first install (last,
; unquoted; an upgrade stays where the installed copy is).
;
; Exit codes: 0 done; 1 cancelled; 2 aborted; 3 Một Cửa Desktop is running (named mutex
; ${MUTEX}, held by every running copy of the app); 4 already installed in the other mode
; (for all users / for one user) and that was not chosen; 740 all-users mode without
; administrator rights.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32
RequestExecutionLevel user

!ifndef VERSION
  !error "Cần /DVERSION=x.y.z (build_windows.ps1 đọc nó từ motcua_desktop/__init__.py)"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\dist\motcua"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif
!ifndef VERSION4
  ; VIProductVersion needs four numbers: 0.2.0rc1 -> 0.2.0.0, 1.0.3.dev2 -> 1.0.3.0. The
  ; pre-release marker stays in the text fields (FileVersion/ProductVersion show ${VERSION}).
  !searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
  !ifndef V_MINOR
    !define V_MINOR 0
  !endif
  !ifndef V_PATCH
    !define V_PATCH 0
  !endif
  !searchparse /noerrors "${V_PATCH}" "" V_PATCH_1 "rc"
  !searchparse /noerrors "${V_PATCH_1}" "" V_PATCH_2 "a"
  !searchparse /noerrors "${V_PATCH_2}" "" V_PATCH_3 "b"
  !searchparse /noerrors "${V_PATCH_3}" "" V_PATCH_4 "dev"
  !searchparse /noerrors "${V_PATCH_4}" "" V_PATCH_5 "+"
  !searchparse /noerrors "${V_PATCH_5}" "" V_PATCH_6 "-"
  !define VERSION4 "${V_MAJOR}.${V_MINOR}.${V_PATCH_6}.0"
!endif

; Optional signing: build_windows.ps1 passes /DSIGN_CMD=<signtool command> when a certificate
; is given; the uninstaller (written into the setup) and the setup itself are signed here.
!ifdef SIGN_CMD
  !uninstfinalize '${SIGN_CMD} "%1"' = 0
  !finalize '${SIGN_CMD} "%1"' = 0
!endif

!define APP_NAME "Một Cửa Desktop"
!define APP_ID "MotCua"
!define APP_EXE "MotCua.exe"
!define CLI_EXE "motcua-cli.exe"
!define PUBLISHER "Một Cửa Desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR_NAME "MotCua"
; Held by the app (motcua_desktop/running.py) as long as it runs; the same name there.
!define MUTEX "Global\MotCuaDesktop.DangChay"
!define EXIT_RUNNING 3
!define EXIT_OTHER_MODE 4

Name "${APP_NAME}"
OutFile "${OUTDIR}\MotCua-Setup-${VERSION}.exe"
; No InstallDir: $INSTDIR is empty in .onInit unless /D= was given, so /D= can be told apart.
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1066 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileDescription" "Bộ cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define MUI_ICON "..\resources\icons\app.ico"
!define MUI_UNICON "..\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"
; An all-users install runs elevated, often with another account's password: "run now" would
; start the app as that administrator (its register in the admin's profile). Offered only to
; a per-user install, which runs as the user.
!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow

Var AllUsers        ; 1: C:\Program Files, HKLM, shortcuts for everyone
Var ModeChosen      ; 1: the mode came from the command line or the elevated restart
Var RadioUser
Var RadioAll
Var RemoveData      ; uninstaller: 1 when the user ticks "also delete the data"
Var RemoveDataBox
Var DirGiven        ; the folder given with /D=, "" without

!insertmacro MUI_PAGE_WELCOME
Page custom ModePageShow ModePageLeave
!define MUI_PAGE_CUSTOMFUNCTION_PRE DirectoryPre
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPageShow un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; ---------------------------------------------------------------------------------------------
; A running copy: upgrading or removing files under it would leave a mix of old and new files.

!macro CheckNotRunning UN
Function ${UN}CheckNotRunning
  check:
    ; SYNCHRONIZE access; "access denied" (5) also means it exists (another user's copy)
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${MUTEX}") p .r1 ?e'
    Pop $R9
    ${If} $1 P<> 0
      System::Call 'kernel32::CloseHandle(p r1)'
    ${ElseIf} $R9 != 5
      Return
    ${EndIf}
    IfSilent 0 +3
      SetErrorLevel ${EXIT_RUNNING}
      Quit
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} đang mở (trên máy này, có thể ở một tài khoản người dùng khác).$\r$\n$\r$\nHãy đóng mọi cửa sổ ${APP_NAME} rồi bấm Thử lại (Retry)." IDRETRY check
    SetErrorLevel ${EXIT_RUNNING}
    Quit
FunctionEnd
!macroend
!insertmacro CheckNotRunning ""
!insertmacro CheckNotRunning "un."

Function FinishShow
  ${If} $AllUsers == 1
    SendMessage $mui.FinishPage.Run ${BM_SETCHECK} ${BST_UNCHECKED} 0
    ShowWindow $mui.FinishPage.Run ${SW_HIDE}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Install mode

!macro SetMode ALL
  StrCpy $AllUsers ${ALL}
  ${If} $AllUsers == 1
    SetShellVarContext all
    ${If} ${RunningX64}
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_ID}"
    ${Else}
      StrCpy $INSTDIR "$PROGRAMFILES\${APP_ID}"
    ${EndIf}
  ${Else}
    SetShellVarContext current
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP_ID}"
  ${EndIf}
!macroend

Function ExistingLocation
  ${If} $AllUsers == 1
    ReadRegStr $R3 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${Else}
    ReadRegStr $R3 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${EndIf}
  Push $R3
FunctionEnd

Function ModePageShow
  ${If} $ModeChosen == 1
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "Cài đặt cho ai?" "Chọn cài cho riêng anh/chị hay cho mọi người dùng trên máy."
  nsDialogs::Create 1018
  Pop $R0
  ${NSD_CreateRadioButton} 0 0 100% 12u "Chỉ cho tôi (khuyên dùng, không cần quyền quản trị)"
  Pop $RadioUser
  ${NSD_CreateLabel} 12u 14u -12u 20u "Cài vào $LOCALAPPDATA\Programs\${APP_ID}."
  Pop $R1
  ${NSD_CreateRadioButton} 0 40u 100% 12u "Mọi người dùng trên máy (cần quyền quản trị)"
  Pop $RadioAll
  ${NSD_CreateLabel} 12u 54u -12u 30u "Cài vào thư mục Program Files. Chọn khi máy cơ quan chặn chương trình chạy từ thư mục người dùng (AppLocker)."
  Pop $R1
  ${NSD_CreateLabel} 0 92u 100% 30u "Dữ liệu (tệp motcua.sqlite và các bản sao lưu) luôn nằm ở thư mục riêng của từng người dùng và không bị bộ cài thay đổi."
  Pop $R1
  ${If} $AllUsers == 1
    ${NSD_Check} $RadioAll
  ${Else}
    ${NSD_Check} $RadioUser
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function UseGivenDir
  ; /D= decides the folder of a first install; an upgrade stays where the copy is
  ${If} $DirGiven != ""
    Call ExistingLocation
    Pop $R2
    ${If} $R2 == ""
      StrCpy $INSTDIR $DirGiven
    ${EndIf}
  ${EndIf}
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $RadioAll $R0
  ${If} $R0 == ${BST_CHECKED}
    ReadRegStr $R3 HKCU "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $R3 != ""
      MessageBox MB_YESNO|MB_ICONQUESTION "Anh/chị đã cài ${APP_NAME} riêng cho mình tại $R3.$\r$\n$\r$\nGỡ bản đó (dữ liệu được giữ nguyên) rồi cài cho mọi người dùng?" IDYES +2
      Abort
      ExecWait '"$R3\uninstall.exe" /S /CURRENTUSER _?=$R3'
      Delete "$R3\uninstall.exe"
      RMDir "$R3"
    ${EndIf}
    UserInfo::GetAccountType
    Pop $R1
    ${If} $R1 != "Admin"
      ; Start again elevated (UAC asks for an administrator) and let that copy do the work.
      ExecShell "runas" "$EXEPATH" "/ALLUSERS"
      Quit
    ${EndIf}
    !insertmacro SetMode 1
  ${Else}
    !insertmacro SetMode 0
  ${EndIf}
  Call ExistingLocation
  Pop $R2
  ${If} $R2 != ""
    StrCpy $INSTDIR $R2
  ${EndIf}
  Call UseGivenDir
FunctionEnd

Function DirectoryPre
  ; An upgrade goes where the previous version is; no need to ask again.
  Call ExistingLocation
  Pop $R2
  ${If} $R2 != ""
    Abort
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Sections

Section "Chương trình ${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade in place: the old program files go (only ours, never the data folder, which is
  ; elsewhere), so no stale library from the previous version is left behind.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\${APP_EXE}"
    Delete "$INSTDIR\${CLI_EXE}"
  ${EndIf}
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"

  ${If} $AllUsers == 1
    WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /ALLUSERS'
    WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /ALLUSERS /S'
  ${Else}
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /CURRENTUSER'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /CURRENTUSER /S'
  ${EndIf}
  ${GetSize} "$INSTDIR" "/S=0K" $R1 $R2 $R3
  IntFmt $R1 "0x%08X" $R1
  ; SHCTX is HKLM after "SetShellVarContext all", HKCU otherwise.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $R1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Biểu tượng trên màn hình nền" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "Chương trình, phông chữ báo cáo, dữ liệu mẫu và hướng dẫn sử dụng."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "Đặt biểu tượng ${APP_NAME} trên màn hình nền."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; After the sections: .onInit unselects ${SecDesktop} for /NODESKTOP.
Function .onInit
  StrCpy $DirGiven $INSTDIR
  Call CheckNotRunning
  StrCpy $ModeChosen 0
  ${GetParameters} $R0
  ; One install per machine or per user: an all-users copy (HKLM) is upgraded as such; a
  ; per-user one of this account (HKCU) likewise. Nothing given: the mode already installed.
  ReadRegStr $R4 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $R5 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    !insertmacro SetMode 1
    StrCpy $ModeChosen 1
  ${Else}
    ClearErrors
    ${GetOptions} $R0 "/CURRENTUSER" $R1
    ${IfNot} ${Errors}
      ${If} $R4 != ""
        MessageBox MB_ICONSTOP "${APP_NAME} đã được cài cho mọi người dùng tại $R4. Hãy cập nhật bản đó (chạy bộ cài với quyền quản trị) thay vì cài thêm một bản riêng." /SD IDOK
        SetErrorLevel ${EXIT_OTHER_MODE}
        Quit
      ${EndIf}
      !insertmacro SetMode 0
      StrCpy $ModeChosen 1
    ${ElseIf} $R4 != ""
      !insertmacro SetMode 1
      StrCpy $ModeChosen 1
    ${Else}
      !insertmacro SetMode 0
      ${If} $R5 != ""
        StrCpy $ModeChosen 1
      ${EndIf}
    ${EndIf}
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R1
    ${If} $R1 != "Admin"
      IfSilent +3
      ; interactive: start again through UAC with the same options (/D= stays last)
      ExecShell "runas" "$EXEPATH" "/ALLUSERS $R0"
      Quit
      MessageBox MB_ICONSTOP "Cài đặt cho mọi người dùng cần quyền quản trị (chạy bộ cài bằng 'Run as administrator')." /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
  ${EndIf}
  ; Upgrading: install over the existing copy of the same mode, wherever it is.
  Call ExistingLocation
  Pop $R2
  ${If} $R2 != ""
    StrCpy $INSTDIR $R2
  ${EndIf}
  Call UseGivenDir
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Uninstaller

Function un.onInit
  Call un.CheckNotRunning
  StrCpy $RemoveData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
    SetShellVarContext all
  ${Else}
    StrCpy $AllUsers 0
    SetShellVarContext current
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $RemoveData 1
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R1
    ${If} $R1 != "Admin"
      ; Program Files needs an administrator: start the uninstaller again through UAC.
      ExecShell "runas" "$INSTDIR\uninstall.exe" "$R0"
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.DataPageShow
  !insertmacro MUI_HEADER_TEXT "Dữ liệu của anh/chị" "Chương trình sẽ được gỡ; dữ liệu được giữ lại nếu không chọn xóa."
  nsDialogs::Create 1018
  Pop $R0
  ${NSD_CreateLabel} 0 0 100% 36u "Dữ liệu (tệp motcua.sqlite, các bản sao lưu, thiết lập) nằm ở $LOCALAPPDATA\${DATA_DIR_NAME}. Mặc định thư mục này được giữ lại để cài lại hoặc chuyển sang máy khác."
  Pop $R1
  ${NSD_CreateCheckbox} 0 44u 100% 12u "Xóa cả dữ liệu (không thể khôi phục)"
  Pop $RemoveDataBox
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $R0
  ${If} $R0 == ${BST_CHECKED}
    StrCpy $RemoveData 1
  ${Else}
    StrCpy $RemoveData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there: the bundle, the uninstaller, shortcuts, the registry key.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ${If} $RemoveData == 1
    ; The data folder of the user running the uninstaller, as the app creates it.
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\${DATA_DIR_NAME}"
  ${EndIf}
SectionEnd
