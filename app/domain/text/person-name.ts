/**
 * A person's name in the order their country writes it: family name first in China, Taiwan, Hong
 * Kong, Macau, Vietnam, Japan, Korea and Hungary ("Nguyễn Văn An", "王伟"), given name first elsewhere
 * ("Emma Johnson"). Names written in Chinese or Japanese characters are joined without a space.
 *
 * Why not a library: Shopify's @shopify/name orders by the *reader's* locale (and knows no Vietnamese),
 * and address formatters (localized-address-format, below) take the name as one ready-made line.
 */
const FAMILY_NAME_FIRST = new Set(["CN", "TW", "HK", "MO", "VN", "JP", "KR", "KP", "HU"]);

/** Han, kana: written without a space between family and given names. */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

export function formatPersonName(name: { given?: string | null; family?: string | null }, countryCode: string | null | undefined): string | null {
  const given = name.given?.trim() || null;
  const family = name.family?.trim() || null;
  if (!given || !family) return given ?? family;
  const familyFirst = FAMILY_NAME_FIRST.has((countryCode ?? "").toUpperCase()) || (CJK.test(given) && CJK.test(family));
  if (!familyFirst) return `${given} ${family}`;
  return CJK.test(given) && CJK.test(family) ? `${family}${given}` : `${family} ${given}`;
}
