; Inno Setup 6 script for the Windows installer of 重点项目包保工作台.
; Build the one-folder bundle first (on Windows 10/11, 64-bit Python 3.11):
;     python -m pip install -e ".[build]"
;     pyinstaller --noconfirm build.spec            -> dist\keyproj\
; then compile this script:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\keyproj.iss   -> dist\keyproj-setup-0.2.0.exe
; Per-user install by default (no administrator rights needed on locked-down office PCs); the data folder
; (%LOCALAPPDATA%\KeyProj) is never touched by install or uninstall.

#define AppName "重点项目包保工作台"
#define AppVersion "0.2.0"
#define AppExe "keyproj.exe"

[Setup]
AppId={{6A0E7C1B-3F0B-4C8E-9A52-7E1D2B9C4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=重点项目服务保障办公室
DefaultDirName={autopf}\KeyProj
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later only.
MinVersion=10.0.17763
OutputDir=..\dist
OutputBaseFilename=keyproj-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："

[Files]
Source: "..\dist\keyproj\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName}（演示数据）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即启动{#AppName}"; Flags: nowait postinstall skipifsilent
