#!/usr/bin/env bash
# Linux release: build the one-folder bundle and pack it with a .desktop entry and an installer script.
#   bash packaging/linux-tarball.sh        -> dist/keyproj-<version>-linux-x86_64.tar.gz
# Build on the oldest glibc you support (the bundle needs the glibc it was built with, or newer).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python -c "import desktop; print(desktop.__version__)")
arch=$(uname -m)
python -m PyInstaller --noconfirm --log-level WARN build.spec
stage=$(mktemp -d)
mkdir -p "$stage/keyproj"
cp -a dist/keyproj/. "$stage/keyproj/"
cp resources/icons/app.svg "$stage/keyproj/keyproj.svg"
cp packaging/keyproj.desktop "$stage/keyproj/keyproj.desktop.in"
cat > "$stage/keyproj/install-desktop-entry.sh" <<'SH'
#!/bin/sh
# Adds 重点项目包保工作台 to the applications menu of the current user (run it from the unpacked folder).
set -e
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target"
sed "s#@PREFIX@#$here#g" "$here/keyproj.desktop.in" > "$target/keyproj.desktop"
chmod +x "$target/keyproj.desktop"
echo "已添加到应用程序菜单：$target/keyproj.desktop"
SH
chmod +x "$stage/keyproj/install-desktop-entry.sh"
out="dist/keyproj-${version}-linux-${arch}.tar.gz"
tar -C "$stage" -czf "$out" keyproj
rm -rf "$stage"
echo "$out ($(du -h "$out" | cut -f1))"
