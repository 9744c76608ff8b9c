/**
 * A Vietnamese postal address as a carrier's API wants it: the ward (phường / xã / thị trấn), the
 * district (quận / huyện / thị xã / thành phố thuộc tỉnh) and the province, by name. Shopify keeps
 * them in free-text lines ("Phường Bến Nghé, Quận 1" in address2, the district or the city in
 * `city`, the province in `province`), so they are read off the lines. Pure.
 */

export interface VietnameseAreas {
  ward: string;
  district: string;
  province: string;
}

export interface AddressLines {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
}

const WARD = /^(phường|xã|thị trấn|p\.|x\.|tt\.)\s*/iu;
const DISTRICT = /^(quận|huyện|thị xã|thành phố|q\.|h\.|tx\.|tp\.)\s*/iu;
/** "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Tỉnh Bình Dương" → "hồ chí minh", "bình dương". */
const PROVINCE_PREFIX = /^(thành phố|tỉnh|tp\.?)\s*/iu;

function segments(lines: AddressLines): string[] {
  return [lines.address1, lines.address2, lines.city]
    .flatMap((line) => (line ?? "").split(","))
    .map((s) => s.trim().normalize("NFC"))
    .filter(Boolean);
}

function bare(name: string): string {
  return name.normalize("NFC").trim().replace(PROVINCE_PREFIX, "").toLocaleLowerCase("vi");
}

/**
 * The ward, district and province named in a Vietnamese address, or null when one of them is not
 * there (the carrier could not route the parcel: the caller says "invalid address" before asking it).
 * The district is a segment that says so ("Quận 3", "Huyện Củ Chi", "Thành phố Thủ Đức"), else the
 * city when it is not the province itself ("Thủ Dầu Một" in Bình Dương).
 */
export function vietnameseAreas(lines: AddressLines): VietnameseAreas | null {
  const province = (lines.province ?? "").trim().normalize("NFC");
  if (!province) return null;
  const parts = segments(lines);
  const ward = parts.find((s) => WARD.test(s));
  const city = (lines.city ?? "").trim().normalize("NFC");
  const district =
    parts.find((s) => DISTRICT.test(s) && bare(s) !== bare(province)) ?? (city && bare(city) !== bare(province) && !WARD.test(city) ? city : undefined);
  if (!ward || !district) return null;
  return { ward, district, province };
}
