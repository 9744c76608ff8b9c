// Normalising what a shopper types into the lookup form. Pure.

/** "#1001", "1001", " # 1001 " → "#1001"; "CD-1001" stays; anything with other characters → null. */
export function normalizeOrderName(input: string): string | null {
  const compact = input.normalize("NFKC").replace(/\s+/g, "");
  if (!compact || compact.length > 40) return null;
  if (!/^#?[A-Za-z0-9._-]+$/.test(compact)) return null;
  if (compact.startsWith("#")) return compact;
  return /^\d+$/.test(compact) ? `#${compact}` : compact;
}

/** The per-order rate-limit key: the name without "#", lower case (so "#1001" and "1001" share it). */
export function orderRateKey(input: string): string {
  return input.normalize("NFKC").replace(/[\s#]+/g, "").toLowerCase().slice(0, 40) || "-";
}

export type Contact = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** An email (trimmed, lower case) or a phone number (digits only, at least 6). */
export function normalizeContact(input: string): Contact | null {
  const text = input.normalize("NFKC").trim();
  if (!text || text.length > 254) return null;
  if (text.includes("@")) {
    const email = text.toLowerCase();
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { kind: "email", value: email } : null;
  }
  if (!/^[+()\d\s.-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  return digits.length >= 6 && digits.length <= 15 ? { kind: "phone", value: digits } : null;
}

/**
 * The national significant number used to compare phones: "+84 90 123 4567", "0901234567" and
 * "84901234567" all end in "901234567". Compares the last 9 digits (the length of most national
 * numbers without trunk prefix), or the whole number when shorter.
 */
export function phoneComparable(digits: string): string {
  const national = digits.replace(/^0+/, "");
  return national.length > 9 ? national.slice(-9) : national;
}

/** What a stored email or phone is compared as (same rules as the shopper's input). */
export function comparableValues(kind: Contact["kind"], stored: string[]): string[] {
  return stored
    .map((value) => (kind === "email" ? value.trim().toLowerCase() : phoneComparable(value.replace(/\D/g, ""))))
    .filter(Boolean);
}
