/**
 * The demo merchant the simulator is seeded with: "Lotus & Pine", a home goods and apparel brand
 * selling in the US, Vietnam and China from warehouses and stores in both the US and Vietnam.
 *
 * `buildDemoShop()` is a pure function of `seed` and `now`: the same pair always gives a deep-equal
 * result (a seeded PRNG drives every choice; `new Date()` is only the default for `now`).
 * `validateSeed()` checks any `SeedData` for internal consistency and returns readable problems.
 */
import { base, Faker, generateMersenne32Randomizer, vi } from "@faker-js/faker";
import type {
  DeliveryLocalPickupTime,
  SeedCustomer,
  SeedData,
  SeedFulfillment,
  SeedLocation,
  SeedMarket,
  SeedOrder,
  SeedOrderState,
  SeedProduct,
  SeedVariant,
} from "./types";

/** Cart/order attribute that carries the pickup store a shopper chose in Crossdock's widget. */
export const PICKUP_LOCATION_ATTRIBUTE = "_crossdock_pickup_location";
export const DEMO_SHOP_DOMAIN = "crossdock-demo.myshopify.com";
export const DEMO_SHOP_DEFAULT_SEED = 20_240_601;

export const SEED_ORDER_STATES: readonly SeedOrderState[] = [
  "unfulfilled",
  "partially_fulfilled",
  "fulfilled",
  "delivered",
  "cancelled",
  "ready_for_pickup",
  "picked_up",
];

export interface BuildDemoShopOptions {
  domain?: string;
  seed?: number;
  now?: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  alnum(n: number): string {
    const chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let s = "";
    for (let i = 0; i < n; i++) s += chars[this.int(0, chars.length - 1)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** "Bát Tràng Đỏ" → "Bat Trang Do". */
function asciiFold(s: string): string {
  return s
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

function slugify(s: string): string {
  return asciiFold(s)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function skuPart(value: string): string {
  return asciiFold(value).toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 4);
}

function money(n: number): string {
  return n.toFixed(2);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function roundToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** Great-circle distance in km. */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** UPC-A check digit for an 11-digit body. */
function upcA(body11: string): string {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(body11[i]) * (i % 2 === 0 ? 3 : 1);
  return body11 + String((10 - (sum % 10)) % 10);
}

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------

function pickup(pickupTime: DeliveryLocalPickupTime, instructions: string): SeedLocation["localPickup"] {
  return { pickupTime, instructions };
}

function buildLocations(): SeedLocation[] {
  return [
    {
      key: "wh-edison-nj",
      name: "Edison Fulfillment Center",
      kind: "warehouse",
      address: {
        address1: "300 Raritan Center Pkwy",
        address2: "Dock 14",
        city: "Edison",
        province: "New Jersey",
        provinceCode: "NJ",
        zip: "08837",
        country: "United States",
        countryCode: "US",
        phone: "+1 732-555-0140",
        latitude: 40.5175,
        longitude: -74.3385,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: null,
    },
    {
      key: "wh-reno-nv",
      name: "Reno Fulfillment Center",
      kind: "warehouse",
      address: {
        address1: "4855 Longley Ln",
        address2: "Suite 104",
        city: "Reno",
        province: "Nevada",
        provinceCode: "NV",
        zip: "89502",
        country: "United States",
        countryCode: "US",
        phone: "+1 775-555-0162",
        latitude: 39.489,
        longitude: -119.7795,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: null,
    },
    {
      key: "wh-binh-duong",
      name: "Bình Dương Fulfillment Center",
      kind: "warehouse",
      address: {
        address1: "Số 8, Đường VSIP II-A 12",
        address2: "KCN VSIP II, Phường Hòa Phú",
        city: "Thủ Dầu Một",
        province: "Bình Dương",
        provinceCode: "57",
        zip: "75000",
        country: "Vietnam",
        countryCode: "VN",
        phone: "+84 274 3555 018",
        latitude: 11.074,
        longitude: 106.679,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: null,
    },
    {
      key: "store-soho",
      name: "SoHo Store",
      kind: "store",
      address: {
        address1: "112 Prince St",
        city: "New York",
        province: "New York",
        provinceCode: "NY",
        zip: "10012",
        country: "United States",
        countryCode: "US",
        phone: "+1 212-555-0118",
        latitude: 40.7249,
        longitude: -73.9986,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: pickup("TWO_HOURS", "Collect at the front desk; bring your order number."),
    },
    {
      key: "store-williamsburg",
      name: "Williamsburg Store",
      kind: "store",
      address: {
        address1: "145 N 6th St",
        city: "Brooklyn",
        province: "New York",
        provinceCode: "NY",
        zip: "11249",
        country: "United States",
        countryCode: "US",
        phone: "+1 718-555-0133",
        latitude: 40.7185,
        longitude: -73.9582,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: pickup(
        "FOUR_HOURS",
        "Pickup counter at the back of the store, 10am to 8pm daily; bring your order number and a photo ID.",
      ),
    },
    {
      key: "store-hayes-valley",
      name: "Hayes Valley Store",
      kind: "store",
      address: {
        address1: "520 Hayes St",
        city: "San Francisco",
        province: "California",
        provinceCode: "CA",
        zip: "94102",
        country: "United States",
        countryCode: "US",
        phone: "+1 415-555-0176",
        latitude: 37.7765,
        longitude: -122.4253,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: pickup(
        "TWO_HOURS",
        "Collect at the front desk; bring your order number. Short-term loading zone on Octavia St.",
      ),
    },
    {
      key: "store-silver-lake",
      name: "Silver Lake Showroom",
      kind: "store",
      address: {
        address1: "3827 W Sunset Blvd",
        city: "Los Angeles",
        province: "California",
        provinceCode: "CA",
        zip: "90026",
        country: "United States",
        countryCode: "US",
        phone: "+1 323-555-0191",
        latitude: 34.0903,
        longitude: -118.2771,
      },
      // Walk-in showroom: sells off the floor, never ships or hands over online orders.
      fulfillsOnlineOrders: false,
      isActive: true,
      localPickup: null,
    },
    {
      key: "store-chelsea-popup",
      name: "Chelsea Pop-up (closed)",
      kind: "store",
      address: {
        address1: "75 9th Ave",
        city: "New York",
        province: "New York",
        provinceCode: "NY",
        zip: "10011",
        country: "United States",
        countryCode: "US",
        latitude: 40.7424,
        longitude: -74.006,
      },
      fulfillsOnlineOrders: false,
      isActive: false,
      localPickup: null,
    },
    {
      key: "store-quan-1",
      name: "Quận 1 Store",
      kind: "store",
      address: {
        address1: "42 Đồng Khởi",
        address2: "Phường Bến Nghé, Quận 1",
        city: "Hồ Chí Minh",
        province: "Hồ Chí Minh",
        provinceCode: "SG",
        zip: "70000",
        country: "Vietnam",
        countryCode: "VN",
        phone: "+84 28 3555 0142",
        latitude: 10.7752,
        longitude: 106.7038,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: pickup(
        "TWO_HOURS",
        "Collect at the ground-floor counter; show your order number and the name on the order.",
      ),
    },
    {
      key: "store-hoan-kiem",
      name: "Hoàn Kiếm Store",
      kind: "store",
      address: {
        address1: "18 Hàng Bài",
        address2: "Phường Hàng Bài, Quận Hoàn Kiếm",
        city: "Hà Nội",
        province: "Hà Nội",
        provinceCode: "HN",
        zip: "11000",
        country: "Vietnam",
        countryCode: "VN",
        phone: "+84 24 3555 0127",
        latitude: 21.0225,
        longitude: 105.8522,
      },
      fulfillsOnlineOrders: true,
      isActive: true,
      localPickup: pickup(
        "TWENTY_FOUR_HOURS",
        "Collect at the front desk on the first floor; bring your order number. Motorbike parking is in front.",
      ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

/** Where a product is stocked and how deep. */
type StockProfile = "apparel" | "apparel-us" | "apparel-vn" | "home" | "home-vn" | "bulky";

interface ProductSpec {
  code: string;
  title: string;
  productType: string;
  vendor: string;
  tags: string[];
  /** Base price; `priceBy` overrides by the first option's value. */
  price: number;
  priceBy?: Record<string, number>;
  weightGrams: number;
  weightBy?: Record<string, number>;
  options?: { name: string; values: string[] }[];
  stock: StockProfile;
  status?: SeedProduct["status"];
}

const SIZES = ["XS", "S", "M", "L", "XL"];
const SIZES_S_XL = ["S", "M", "L", "XL"];
const BRAND = "Lotus & Pine";
const BAT_TRANG = "Bát Tràng Ceramics Co.";
const LACQUER = "Saigon Lacquer House";
const RATTAN = "Mekong Rattan Works";
const MILL = "Hudson Mill Textiles";
const WORKSHOP = "Pine & Oak Workshop";

const CATALOG: ProductSpec[] = [
  // Apparel
  { code: "TEE", title: "Organic Cotton Tee", productType: "T-Shirts", vendor: BRAND, tags: ["apparel", "organic", "basics"], price: 28, weightGrams: 180, options: [{ name: "Size", values: SIZES }, { name: "Color", values: ["White", "Black", "Clay"] }], stock: "apparel" },
  { code: "LBD", title: "Linen Button-Down Shirt", productType: "Shirts", vendor: BRAND, tags: ["apparel", "linen"], price: 78, weightGrams: 240, options: [{ name: "Size", values: SIZES_S_XL }, { name: "Color", values: ["Sand", "Sage", "Indigo"] }], stock: "apparel" },
  { code: "MRN", title: "Merino Crew Sweater", productType: "Sweaters", vendor: BRAND, tags: ["apparel", "wool", "fall-winter"], price: 128, weightGrams: 380, options: [{ name: "Size", values: SIZES_S_XL }, { name: "Color", values: ["Oatmeal", "Charcoal"] }], stock: "apparel-us" },
  { code: "CHN", title: "Relaxed Chino", productType: "Pants", vendor: BRAND, tags: ["apparel", "cotton"], price: 88, weightGrams: 520, options: [{ name: "Waist", values: ["28", "30", "32", "34", "36"] }, { name: "Color", values: ["Khaki", "Olive"] }], stock: "apparel" },
  { code: "CJK", title: "Canvas Chore Jacket", productType: "Outerwear", vendor: BRAND, tags: ["apparel", "outerwear"], price: 148, weightGrams: 900, options: [{ name: "Size", values: SIZES_S_XL }, { name: "Color", values: ["Natural", "Navy"] }], stock: "apparel" },
  { code: "WLT", title: "Wide-Leg Linen Trouser", productType: "Pants", vendor: BRAND, tags: ["apparel", "linen"], price: 92, weightGrams: 360, options: [{ name: "Size", values: ["XS", "S", "M", "L"] }, { name: "Color", values: ["Sand", "Black"] }], stock: "apparel" },
  { code: "HNL", title: "Waffle Knit Henley", productType: "Shirts", vendor: BRAND, tags: ["apparel", "basics"], price: 58, weightGrams: 260, options: [{ name: "Size", values: SIZES_S_XL }, { name: "Color", values: ["Bone", "Rust"] }], stock: "apparel" },
  { code: "ROB", title: "Waffle Lounge Robe", productType: "Loungewear", vendor: BRAND, tags: ["apparel", "bath", "gift"], price: 98, weightGrams: 800, options: [{ name: "Size", values: ["S/M", "L/XL"] }, { name: "Color", values: ["White", "Stone"] }], stock: "apparel" },
  { code: "APR", title: "Canvas Work Apron", productType: "Aprons", vendor: MILL, tags: ["apparel", "kitchen", "gift"], price: 42, weightGrams: 350, options: [{ name: "Color", values: ["Natural", "Indigo"] }], stock: "apparel" },
  { code: "SCF", title: "Silk Square Scarf", productType: "Accessories", vendor: BRAND, tags: ["apparel", "silk", "accessories"], price: 64, weightGrams: 60, options: [{ name: "Color", values: ["Lotus Pink", "Jade"] }], stock: "apparel-vn" },
  { code: "BKT", title: "Washed Cotton Bucket Hat", productType: "Hats", vendor: BRAND, tags: ["apparel", "accessories", "final-sale"], price: 36, weightGrams: 90, options: [{ name: "Size", values: ["S/M", "L/XL"] }, { name: "Color", values: ["Natural", "Olive"] }], stock: "apparel" },
  { code: "SOK", title: "Cotton Crew Socks 3-Pack", productType: "Socks", vendor: BRAND, tags: ["apparel", "basics"], price: 24, weightGrams: 150, options: [{ name: "Size", values: ["S/M", "L/XL"] }], stock: "apparel" },
  { code: "TNK", title: "Ribbed Tank", productType: "T-Shirts", vendor: BRAND, tags: ["apparel", "final-sale", "sample-sale"], price: 32, weightGrams: 120, options: [{ name: "Size", values: ["XS", "S", "M", "L"] }, { name: "Color", values: ["White", "Black"] }], stock: "apparel" },
  { code: "SHC", title: "Sherpa-Lined Chore Coat", productType: "Outerwear", vendor: BRAND, tags: ["apparel", "outerwear", "fall-winter", "final-sale"], price: 198, weightGrams: 1300, options: [{ name: "Size", values: SIZES_S_XL }, { name: "Color", values: ["Camel"] }], stock: "apparel-us" },
  { code: "BBT", title: "Linen Bà Ba Top", productType: "Shirts", vendor: BRAND, tags: ["apparel", "linen", "made-in-vietnam"], price: 68, weightGrams: 220, options: [{ name: "Size", values: ["S", "M", "L"] }, { name: "Color", values: ["Ivory", "Indigo"] }], stock: "apparel-vn" },
  // Homewares
  { code: "MUG", title: "Stoneware Mug", productType: "Mugs", vendor: BAT_TRANG, tags: ["home", "kitchen", "ceramics", "gift"], price: 22, weightGrams: 420, options: [{ name: "Color", values: ["Speckled White", "Celadon", "Cobalt"] }], stock: "home-vn" },
  { code: "BWL", title: "Stoneware Cereal Bowls, Set of 4", productType: "Bowls", vendor: BAT_TRANG, tags: ["home", "kitchen", "ceramics"], price: 56, weightGrams: 1600, options: [{ name: "Color", values: ["Speckled White", "Celadon"] }], stock: "home-vn" },
  { code: "PLT", title: "Stoneware Dinner Plates, Set of 4", productType: "Plates", vendor: BAT_TRANG, tags: ["home", "kitchen", "ceramics"], price: 72, weightGrams: 3200, options: [{ name: "Color", values: ["Speckled White", "Celadon"] }], stock: "home-vn" },
  { code: "TPT", title: "Bát Tràng Celadon Teapot", productType: "Teaware", vendor: BAT_TRANG, tags: ["home", "kitchen", "ceramics", "made-in-vietnam", "gift"], price: 68, weightGrams: 900, stock: "home-vn" },
  { code: "NAP", title: "Linen Napkins, Set of 4", productType: "Table Linens", vendor: MILL, tags: ["home", "linen", "table"], price: 38, weightGrams: 300, options: [{ name: "Color", values: ["Natural", "Sage", "Terracotta"] }], stock: "home" },
  { code: "TCL", title: "Linen Tablecloth", productType: "Table Linens", vendor: MILL, tags: ["home", "linen", "table"], price: 88, priceBy: { "60 x 90": 88, "60 x 120": 108 }, weightGrams: 900, weightBy: { "60 x 90": 800, "60 x 120": 1050 }, options: [{ name: "Size", values: ["60 x 90", "60 x 120"] }, { name: "Color", values: ["Natural", "White"] }], stock: "home" },
  { code: "THR", title: "Waffle Cotton Throw", productType: "Throws", vendor: MILL, tags: ["home", "bedroom", "gift"], price: 118, weightGrams: 1400, options: [{ name: "Color", values: ["Oat", "Moss", "Charcoal"] }], stock: "home" },
  { code: "DUV", title: "Linen Duvet Cover", productType: "Bedding", vendor: MILL, tags: ["home", "bedroom", "linen"], price: 198, priceBy: { Twin: 198, Queen: 248, King: 278 }, weightGrams: 1800, weightBy: { Twin: 1500, Queen: 1800, King: 2100 }, options: [{ name: "Size", values: ["Twin", "Queen", "King"] }, { name: "Color", values: ["White", "Flax"] }], stock: "home" },
  { code: "SHS", title: "Percale Sheet Set", productType: "Bedding", vendor: MILL, tags: ["home", "bedroom", "organic"], price: 148, priceBy: { Twin: 148, Queen: 178, King: 198 }, weightGrams: 1700, weightBy: { Twin: 1400, Queen: 1700, King: 1950 }, options: [{ name: "Size", values: ["Twin", "Queen", "King"] }], stock: "home" },
  { code: "TWL", title: "Turkish Cotton Bath Towel", productType: "Towels", vendor: MILL, tags: ["home", "bath"], price: 34, weightGrams: 600, options: [{ name: "Color", values: ["White", "Stone", "Sage"] }], stock: "home" },
  { code: "CSH", title: "Linen Cushion Cover 20\"", productType: "Cushions", vendor: MILL, tags: ["home", "living", "linen"], price: 42, weightGrams: 250, options: [{ name: "Color", values: ["Flax", "Rust", "Indigo"] }], stock: "home" },
  { code: "CLG", title: "Lemongrass Soy Candle", productType: "Candles", vendor: BRAND, tags: ["home", "fragrance", "gift"], price: 34, weightGrams: 450, stock: "home" },
  { code: "CPC", title: "Pine & Cedar Candle", productType: "Candles", vendor: BRAND, tags: ["home", "fragrance", "gift", "fall-winter"], price: 34, weightGrams: 450, stock: "home" },
  { code: "LTR", title: "Saigon Lacquer Tray", productType: "Trays", vendor: LACQUER, tags: ["home", "lacquerware", "made-in-vietnam"], price: 58, priceBy: { Small: 58, Large: 88 }, weightGrams: 700, weightBy: { Small: 550, Large: 950 }, options: [{ name: "Size", values: ["Small", "Large"] }, { name: "Color", values: ["Vermilion", "Black"] }], stock: "home-vn" },
  { code: "LBW", title: "Lacquer Serving Bowl", productType: "Bowls", vendor: LACQUER, tags: ["home", "lacquerware", "made-in-vietnam"], price: 46, weightGrams: 400, options: [{ name: "Color", values: ["Vermilion", "Eggshell"] }], stock: "home-vn" },
  { code: "RBK", title: "Rattan Storage Basket", productType: "Storage", vendor: RATTAN, tags: ["home", "rattan", "storage"], price: 38, priceBy: { Small: 38, Medium: 48, Large: 62 }, weightGrams: 800, weightBy: { Small: 500, Medium: 800, Large: 1200 }, options: [{ name: "Size", values: ["Small", "Medium", "Large"] }], stock: "home-vn" },
  { code: "BCB", title: "Bamboo Cutting Board", productType: "Kitchen Tools", vendor: BRAND, tags: ["home", "kitchen"], price: 44, weightGrams: 1100, stock: "home" },
  { code: "CRF", title: "Glass Carafe & Cup", productType: "Glassware", vendor: BRAND, tags: ["home", "kitchen", "final-sale", "seconds"], price: 48, weightGrams: 700, stock: "home" },
  { code: "LMP", title: "Ceramic Table Lamp", productType: "Lighting", vendor: BAT_TRANG, tags: ["home", "living", "lighting", "ceramics"], price: 168, weightGrams: 3800, options: [{ name: "Color", values: ["Celadon", "Matte White"] }], stock: "home" },
  { code: "VAS", title: "Bud Vase Trio", productType: "Vases", vendor: BAT_TRANG, tags: ["home", "ceramics", "final-sale"], price: 52, weightGrams: 900, stock: "home-vn" },
  { code: "INC", title: "Brass Incense Holder", productType: "Fragrance", vendor: BRAND, tags: ["home", "fragrance", "gift"], price: 18, weightGrams: 150, stock: "home" },
  { code: "RDF", title: "Reed Diffuser, Vetiver", productType: "Fragrance", vendor: BRAND, tags: ["home", "fragrance", "coming-soon"], price: 42, weightGrams: 500, stock: "home", status: "DRAFT" },
  { code: "ECM", title: "Enamel Camp Mug", productType: "Mugs", vendor: BRAND, tags: ["home", "kitchen", "discontinued"], price: 18, weightGrams: 200, options: [{ name: "Color", values: ["Cream", "Forest"] }], stock: "home", status: "ARCHIVED" },
  // Bulky furniture
  { code: "TDT", title: "Teak Dining Table", productType: "Tables", vendor: WORKSHOP, tags: ["furniture", "bulky", "teak", "made-in-vietnam"], price: 1450, priceBy: { "6-Seat": 1450, "8-Seat": 1850 }, weightGrams: 62_000, weightBy: { "6-Seat": 62_000, "8-Seat": 78_000 }, options: [{ name: "Size", values: ["6-Seat", "8-Seat"] }], stock: "bulky" },
  { code: "RLC", title: "Rattan Lounge Chair", productType: "Chairs", vendor: RATTAN, tags: ["furniture", "bulky", "rattan", "made-in-vietnam"], price: 690, weightGrams: 14_000, options: [{ name: "Color", values: ["Natural", "Black"] }], stock: "bulky" },
  { code: "OBS", title: "Oak Bookshelf", productType: "Storage Furniture", vendor: WORKSHOP, tags: ["furniture", "bulky", "oak"], price: 890, weightGrams: 42_000, stock: "bulky" },
  { code: "SOF", title: "Linen Slipcover Sofa", productType: "Sofas", vendor: WORKSHOP, tags: ["furniture", "bulky", "linen"], price: 2450, weightGrams: 68_000, options: [{ name: "Color", values: ["Oat", "Moss"] }], stock: "bulky" },
  { code: "TBN", title: "Teak Bench", productType: "Benches", vendor: WORKSHOP, tags: ["furniture", "bulky", "teak", "made-in-vietnam"], price: 420, weightGrams: 18_000, stock: "bulky" },
  { code: "FMR", title: "Rattan Floor Mirror", productType: "Mirrors", vendor: RATTAN, tags: ["furniture", "bulky", "rattan", "final-sale", "floor-sample"], price: 360, weightGrams: 16_000, stock: "bulky" },
];

const VN_WAREHOUSE = "wh-binh-duong";
/**
 * Đồng per US dollar at checkout for the demo's VND orders: of the order of the market rate in late
 * 2025 (a little above 26,000), kept fixed so the seed stays deterministic.
 */
export const VND_PER_USD = "26300";
const US_STORES_ONLINE = ["store-soho", "store-williamsburg", "store-hayes-valley"];
const VN_STORES = ["store-quan-1", "store-hoan-kiem"];

function buildInventory(rng: Rng, profile: StockProfile): SeedVariant["inventory"] {
  const inv: SeedVariant["inventory"] = {};
  const warehouse = (key: string, min: number, max: number): void => {
    const roll = rng.next();
    if (roll < 0.06) {
      inv[key] = { onHand: 0, incoming: rng.int(2, 10) * 12 }; // stocked out, PO on the way
    } else if (roll < 0.14) {
      inv[key] = { onHand: rng.int(1, 4), incoming: rng.int(2, 8) * 12 }; // running low
    } else {
      inv[key] = { onHand: rng.int(min, max) };
    }
  };
  const store = (key: string, max: number, zeroChance: number): void => {
    inv[key] = { onHand: rng.chance(zeroChance) ? 0 : rng.int(1, max) };
  };
  switch (profile) {
    case "apparel":
    case "apparel-us":
    case "apparel-vn": {
      const vnDeep = profile === "apparel-vn";
      warehouse("wh-edison-nj", vnDeep ? 15 : 60, vnDeep ? 60 : 240);
      warehouse("wh-reno-nv", vnDeep ? 10 : 30, vnDeep ? 40 : 160);
      for (const key of US_STORES_ONLINE) store(key, 9, 0.18);
      store("store-silver-lake", 6, 0.25);
      if (rng.chance(0.3)) inv["store-chelsea-popup"] = { onHand: rng.int(1, 4) }; // left behind after the pop-up closed
      if (profile !== "apparel-us") {
        warehouse(VN_WAREHOUSE, vnDeep ? 80 : 30, vnDeep ? 260 : 140);
        for (const key of VN_STORES) store(key, vnDeep ? 12 : 7, 0.2);
      }
      break;
    }
    case "home":
    case "home-vn": {
      const vnDeep = profile === "home-vn";
      warehouse("wh-edison-nj", 40, 220);
      warehouse("wh-reno-nv", 25, 150);
      warehouse(VN_WAREHOUSE, vnDeep ? 120 : 20, vnDeep ? 400 : 90);
      for (const key of US_STORES_ONLINE) store(key, 10, 0.15);
      store("store-silver-lake", 6, 0.3);
      for (const key of VN_STORES) store(key, vnDeep ? 14 : 6, 0.2);
      break;
    }
    case "bulky": {
      // Furniture lives in the warehouses; the LA showroom keeps one floor model.
      warehouse("wh-edison-nj", 4, 24);
      warehouse("wh-reno-nv", 3, 18);
      warehouse(VN_WAREHOUSE, 8, 40);
      inv["store-silver-lake"] = { onHand: rng.chance(0.7) ? 1 : 0 };
      break;
    }
  }
  return inv;
}

function buildProducts(rng: Rng): SeedProduct[] {
  let barcodeSeq = 10_001;
  return CATALOG.map((spec) => {
    const handle = slugify(spec.title);
    const key = `product-${handle}`;
    const options = spec.options ?? [];
    // Cartesian product of option values, in Shopify's order (first option varies slowest).
    let combos: string[][] = [[]];
    for (const option of options) combos = combos.flatMap((c) => option.values.map((v) => [...c, v]));
    const variants: SeedVariant[] = combos.map((values) => {
      const sku = ["LP", spec.code, ...values.map(skuPart)].join("-");
      const first = values[0];
      const price = (first !== undefined ? spec.priceBy?.[first] : undefined) ?? spec.price;
      const baseWeight = (first !== undefined ? spec.weightBy?.[first] : undefined) ?? spec.weightGrams;
      // Bigger apparel sizes weigh a little more.
      const sizeIndex = first !== undefined && options[0]?.name === "Size" ? options[0].values.indexOf(first) : -1;
      const weightGrams = Math.round(baseWeight * (1 + Math.max(0, sizeIndex) * 0.04));
      const variant: SeedVariant = {
        key: `variant-${sku.toLowerCase()}`,
        title: values.length === 0 ? "Default Title" : values.join(" / "),
        sku,
        price: money(price),
        selectedOptions:
          values.length === 0
            ? [{ name: "Title", value: "Default Title" }]
            : values.map((value, i) => ({ name: options[i]?.name ?? "Title", value })),
        weightGrams,
        inventory: buildInventory(rng, spec.stock),
      };
      if (!spec.tags.includes("bulky")) variant.barcode = upcA(`8501234${String(barcodeSeq++).padStart(4, "0")}`);
      return variant;
    });
    return {
      key,
      title: spec.title,
      handle,
      vendor: spec.vendor,
      productType: spec.productType,
      tags: [...spec.tags],
      status: spec.status ?? "ACTIVE",
      options: options.length === 0 ? [{ name: "Title", values: ["Default Title"] }] : options.map((o) => ({ name: o.name, values: [...o.values] })),
      variants,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Customers and their addresses
// ---------------------------------------------------------------------------------------------

interface Place {
  city: string;
  province: string;
  provinceCode: string;
  zip: string;
  countryCode: "US" | "VN" | "CN";
  latitude: number;
  longitude: number;
  streets: string[];
  /** Ward/district line (VN, CN). */
  area?: string;
}

const US_PLACES: Place[] = [
  { city: "New York", province: "New York", provinceCode: "NY", zip: "10003", countryCode: "US", latitude: 40.7317, longitude: -73.9891, streets: ["E 10th St", "Irving Pl", "2nd Ave", "E 12th St"] },
  { city: "Brooklyn", province: "New York", provinceCode: "NY", zip: "11215", countryCode: "US", latitude: 40.6681, longitude: -73.9806, streets: ["7th Ave", "Garfield Pl", "5th Ave", "Prospect Park W"] },
  { city: "Jersey City", province: "New Jersey", provinceCode: "NJ", zip: "07302", countryCode: "US", latitude: 40.7196, longitude: -74.0431, streets: ["Grand St", "Washington St", "Montgomery St"] },
  { city: "Boston", province: "Massachusetts", provinceCode: "MA", zip: "02116", countryCode: "US", latitude: 42.3493, longitude: -71.0765, streets: ["Beacon St", "Marlborough St", "Tremont St"] },
  { city: "Philadelphia", province: "Pennsylvania", provinceCode: "PA", zip: "19103", countryCode: "US", latitude: 39.9522, longitude: -75.174, streets: ["Spruce St", "Pine St", "Walnut St"] },
  { city: "Chicago", province: "Illinois", provinceCode: "IL", zip: "60614", countryCode: "US", latitude: 41.9214, longitude: -87.6513, streets: ["N Halsted St", "W Armitage Ave", "N Sheffield Ave"] },
  { city: "Austin", province: "Texas", provinceCode: "TX", zip: "78704", countryCode: "US", latitude: 30.243, longitude: -97.764, streets: ["S Congress Ave", "S 1st St", "W Mary St"] },
  { city: "Denver", province: "Colorado", provinceCode: "CO", zip: "80206", countryCode: "US", latitude: 39.7305, longitude: -104.9524, streets: ["E 7th Ave", "Columbine St", "E 3rd Ave"] },
  { city: "Seattle", province: "Washington", provinceCode: "WA", zip: "98103", countryCode: "US", latitude: 47.6733, longitude: -122.342, streets: ["N 45th St", "Fremont Ave N", "Stone Way N"] },
  { city: "Portland", province: "Oregon", provinceCode: "OR", zip: "97214", countryCode: "US", latitude: 45.5142, longitude: -122.6424, streets: ["SE Belmont St", "SE Hawthorne Blvd", "SE 20th Ave"] },
  { city: "San Francisco", province: "California", provinceCode: "CA", zip: "94110", countryCode: "US", latitude: 37.7486, longitude: -122.4184, streets: ["Valencia St", "Guerrero St", "24th St"] },
  { city: "Oakland", province: "California", provinceCode: "CA", zip: "94610", countryCode: "US", latitude: 37.812, longitude: -122.2437, streets: ["Grand Ave", "Lakeshore Ave", "Mandana Blvd"] },
  { city: "Los Angeles", province: "California", provinceCode: "CA", zip: "90026", countryCode: "US", latitude: 34.0779, longitude: -118.2606, streets: ["Micheltorena St", "Maltman Ave", "Hyperion Ave"] },
  { city: "San Diego", province: "California", provinceCode: "CA", zip: "92104", countryCode: "US", latitude: 32.7406, longitude: -117.1295, streets: ["30th St", "University Ave", "Upas St"] },
  { city: "Atlanta", province: "Georgia", provinceCode: "GA", zip: "30307", countryCode: "US", latitude: 33.7689, longitude: -84.3385, streets: ["Euclid Ave", "Moreland Ave", "N Highland Ave"] },
  { city: "Miami", province: "Florida", provinceCode: "FL", zip: "33137", countryCode: "US", latitude: 25.8134, longitude: -80.1898, streets: ["NE 2nd Ave", "Biscayne Blvd", "NE 39th St"] },
];

const VN_PLACES: Place[] = [
  { city: "Hồ Chí Minh", province: "Hồ Chí Minh", provinceCode: "SG", zip: "70000", countryCode: "VN", latitude: 10.78, longitude: 106.688, area: "Phường Võ Thị Sáu, Quận 3", streets: ["Nguyễn Đình Chiểu", "Võ Văn Tần", "Pasteur"] },
  { city: "Hồ Chí Minh", province: "Hồ Chí Minh", provinceCode: "SG", zip: "72900", countryCode: "VN", latitude: 10.729, longitude: 106.708, area: "Phường Tân Phong, Quận 7", streets: ["Nguyễn Lương Bằng", "Tôn Dật Tiên"] },
  { city: "Hồ Chí Minh", province: "Hồ Chí Minh", provinceCode: "SG", zip: "72300", countryCode: "VN", latitude: 10.803, longitude: 106.715, area: "Phường 25, Quận Bình Thạnh", streets: ["Điện Biên Phủ", "Xô Viết Nghệ Tĩnh"] },
  { city: "Thủ Đức", province: "Hồ Chí Minh", provinceCode: "SG", zip: "71100", countryCode: "VN", latitude: 10.804, longitude: 106.737, area: "Phường Thảo Điền", streets: ["Xuân Thủy", "Quốc Hương", "Nguyễn Văn Hưởng"] },
  { city: "Hà Nội", province: "Hà Nội", provinceCode: "HN", zip: "10000", countryCode: "VN", latitude: 21.065, longitude: 105.825, area: "Phường Quảng An, Quận Tây Hồ", streets: ["Xuân Diệu", "Đặng Thai Mai"] },
  { city: "Hà Nội", province: "Hà Nội", provinceCode: "HN", zip: "11300", countryCode: "VN", latitude: 21.036, longitude: 105.79, area: "Phường Dịch Vọng, Quận Cầu Giấy", streets: ["Trần Thái Tông", "Trần Quốc Vượng"] },
  { city: "Hà Nội", province: "Hà Nội", provinceCode: "HN", zip: "11100", countryCode: "VN", latitude: 21.033, longitude: 105.839, area: "Phường Điện Biên, Quận Ba Đình", streets: ["Hoàng Diệu", "Điện Biên Phủ"] },
  { city: "Đà Nẵng", province: "Đà Nẵng", provinceCode: "DN", zip: "50000", countryCode: "VN", latitude: 16.062, longitude: 108.245, area: "Phường Phước Mỹ, Quận Sơn Trà", streets: ["Võ Nguyên Giáp", "Hồ Nghinh"] },
  { city: "Hải Phòng", province: "Hải Phòng", provinceCode: "HP", zip: "04000", countryCode: "VN", latitude: 20.846, longitude: 106.696, area: "Phường Lạch Tray, Quận Ngô Quyền", streets: ["Lạch Tray", "Văn Cao"] },
  { city: "Cần Thơ", province: "Cần Thơ", provinceCode: "CT", zip: "94000", countryCode: "VN", latitude: 10.034, longitude: 105.788, area: "Phường Tân An, Quận Ninh Kiều", streets: ["Hai Bà Trưng", "Ngô Quyền"] },
];

const CN_PLACES: Place[] = [
  { city: "Shanghai", province: "Shanghai", provinceCode: "SH", zip: "200040", countryCode: "CN", latitude: 31.2243, longitude: 121.4468, area: "Jing'an District", streets: ["Yanping Rd", "Wuding Rd", "Changde Rd"] },
  { city: "Beijing", province: "Beijing", provinceCode: "BJ", zip: "100027", countryCode: "CN", latitude: 39.9335, longitude: 116.4536, area: "Chaoyang District", streets: ["Sanlitun Rd", "Gongti N Rd"] },
  { city: "Shenzhen", province: "Guangdong", provinceCode: "GD", zip: "518048", countryCode: "CN", latitude: 22.5351, longitude: 114.055, area: "Futian District", streets: ["Fuhua 3rd Rd", "Yitian Rd"] },
];

const COUNTRY_NAMES: Record<Place["countryCode"], string> = { US: "United States", VN: "Vietnam", CN: "China" };

const US_FIRST = ["Emma", "Olivia", "Ava", "Sophia", "Mia", "Harper", "Grace", "Chloe", "Nora", "Hannah", "Liam", "Noah", "James", "Ethan", "Lucas", "Henry", "Owen", "Caleb", "Isaac", "Julian", "Maya", "Daniel", "Priya", "Marcus", "Elena", "Andre"];
const US_LAST = ["Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Anderson", "Thompson", "Walker", "Bennett", "Coleman", "Patel", "Nguyen", "Kim", "Sullivan", "Reyes", "Foster", "Hayes", "Okafor", "Brooks"];
/** [hanzi, pinyin] pairs: Chinese shoppers' names as they type them, with a romanisation for the email. */
const CN_LAST: [string, string][] = [["王", "wang"], ["李", "li"], ["张", "zhang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["黄", "huang"], ["周", "zhou"], ["吴", "wu"], ["林", "lin"]];
const CN_FIRST: [string, string][] = [["伟", "wei"], ["芳", "fang"], ["静", "jing"], ["敏", "min"], ["磊", "lei"], ["丽", "li"], ["俊杰", "junjie"], ["子涵", "zihan"], ["欣怡", "xinyi"], ["浩然", "haoran"], ["雨桐", "yutong"], ["明轩", "mingxuan"]];

interface CustomerProfile {
  customer: SeedCustomer;
  home: Place;
  address1: string;
  vip: boolean;
}

const US_AREA_CODES: Record<string, string[]> = {
  "New York": ["212", "646", "917"],
  Brooklyn: ["718", "347", "917"],
  "Jersey City": ["201", "551"],
  Boston: ["617", "857"],
  Philadelphia: ["215", "267"],
  Chicago: ["312", "773"],
  Austin: ["512", "737"],
  Denver: ["303", "720"],
  Seattle: ["206"],
  Portland: ["503", "971"],
  "San Francisco": ["415", "628"],
  Oakland: ["510"],
  "Los Angeles": ["213", "323"],
  "San Diego": ["619", "858"],
  Atlanta: ["404", "678"],
  Miami: ["305", "786"],
};

function phoneFor(rng: Rng, place: Place): string {
  // 555-01xx numbers are reserved for fiction.
  if (place.countryCode === "US") return `+1 ${rng.pick(US_AREA_CODES[place.city] ?? ["917"])}-555-01${rng.digits(2)}`;
  if (place.countryCode === "VN") return `+84 ${rng.pick(["90", "91", "93", "96", "97", "98"])} ${rng.digits(3)} ${rng.digits(4)}`;
  return `+86 1${rng.pick(["38", "39", "58", "86"])} ${rng.digits(4)} ${rng.digits(4)}`;
}

function buildCustomers(rng: Rng, seed: number): CustomerProfile[] {
  // A seeded randomizer up front: Faker's default one draws its initial seed from Math.random.
  const viFaker = new Faker({ locale: [vi, base], randomizer: generateMersenne32Randomizer(seed) });
  const emails = new Set<string>();
  const uniqueEmail = (local: string, domain: string): string => {
    let candidate = `${local}@${domain}`;
    for (let n = 2; emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    emails.add(candidate);
    return candidate;
  };
  const profiles: CustomerProfile[] = [];
  const add = (firstName: string, lastName: string, emailLocal: string, domain: string, locale: string, home: Place): void => {
    const n = profiles.length + 1;
    const customer: SeedCustomer = {
      key: `customer-${String(n).padStart(3, "0")}`,
      firstName,
      lastName,
      email: uniqueEmail(emailLocal, domain),
      locale,
    };
    if (rng.chance(0.75)) customer.phone = phoneFor(rng, home);
    const number = home.countryCode === "US" ? String(rng.int(12, 480)) : String(rng.int(3, 220));
    profiles.push({ customer, home, address1: `${number} ${rng.pick(home.streets)}`, vip: rng.chance(0.12) });
  };

  // 22 US shoppers; the NYC and SF metros are over-represented (that is where the stores are).
  const usHomes = [...US_PLACES, ...US_PLACES.slice(0, 2), US_PLACES[10] as Place, US_PLACES[11] as Place];
  const usedUs = new Set<string>();
  while (profiles.length < 22) {
    const first = rng.pick(US_FIRST);
    const last = rng.pick(US_LAST);
    if (usedUs.has(first + last)) continue;
    usedUs.add(first + last);
    const local = rng.chance(0.5) ? `${first}.${last}` : `${first[0] ?? ""}${last}${rng.chance(0.4) ? rng.int(1, 99) : ""}`;
    add(first, last, local.toLowerCase(), rng.pick(["example.com", "example.net", "example.org"]), "en", rng.pick(usHomes));
  }
  // 11 Vietnamese shoppers in Vietnam.
  for (let i = 0; i < 11; i++) {
    const firstName = viFaker.person.firstName();
    const lastName = viFaker.person.lastName();
    const local = slugify(`${firstName} ${lastName}`).replace(/-/g, ".");
    add(firstName, lastName, local, rng.pick(["example.vn", "example.com.vn"]), "vi", rng.pick(VN_PLACES));
  }
  // 9 Chinese-speaking shoppers: in China, in the US (SF, NYC) and in Hồ Chí Minh City.
  const cnHomes: Place[] = [
    ...CN_PLACES,
    CN_PLACES[0] as Place,
    US_PLACES[10] as Place,
    US_PLACES[11] as Place,
    US_PLACES[0] as Place,
    US_PLACES[1] as Place,
    VN_PLACES[0] as Place,
  ];
  const usedCn = new Set<string>();
  for (const home of cnHomes) {
    let last: [string, string];
    let first: [string, string];
    do {
      last = rng.pick(CN_LAST);
      first = rng.pick(CN_FIRST);
    } while (usedCn.has(last[0] + first[0]));
    usedCn.add(last[0] + first[0]);
    const domain = home.countryCode === "CN" ? rng.pick(["example.cn", "example.com.cn"]) : "example.com";
    add(first[0], last[0], `${last[1]}.${first[1]}`, domain, "zh-CN", home);
  }
  return profiles;
}

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

interface FlatVariant {
  product: SeedProduct;
  variant: SeedVariant;
  bulky: boolean;
  unitPrice: number;
}

/** Per-state counts: 66 orders. */
const STATE_PLAN: [SeedOrderState, number][] = [
  ["unfulfilled", 12],
  ["partially_fulfilled", 6],
  ["fulfilled", 11],
  ["delivered", 16],
  ["cancelled", 6],
  ["ready_for_pickup", 6],
  ["picked_up", 9],
];

const OPEN_STATES = new Set<SeedOrderState>(["unfulfilled", "partially_fulfilled", "ready_for_pickup"]);
const PICKUP_STATES = new Set<SeedOrderState>(["ready_for_pickup", "picked_up"]);

const NOTES = [
  "Please leave with the doorman.",
  "Gift: please do not include a receipt.",
  "Buzzer 4B, side entrance.",
  "Call before delivery, please.",
  "Gọi trước khi giao hàng giúp mình nhé.",
  "Happy birthday, Mom!",
];

interface Carrier {
  name: string;
  number: (rng: Rng) => string;
  url: (n: string) => string;
}

const CARRIERS: Record<string, Carrier> = {
  UPS: { name: "UPS", number: (r) => `1ZV8W27E03${r.digits(8)}`, url: (n) => `https://www.ups.com/track?loc=en_US&tracknum=${n}` },
  USPS: { name: "USPS", number: (r) => `9400111899${r.digits(12)}`, url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  FedEx: { name: "FedEx", number: (r) => `7${r.digits(11)}`, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  GHN: { name: "Giao Hàng Nhanh", number: (r) => `GY${r.alnum(6)}`, url: (n) => `https://donhang.ghn.vn/?order_code=${n}` },
  VTP: { name: "Viettel Post", number: (r) => `1${r.digits(11)}`, url: (n) => `https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?orderNumber=${n}` },
  DHL: { name: "DHL Express", number: (r) => r.digits(10), url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}` },
};

interface DraftOrder {
  createdAt: number;
  order: Omit<SeedOrder, "key" | "number">;
}

class OrderFactory {
  private readonly reserved = new Map<string, number>();
  private readonly usedTracking = new Set<string>();
  private readonly locationsByKey: Map<string, SeedLocation>;
  private readonly orderable: FlatVariant[];

  constructor(
    private readonly rng: Rng,
    private readonly now: number,
    private readonly locations: SeedLocation[],
    products: SeedProduct[],
    private readonly customers: CustomerProfile[],
  ) {
    this.locationsByKey = new Map(locations.map((l) => [l.key, l]));
    this.orderable = products
      .filter((p) => p.status === "ACTIVE")
      .flatMap((product) =>
        product.variants.map((variant) => ({
          product,
          variant,
          bulky: product.tags.includes("bulky"),
          unitPrice: Number(variant.price),
        })),
      );
  }

  private available(locationKey: string, v: FlatVariant, open: boolean): number {
    const onHand = v.variant.inventory[locationKey]?.onHand ?? 0;
    return open ? onHand - (this.reserved.get(`${locationKey}|${v.variant.key}`) ?? 0) : onHand;
  }

  private canFulfill(locationKey: string, lines: { v: FlatVariant; quantity: number }[], open: boolean): boolean {
    return lines.every((l) => this.available(locationKey, l.v, open) >= l.quantity);
  }

  private reserve(locationKey: string, lines: { v: FlatVariant; quantity: number }[]): void {
    for (const l of lines) {
      const k = `${locationKey}|${l.v.variant.key}`;
      this.reserved.set(k, (this.reserved.get(k) ?? 0) + l.quantity);
    }
  }

  /** Shopify-like default assignment: nearest warehouse that can ship everything, then nearest store. */
  private route(dest: Place, lines: { v: FlatVariant; quantity: number }[], open: boolean): string | undefined {
    const online = this.locations.filter((l) => l.isActive && l.fulfillsOnlineOrders);
    const domestic = online.filter((l) => l.address.countryCode === dest.countryCode);
    const pool = domestic.length > 0 ? domestic : online.filter((l) => l.kind === "warehouse");
    const ranked = [...pool].sort(
      (a, b) =>
        (a.kind === "warehouse" ? 0 : 1) - (b.kind === "warehouse" ? 0 : 1) ||
        distanceKm(dest, a.address) - distanceKm(dest, b.address),
    );
    return ranked.find((l) => this.canFulfill(l.key, lines, open))?.key;
  }

  private pickLines(
    candidates: FlatVariant[],
    minLines: number,
    minUnits: number,
  ): { v: FlatVariant; quantity: number }[] {
    const rng = this.rng;
    const lineCount = Math.max(minLines, rng.weighted<number>([[1, 45], [2, 30], [3, 17], [4, 8]]));
    const chosen: { v: FlatVariant; quantity: number }[] = [];
    const seen = new Set<string>();
    for (let attempts = 0; chosen.length < lineCount && attempts < 50; attempts++) {
      const v = rng.pick(candidates);
      if (seen.has(v.product.key)) continue;
      if (v.bulky && chosen.some((c) => c.v.bulky)) continue;
      seen.add(v.product.key);
      const smallGoods = ["Mugs", "Bowls", "Towels", "Cushions", "Candles", "Socks", "T-Shirts"].includes(v.product.productType);
      const quantity = v.bulky ? (v.product.productType === "Chairs" && rng.chance(0.4) ? 2 : 1) : smallGoods ? rng.weighted<number>([[1, 55], [2, 30], [4, 15]]) : rng.weighted<number>([[1, 80], [2, 20]]);
      chosen.push({ v, quantity });
    }
    const units = chosen.reduce((s, l) => s + l.quantity, 0);
    const first = chosen[0];
    if (units < minUnits && first) first.quantity += minUnits - units;
    return chosen;
  }

  private pickCustomer(countries: Place["countryCode"][]): CustomerProfile {
    const pool = this.customers.filter((c) => countries.includes(c.home.countryCode));
    // Repeat buyers: the first few in each pool order more often.
    return this.rng.weighted(pool.map((c, i) => [c, i < 5 ? 3 : 1] as const));
  }

  private createdAtFor(state: SeedOrderState, index: number): number {
    // The cancelled pickup order (index 0) sat uncollected for days before it was cancelled.
    if (state === "cancelled" && index === 0) return Math.floor(this.now / 1000) * 1000 - Math.round(this.rng.float(8, 30) * DAY / 1000) * 1000;
    const [minDays, maxDays] = (
      {
        unfulfilled: [0.04, 3.5],
        partially_fulfilled: [2, 8],
        fulfilled: [1.6, 6],
        delivered: [7, 45],
        cancelled: [1, 44],
        ready_for_pickup: [0.12, 2.5],
        picked_up: [2, 45],
      } satisfies Record<SeedOrderState, [number, number]>
    )[state];
    // Whole seconds, like Shopify's timestamps.
    return Math.floor(this.now / 1000) * 1000 - Math.round((this.rng.float(minDays, maxDays) * DAY) / 1000) * 1000;
  }

  private tracking(carrier: Carrier): { trackingCompany: string; trackingNumber: string; trackingUrl: string } {
    let n = carrier.number(this.rng);
    while (this.usedTracking.has(n)) n = carrier.number(this.rng);
    this.usedTracking.add(n);
    return { trackingCompany: carrier.name, trackingNumber: n, trackingUrl: carrier.url(n) };
  }

  private carrierFor(dest: Place, bulky: boolean, weightGrams: number): Carrier {
    const c = CARRIERS;
    const pick = (key: string): Carrier => {
      const carrier = c[key];
      if (!carrier) throw new Error(`unknown carrier ${key}`);
      return carrier;
    };
    if (dest.countryCode === "CN") return pick("DHL");
    if (dest.countryCode === "VN") return pick(bulky ? "VTP" : this.rng.weighted<string>([["GHN", 6], ["VTP", 4]]));
    if (bulky) return pick("FedEx");
    if (weightGrams > 5000) return pick(this.rng.weighted<string>([["UPS", 6], ["FedEx", 4]]));
    return pick(this.rng.weighted<string>([["USPS", 5], ["UPS", 3], ["FedEx", 2]]));
  }

  private transitDays(dest: Place, origin: SeedLocation, bulky: boolean): number {
    const km = distanceKm(dest, origin.address);
    let days = dest.countryCode === "CN" ? this.rng.int(4, 7) : km < 150 ? this.rng.int(1, 2) : km < 1200 ? this.rng.int(2, 3) : this.rng.int(3, 5);
    if (bulky) days += this.rng.int(3, 6);
    return days;
  }

  /** One shipping fulfillment: label printed, carrier scan, estimate, maybe delivery. */
  private shipment(
    lines: { variantKey: string; quantity: number }[],
    createdAt: number,
    dest: Place,
    origin: SeedLocation,
    bulky: boolean,
    weightGrams: number,
    delivered: boolean,
    late: boolean,
  ): SeedFulfillment {
    const rng = this.rng;
    const labelAt = roundToMinute(Math.min(createdAt + rng.float(0.2, 1.4) * DAY, this.now - 20 * HOUR));
    const fCreated = Math.max(labelAt, createdAt + 30 * MINUTE);
    const inTransitAt = roundToMinute(Math.min(fCreated + rng.float(2, 11) * HOUR, this.now - 2 * HOUR));
    let estimated = inTransitAt + this.transitDays(dest, origin, bulky) * DAY;
    if (!delivered && !late && estimated < this.now + 4 * HOUR) estimated = this.now + rng.float(0.5, 2) * DAY;
    estimated = Math.ceil(estimated / HOUR) * HOUR;
    const f: SeedFulfillment = {
      lines,
      ...this.tracking(this.carrierFor(dest, bulky, weightGrams)),
      status: delivered ? "DELIVERED" : "IN_TRANSIT",
      createdAt: iso(fCreated),
      inTransitAt: iso(inTransitAt),
      estimatedDeliveryAt: iso(estimated),
    };
    if (delivered) {
      const actual = estimated + rng.float(-1, 1.2) * DAY;
      const deliveredAt = roundToMinute(Math.min(Math.max(actual, inTransitAt + 18 * HOUR), this.now - HOUR));
      f.deliveredAt = iso(deliveredAt);
    }
    return f;
  }

  build(state: SeedOrderState, index: number): DraftOrder {
    const rng = this.rng;
    const isPickup = PICKUP_STATES.has(state) || (state === "cancelled" && index === 0);
    const open = OPEN_STATES.has(state);
    const createdAt = this.createdAtFor(state, index);

    for (let attempt = 0; ; attempt++) {
      if (attempt > 200) throw new Error(`could not build a ${state} order`);
      let profile: CustomerProfile;
      let lines: { v: FlatVariant; quantity: number }[];
      let assignedLocationKey: string | undefined;
      let pickupLocationKey: string | undefined;

      if (isPickup) {
        // 2 of every 3 pickup orders in the US, the rest in Vietnam.
        profile = this.pickCustomer(index % 3 === 2 ? ["VN"] : ["US"]);
        const stores = this.locations
          .filter((l) => l.isActive && l.localPickup && l.address.countryCode === profile.home.countryCode)
          .sort((a, b) => distanceKm(profile.home, a.address) - distanceKm(profile.home, b.address));
        // Usually the nearest store, sometimes one near work.
        const store = rng.chance(0.7) ? stores[0] : rng.pick(stores);
        if (!store) continue;
        const inStore = this.orderable.filter((v) => !v.bulky && this.available(store.key, v, open) >= 1);
        if (inStore.length === 0) continue;
        lines = this.pickLines(inStore, 1, 1).filter((l) => this.available(store.key, l.v, open) >= l.quantity);
        if (lines.length === 0) continue;
        pickupLocationKey = store.key;
        assignedLocationKey = store.key;
      } else {
        // Shipping: ~65% US, ~25% VN, the rest cross-border to China.
        const country = state === "partially_fulfilled" ? rng.weighted<Place["countryCode"]>([["US", 7], ["VN", 3]]) : rng.weighted<Place["countryCode"]>([["US", 65], ["VN", 27], ["CN", 8]]);
        profile = this.pickCustomer([country]);
        const stockedHere = this.orderable.filter((v) =>
          this.locations.some(
            (l) => l.kind === "warehouse" && l.address.countryCode === (country === "CN" ? "VN" : country) && (v.variant.inventory[l.key]?.onHand ?? 0) > 0,
          ),
        );
        const partial = state === "partially_fulfilled";
        lines = this.pickLines(stockedHere, partial ? 2 : 1, partial ? 2 : 1);
        assignedLocationKey = this.route(profile.home, lines, open);
        // Drop lines until a single location can take the order, as a merchant's routing would split it otherwise.
        while (!assignedLocationKey && lines.length > (partial ? 2 : 1)) {
          lines = lines.slice(0, -1);
          assignedLocationKey = this.route(profile.home, lines, open);
        }
        if (!assignedLocationKey) continue;
      }
      if (open) this.reserve(assignedLocationKey, lines);
      return this.finish(state, index, createdAt, profile, lines, assignedLocationKey, pickupLocationKey);
    }
  }

  private finish(
    state: SeedOrderState,
    index: number,
    createdAt: number,
    profile: CustomerProfile,
    picked: { v: FlatVariant; quantity: number }[],
    assignedLocationKey: string,
    pickupLocationKey: string | undefined,
  ): DraftOrder {
    const rng = this.rng;
    const c = profile.customer;
    const home = profile.home;
    const lines = picked.map((l) => ({ variantKey: l.v.variant.key, quantity: l.quantity }));
    const bulky = picked.some((l) => l.v.bulky);
    const weight = picked.reduce((s, l) => s + l.v.variant.weightGrams * l.quantity, 0);
    const origin = this.locationsByKey.get(assignedLocationKey);
    if (!origin) throw new Error(`unknown location ${assignedLocationKey}`);

    const tags: string[] = [];
    if (pickupLocationKey) tags.push("local-pickup");
    if (bulky) tags.push("freight");
    if (home.countryCode === "CN") tags.push("cross-border");
    if (profile.vip) tags.push("vip");

    const order: DraftOrder["order"] = {
      createdAt: iso(createdAt),
      customerKey: c.key,
      email: c.email,
      shippingAddress: pickupLocationKey
        ? null
        : {
            firstName: c.firstName,
            lastName: c.lastName,
            address1: profile.address1,
            ...(home.area ? { address2: home.area } : {}),
            city: home.city,
            province: home.province,
            provinceCode: home.provinceCode,
            zip: home.zip,
            country: COUNTRY_NAMES[home.countryCode],
            countryCode: home.countryCode,
            ...(c.phone ? { phone: c.phone } : {}),
            latitude: Math.round((home.latitude + rng.float(-0.01, 0.01)) * 10_000) / 10_000,
            longitude: Math.round((home.longitude + rng.float(-0.01, 0.01)) * 10_000) / 10_000,
          },
      lines,
      deliveryMethod: pickupLocationKey ? "PICK_UP" : "SHIPPING",
      assignedLocationKey,
      financialStatus: "PAID",
      state,
      fulfillments: [],
      // The block stores the store's location GID; the simulator writes it when it seeds the shop.
      noteAttributes: pickupLocationKey ? [{ name: PICKUP_LOCATION_ATTRIBUTE, locationKey: pickupLocationKey }] : [],
      tags,
    };
    if (c.phone) order.phone = c.phone;
    if (pickupLocationKey) order.pickupLocationKey = pickupLocationKey;
    // Vietnamese shoppers at home pay in đồng in this USD shop (no rng draw: the rest of the shop stays as it was).
    if (c.locale === "vi" && home.countryCode === "VN") order.presentment = { currencyCode: "VND", rate: VND_PER_USD };
    if (rng.chance(0.15) && !pickupLocationKey) order.note = rng.pick(home.countryCode === "VN" ? NOTES : NOTES.filter((n) => !n.startsWith("Gọi")));

    switch (state) {
      case "unfulfilled":
        // A couple of card authorisations not yet captured, and one bank transfer pending.
        order.financialStatus = index === 0 ? "PENDING" : index % 4 === 1 ? "AUTHORIZED" : "PAID";
        break;
      case "partially_fulfilled": {
        // First shipment goes out; the rest waits on stock or a second box.
        const shipped =
          lines.length >= 2
            ? lines.slice(0, lines.length - 1).map((l) => ({ ...l }))
            : lines.map((l) => ({ variantKey: l.variantKey, quantity: l.quantity - 1 }));
        order.fulfillments.push(this.shipment(shipped, createdAt, home, origin, bulky, weight, false, false));
        break;
      }
      case "fulfilled":
      case "delivered": {
        const delivered = state === "delivered";
        const late = !delivered && index % 5 === 3; // a few shipments past their estimate
        if (lines.length >= 2 && rng.chance(0.3)) {
          // Split into two boxes with their own tracking.
          const cut = rng.int(1, lines.length - 1);
          order.fulfillments.push(this.shipment(lines.slice(0, cut), createdAt, home, origin, bulky, weight, delivered, late));
          order.fulfillments.push(this.shipment(lines.slice(cut), createdAt, home, origin, bulky, weight, delivered, late));
        } else {
          order.fulfillments.push(this.shipment(lines.map((l) => ({ ...l })), createdAt, home, origin, bulky, weight, delivered, late));
        }
        if (delivered && index % 6 === 5) {
          order.financialStatus = "PARTIALLY_REFUNDED"; // one item returned
          // …as a closed Shopify return, restocked where it shipped from (no rng draw: the rest of the shop stays as it was).
          const deliveredAt = Date.parse(order.fulfillments[0]!.deliveredAt!);
          const requestedAt = roundToMinute(Math.max(deliveredAt, Math.min(deliveredAt + 2 * DAY, this.now - 2 * HOUR)));
          const closedAt = roundToMinute(Math.max(requestedAt, Math.min(requestedAt + 4 * DAY, this.now - HOUR)));
          const line = order.fulfillments[0]!.lines[0]!;
          order.returns = [
            { status: "CLOSED", requestedAt: iso(requestedAt), approvedAt: iso(requestedAt), closedAt: iso(closedAt), restockLocationKey: origin.key, lines: [{ variantKey: line.variantKey, quantity: 1, returnReason: index % 12 === 5 ? "SIZE_TOO_SMALL" : "UNWANTED" }] },
          ];
        }
        break;
      }
      case "cancelled": {
        const reasons: [NonNullable<SeedOrder["cancelReason"]>, SeedOrder["financialStatus"]][] = [
          ["STAFF", "REFUNDED"], // the pickup order nobody collected
          ["CUSTOMER", "REFUNDED"],
          ["FRAUD", "VOIDED"],
          ["INVENTORY", "REFUNDED"],
          ["DECLINED", "VOIDED"],
          ["CUSTOMER", "VOIDED"],
        ];
        const [reason, financial] = reasons[index % reasons.length] ?? ["OTHER", "VOIDED"];
        const delay = index === 0 ? rng.float(4, 6) * DAY : rng.float(0.5, 30) * HOUR;
        order.cancelledAt = iso(roundToMinute(Math.min(createdAt + delay, this.now - 10 * MINUTE)));
        order.cancelReason = reason;
        order.financialStatus = financial;
        order.tags.push("cancelled");
        if (index === 0) order.note = "Not collected within 5 days; cancelled and refunded per pickup policy.";
        break;
      }
      case "ready_for_pickup":
      case "picked_up": {
        const span = Math.max(this.now - createdAt, HOUR);
        const readyAt = roundToMinute(createdAt + Math.min(rng.float(0.6, 5) * HOUR, span / 2));
        const f: SeedFulfillment = {
          lines: lines.map((l) => ({ ...l })),
          status: state === "picked_up" ? "PICKED_UP" : "READY_FOR_PICKUP",
          createdAt: iso(readyAt),
        };
        if (state === "picked_up") {
          const pickedAt = roundToMinute(Math.min(readyAt + rng.float(1.5, 60) * HOUR, this.now - HOUR));
          f.deliveredAt = iso(Math.max(pickedAt, readyAt + 15 * MINUTE));
        }
        order.fulfillments.push(f);
        break;
      }
    }
    return { createdAt, order };
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function buildDemoShop(options: BuildDemoShopOptions = {}): SeedData {
  const seed = options.seed ?? DEMO_SHOP_DEFAULT_SEED;
  const now = (options.now ?? new Date()).getTime();
  if (!Number.isFinite(now)) throw new Error("buildDemoShop: `now` is not a valid date");
  const rng = new Rng(seed);

  const locations = buildLocations();
  const products = buildProducts(rng);
  const profiles = buildCustomers(rng, seed);
  const factory = new OrderFactory(rng, now, locations, products, profiles);

  const drafts: DraftOrder[] = [];
  for (const [state, count] of STATE_PLAN) {
    for (let i = 0; i < count; i++) drafts.push(factory.build(state, i));
  }
  // Numbers follow createdAt; two orders in the same second are nudged one second apart (every
  // later event on an order is at least 15 minutes after its creation, so nothing reorders).
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  for (let i = 1; i < drafts.length; i++) {
    const prev = drafts[i - 1] as DraftOrder;
    const cur = drafts[i] as DraftOrder;
    if (cur.createdAt <= prev.createdAt) {
      cur.createdAt = prev.createdAt + 1000;
      cur.order.createdAt = iso(cur.createdAt);
    }
  }
  const orders: SeedOrder[] = drafts.map((d, i) => {
    const number = 1001 + i;
    return { key: `order-${number}`, number, ...d.order };
  });

  return {
    shop: {
      domain: options.domain ?? DEMO_SHOP_DOMAIN,
      name: "Lotus & Pine",
      email: "hello@lotusandpine.example.com",
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      countryCode: "US",
    },
    locations,
    markets: DEMO_MARKETS,
    products,
    customers: profiles.map((p) => p.customer),
    orders,
  };
}

/**
 * The demo shop's Shopify Markets: it ships to the United States, Vietnam and China (the orders'
 * countries). A market per home country, an Asia-Pacific market holding China and its neighbours,
 * and a Europe market still in draft (no buyer matches a draft market).
 */
const DEMO_MARKETS: SeedMarket[] = [
  { key: "market-us", name: "United States", handle: "us", status: "ACTIVE", countries: ["US"] },
  { key: "market-vn", name: "Vietnam", handle: "vn", status: "ACTIVE", countries: ["VN"] },
  { key: "market-apac", name: "Asia-Pacific", handle: "asia-pacific", status: "ACTIVE", countries: ["CN", "HK", "TW", "JP", "KR", "SG", "MY", "TH", "AU", "NZ"] },
  { key: "market-eu", name: "Europe", handle: "europe", status: "DRAFT", countries: ["DE", "FR", "NL", "GB", "IT", "ES"] },
];

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const FULFILLED_STATES = new Set<SeedOrderState>(["fulfilled", "delivered", "picked_up", "ready_for_pickup"]);

/**
 * Internal-consistency problems in a seed, one readable sentence each; [] when it is sound.
 * With `now`, also flags events (orders, scans, deliveries, cancellations) dated in the future.
 */
export function validateSeed(data: SeedData, options: { now?: Date } = {}): string[] {
  const problems: string[] = [];
  const nowMs = options.now?.getTime();

  const duplicates = (what: string, values: string[]): void => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${what} "${v}"`);
      seen.add(v);
    }
  };
  const time = (what: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
      problems.push(`${what} is not an ISO timestamp: "${value}"`);
      return undefined;
    }
    return ms;
  };
  const notAfter = (whatA: string, a: number | undefined, whatB: string, b: number | undefined): void => {
    if (a !== undefined && b !== undefined && a > b) problems.push(`${whatA} is after ${whatB}`);
  };
  const notFuture = (what: string, ms: number | undefined): void => {
    if (nowMs !== undefined && ms !== undefined && ms > nowMs) problems.push(`${what} is in the future`);
  };

  // Keys and identifiers
  duplicates("location key", data.locations.map((l) => l.key));
  duplicates("product key", data.products.map((p) => p.key));
  duplicates("product handle", data.products.map((p) => p.handle));
  duplicates("variant key", data.products.flatMap((p) => p.variants.map((v) => v.key)));
  duplicates("SKU", data.products.flatMap((p) => p.variants.map((v) => v.sku)).filter((s) => s !== ""));
  duplicates("barcode", data.products.flatMap((p) => p.variants.flatMap((v) => (v.barcode ? [v.barcode] : []))));
  duplicates("customer key", data.customers.map((c) => c.key));
  duplicates("customer email", data.customers.map((c) => c.email.toLowerCase()));
  duplicates("order key", data.orders.map((o) => o.key));
  duplicates("order number", data.orders.map((o) => String(o.number)));
  duplicates(
    "tracking number",
    data.orders.flatMap((o) => o.fulfillments.flatMap((f) => (f.trackingNumber ? [f.trackingNumber] : []))),
  );

  const locations = new Map(data.locations.map((l) => [l.key, l]));
  const variants = new Map(data.products.flatMap((p) => p.variants.map((v) => [v.key, v] as const)));
  const customers = new Set(data.customers.map((c) => c.key));

  for (const l of data.locations) {
    const a = l.address;
    if (Math.abs(a.latitude) > 90 || Math.abs(a.longitude) > 180) problems.push(`location ${l.key}: coordinates out of range`);
    if (l.localPickup && !l.isActive) problems.push(`location ${l.key}: local pickup enabled on an inactive location`);
  }

  // Catalog
  for (const p of data.products) {
    if (p.variants.length === 0) problems.push(`product ${p.key}: has no variants`);
    for (const v of p.variants) {
      if (!/^\d+\.\d{2}$/.test(v.price)) problems.push(`variant ${v.key}: price "${v.price}" is not a decimal string`);
      if (!(v.weightGrams >= 0)) problems.push(`variant ${v.key}: negative weight`);
      for (const so of v.selectedOptions) {
        const option = p.options.find((o) => o.name === so.name);
        if (!option) problems.push(`variant ${v.key}: option "${so.name}" is not an option of ${p.key}`);
        else if (!option.values.includes(so.value)) problems.push(`variant ${v.key}: "${so.value}" is not a value of option "${so.name}"`);
      }
      for (const [locationKey, level] of Object.entries(v.inventory)) {
        if (!locations.has(locationKey)) problems.push(`variant ${v.key}: inventory at unknown location "${locationKey}"`);
        const committed = level.committed ?? 0;
        for (const [name, n] of [["onHand", level.onHand], ["committed", committed], ["incoming", level.incoming ?? 0]] as const) {
          if (!Number.isInteger(n) || n < 0) problems.push(`variant ${v.key} at ${locationKey}: ${name} ${n} is not a non-negative integer`);
        }
        if (committed > level.onHand) problems.push(`variant ${v.key} at ${locationKey}: committed ${committed} exceeds onHand ${level.onHand}`);
      }
    }
  }

  // Orders
  const byNumber = [...data.orders].sort((a, b) => a.number - b.number);
  for (let i = 1; i < byNumber.length; i++) {
    const prev = byNumber[i - 1] as SeedOrder;
    const cur = byNumber[i] as SeedOrder;
    if (Date.parse(cur.createdAt) < Date.parse(prev.createdAt)) {
      problems.push(`order ${cur.key}: number ${cur.number} is created before order ${prev.key} (#${prev.number})`);
    }
  }

  for (const o of data.orders) {
    const at = `order ${o.key}`;
    if (!customers.has(o.customerKey)) problems.push(`${at}: unknown customer "${o.customerKey}"`);
    const assigned = locations.get(o.assignedLocationKey);
    if (!assigned) problems.push(`${at}: unknown assigned location "${o.assignedLocationKey}"`);
    else if (!assigned.isActive) problems.push(`${at}: assigned to inactive location ${assigned.key}`);

    if (o.lines.length === 0) problems.push(`${at}: has no lines`);
    const ordered = new Map<string, number>();
    for (const line of o.lines) {
      if (!variants.has(line.variantKey)) problems.push(`${at}: line references unknown variant "${line.variantKey}"`);
      if (!Number.isInteger(line.quantity) || line.quantity < 1) problems.push(`${at}: line ${line.variantKey} has quantity ${line.quantity}`);
      ordered.set(line.variantKey, (ordered.get(line.variantKey) ?? 0) + line.quantity);
    }

    for (const a of o.noteAttributes) {
      if ("locationKey" in a && !locations.has(a.locationKey)) problems.push(`${at}: attribute ${a.name} names unknown location "${a.locationKey}"`);
    }

    // Delivery method
    const pickupAttr = o.noteAttributes.find((a) => a.name === PICKUP_LOCATION_ATTRIBUTE);
    if (o.deliveryMethod === "PICK_UP") {
      const store = o.pickupLocationKey === undefined ? undefined : locations.get(o.pickupLocationKey);
      if (o.pickupLocationKey === undefined) problems.push(`${at}: pickup order without pickupLocationKey`);
      else if (!store) problems.push(`${at}: unknown pickup location "${o.pickupLocationKey}"`);
      else if (!store.localPickup || !store.isActive) problems.push(`${at}: pickup at ${store.key}, which does not offer local pickup`);
      if (o.shippingAddress !== null) problems.push(`${at}: pickup order has a shipping address`);
      if (pickupAttr && !("locationKey" in pickupAttr)) {
        // Routing reads a location GID or numeric id: a literal key or name would be ignored.
        problems.push(`${at}: ${PICKUP_LOCATION_ATTRIBUTE} attribute has the literal value "${pickupAttr.value}"; name the store with locationKey so the shop gets its GID`);
      } else if (pickupAttr && pickupAttr.locationKey !== o.pickupLocationKey) {
        problems.push(`${at}: ${PICKUP_LOCATION_ATTRIBUTE} attribute "${pickupAttr.locationKey}" differs from pickupLocationKey "${o.pickupLocationKey}"`);
      }
    } else {
      if (o.shippingAddress === null) problems.push(`${at}: shipping order without a shipping address`);
      if (o.pickupLocationKey !== undefined) problems.push(`${at}: shipping order has a pickupLocationKey`);
      if (pickupAttr) problems.push(`${at}: shipping order carries a ${PICKUP_LOCATION_ATTRIBUTE} attribute`);
    }

    // Fulfilled quantities
    const fulfilled = new Map<string, number>();
    for (const f of o.fulfillments) {
      if (f.lines.length === 0) problems.push(`${at}: fulfillment with no lines`);
      for (const line of f.lines) {
        if (!variants.has(line.variantKey)) problems.push(`${at}: fulfillment references unknown variant "${line.variantKey}"`);
        else if (!ordered.has(line.variantKey)) problems.push(`${at}: fulfillment ships ${line.variantKey}, which is not on the order`);
        if (!Number.isInteger(line.quantity) || line.quantity < 1) problems.push(`${at}: fulfillment line ${line.variantKey} has quantity ${line.quantity}`);
        fulfilled.set(line.variantKey, (fulfilled.get(line.variantKey) ?? 0) + line.quantity);
      }
    }
    for (const [variantKey, qty] of fulfilled) {
      const max = ordered.get(variantKey) ?? 0;
      if (qty > max && max > 0) problems.push(`${at}: fulfilled quantity ${qty} of ${variantKey} exceeds ordered quantity ${max}`);
    }
    const totalOrdered = [...ordered.values()].reduce((s, n) => s + n, 0);
    const totalFulfilled = [...fulfilled.values()].reduce((s, n) => s + n, 0);
    const pickupStatuses = o.fulfillments.filter((f) => f.status === "READY_FOR_PICKUP" || f.status === "PICKED_UP");
    if (o.deliveryMethod === "SHIPPING" && pickupStatuses.length > 0) problems.push(`${at}: shipping order has a pickup fulfillment status`);

    // State consistency
    const statuses = o.fulfillments.map((f) => f.status);
    const expect = (ok: boolean, message: string): void => {
      if (!ok) problems.push(`${at}: state ${o.state} but ${message}`);
    };
    switch (o.state) {
      case "unfulfilled":
        expect(totalFulfilled === 0, "it has fulfillments");
        break;
      case "partially_fulfilled":
        expect(totalFulfilled > 0 && totalFulfilled < totalOrdered, `${totalFulfilled} of ${totalOrdered} units are fulfilled`);
        break;
      case "fulfilled":
        expect(totalFulfilled === totalOrdered, `${totalFulfilled} of ${totalOrdered} units are fulfilled`);
        expect(o.deliveryMethod === "SHIPPING", "it is not a shipping order");
        expect(statuses.some((s) => s !== "DELIVERED"), "every shipment is delivered");
        break;
      case "delivered":
        expect(totalFulfilled === totalOrdered, `${totalFulfilled} of ${totalOrdered} units are fulfilled`);
        expect(o.deliveryMethod === "SHIPPING", "it is not a shipping order");
        expect(statuses.every((s) => s === "DELIVERED"), "not every shipment is DELIVERED");
        break;
      case "cancelled":
        expect(o.cancelledAt !== undefined, "cancelledAt is missing");
        expect(o.cancelReason !== undefined, "cancelReason is missing");
        expect(["VOIDED", "REFUNDED", "PARTIALLY_REFUNDED"].includes(o.financialStatus), `financialStatus is ${o.financialStatus}`);
        expect(totalFulfilled === 0, "it has fulfillments");
        break;
      case "ready_for_pickup":
      case "picked_up": {
        const wanted = o.state === "ready_for_pickup" ? "READY_FOR_PICKUP" : "PICKED_UP";
        expect(o.deliveryMethod === "PICK_UP", "it is not a pickup order");
        expect(totalFulfilled === totalOrdered, `${totalFulfilled} of ${totalOrdered} units are in pickup fulfillments`);
        expect(statuses.length > 0 && statuses.every((s) => s === wanted), `fulfillment statuses are ${statuses.join(", ") || "none"}`);
        break;
      }
    }
    if (o.state !== "cancelled" && (o.cancelledAt !== undefined || o.cancelReason !== undefined)) {
      problems.push(`${at}: has cancellation fields but state ${o.state}`);
    }
    if (FULFILLED_STATES.has(o.state) && o.fulfillments.length === 0) problems.push(`${at}: state ${o.state} without fulfillments`);

    // Timestamps
    const created = time(`${at} createdAt`, o.createdAt);
    notFuture(`${at} createdAt`, created);
    const cancelledAt = time(`${at} cancelledAt`, o.cancelledAt);
    notAfter(`${at} createdAt`, created, "cancelledAt", cancelledAt);
    notFuture(`${at} cancelledAt`, cancelledAt);
    o.fulfillments.forEach((f, i) => {
      const ft = `${at} fulfillment ${i + 1}`;
      const fCreated = time(`${ft} createdAt`, f.createdAt);
      const inTransit = time(`${ft} inTransitAt`, f.inTransitAt);
      const estimated = time(`${ft} estimatedDeliveryAt`, f.estimatedDeliveryAt);
      const deliveredAt = time(`${ft} deliveredAt`, f.deliveredAt);
      notAfter(`${at} createdAt`, created, `${ft} createdAt`, fCreated);
      notAfter(`${ft} createdAt`, fCreated, "its inTransitAt", inTransit);
      notAfter(`${ft} inTransitAt`, inTransit, "its estimatedDeliveryAt", estimated);
      notAfter(`${ft} inTransitAt`, inTransit, "its deliveredAt", deliveredAt);
      notAfter(`${ft} createdAt`, fCreated, "its deliveredAt", deliveredAt);
      notFuture(`${ft} createdAt`, fCreated);
      notFuture(`${ft} inTransitAt`, inTransit);
      notFuture(`${ft} deliveredAt`, deliveredAt);
      if ((f.status === "DELIVERED" || f.status === "PICKED_UP") && f.deliveredAt === undefined) {
        problems.push(`${ft}: status ${f.status} without deliveredAt`);
      }
      if ((f.status === "IN_TRANSIT" || f.status === "OUT_FOR_DELIVERY") && f.inTransitAt === undefined) {
        problems.push(`${ft}: status ${f.status} without inTransitAt`);
      }
    });
  }
  return problems;
}
