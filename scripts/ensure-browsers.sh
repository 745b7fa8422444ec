#!/usr/bin/env bash
# Makes sure the browsers the e2e tests drive are installed, with the languages the localized runs
# use (Debian packages; no browser downloads); with --screenshots, the fonts the store screenshots
# need too. Quiet when everything is present.
set -euo pipefail

# package → a file it installs: checking files is instant, and is what the harness needs.
# Chromium's UI languages are .pak files (chromium-l10n; without it Chromium is en-US whatever
# LANGUAGE says); Firefox's are language packs in the application's extensions folder.
declare -A needs=(
  [chromium]=/usr/bin/chromium
  [chromium-l10n]=/usr/lib/chromium/locales/zh-CN.pak
  [firefox-esr]=/usr/bin/firefox-esr
  [firefox-esr-l10n-zh-cn]=/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi
  [firefox-esr-l10n-ru]=/usr/lib/firefox-esr/browser/extensions/langpack-ru@firefox-esr.mozilla.org.xpi
  [firefox-esr-l10n-zh-tw]=/usr/lib/firefox-esr/browser/extensions/langpack-zh-TW@firefox-esr.mozilla.org.xpi
  [fonts-noto-cjk]=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
)
packages=(chromium chromium-l10n firefox-esr firefox-esr-l10n-zh-cn firefox-esr-l10n-zh-tw firefox-esr-l10n-ru)
# The store screenshots (npm run screenshots) show Chinese text, which without a CJK font is boxes.
# The tests read text, not glyphs, so they do without it.
[[ ${1:-} == --screenshots ]] && packages+=(fonts-noto-cjk)

missing=()
for package in "${packages[@]}"; do
  [[ -e ${needs[$package]} ]] || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "Keyward's tests and tools need these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing ${missing[*]} for Keyward's tests and tools" >&2
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
