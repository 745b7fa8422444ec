/**
 * Traditional Chinese read as Simplified, so one vocabulary serves both scripts: sites in Hong
 * Kong and Taiwan (HTX's /zh-hk/) write 權限, 綁定, 提幣 where the word lists say 权限, 绑定, 提币.
 * Only the characters of the words Keyward matches, not a converter: content scripts carry this,
 * and a few bytes per character add up (現貨, 選填, 賬 are left out for the scripts' byte budget:
 * 交易, 備註, 帳 say the same on the pages seen; 稱 is in, for name fields such as API名稱, which
 * the generated Traditional pages in tests/variants showed were missed without it). Each Traditional character is followed
 * by its Simplified one.
 */
const PAIRS = '稱称創创權权綁绑幣币讀读鑰钥備备註注設设單单劃划轉转約约帳账戶户號号訪访問问複复製制驗验證证碼码無无';

/** The text with those Traditional characters in their Simplified form; anything else as it was. */
export function simplified(text: string): string {
  return text.replace(/./g, (c) => {
    const i = PAIRS.indexOf(c);
    // -1 % 2 is -1: a character not in the list stays too.
    return i % 2 ? c : PAIRS[i + 1] ?? c;
  });
}
