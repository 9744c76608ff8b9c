// A local stand-in for Giao Hàng Nhanh (GHN)'s public API: what Crossdock calls to create a return
// order and print its label, with GHN's `{code, message, data}` envelope and Vietnamese messages,
// plus a control API for tests. Each behaviour and the GHN page it follows: tools/GHN-FIDELITY.md.
//
//   POST /shiip/public-api/v2/shipping-order/create                 headers Token + ShopId; the order by
//                                     ward/district/province names (or district_id + ward_code) →
//                                     {order_code, sort_code, trans_type, fee, total_fee, expected_delivery_time}
//   POST /shiip/public-api/v2/shipping-order/preview                the create body, checked and priced the
//                                     same way, nothing created → {order_code: "", …, total_fee, …}
//   POST /shiip/public-api/v2/shipping-order/detail-by-client-code  header Token; {client_order_code} → [order]
//   POST /shiip/public-api/v2/a5/gen-token                          header Token; {order_codes} → {token} (30 min)
//   GET  /a5/public-api/printA5?token=…                             the A5 label (PDF: order code as Code 128)
//   GET  /shiip/public-api/master-data/province|district|ward       the stand-in's slice of GHN's master data
//   POST /_control/fail      {count, mode: "500" | "503" | "slow", delayMs?, step?: "create" | "preview" | "detail" | "token" | "print"}
//   POST /_control/no-service {on: boolean}: no service on any route (create answers code 400)
//   POST /_control/reset     forget orders and pending failures
//   POST /_control/orders/:order_code/status {status, reason?}: GHN moves the order and calls the
//                            shop's webhook (`callbackUrl`) with its documented body, again on a
//                            non-200 answer (10 times, `callbackRetryDelayMs` apart; GHN: 5 s)
//
// Run it alone: `npx tsx tools/ghn-stand-in.ts [--port 3027] [--token …] [--shop-id 885]`, then
// GHN_TOKEN=… GHN_SHOP_ID=885 GHN_BASE_URL=http://127.0.0.1:3027. Tests start it in-process.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import bwipjs from "bwip-js/node";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export type GhnFailure = "500" | "503" | "slow";
export type GhnStep = "any" | "create" | "preview" | "detail" | "token" | "print";

interface Ward {
  WardCode: string;
  WardName: string;
  names: string[];
}
interface District {
  DistrictID: number;
  DistrictName: string;
  names: string[];
  wards: Ward[];
}
interface Province {
  ProvinceID: number;
  ProvinceName: string;
  names: string[];
  districts: District[];
}

const ward = (code: string, name: string, ...names: string[]): Ward => ({ WardCode: code, WardName: name, names: [name, ...names] });
const district = (id: number, name: string, names: string[], wards: Ward[]): District => ({ DistrictID: id, DistrictName: name, names: [name, ...names], wards });

/**
 * The stand-in's slice of GHN's master data (GHN has every ward of Vietnam; this has the places the
 * demo shop and the tests use). Names match as GHN's `NameExtension` lists do: with or without the
 * "Thành phố"/"Tỉnh"/"Quận" prefix, case-insensitive.
 */
const MASTER_DATA: Province[] = [
  {
    ProvinceID: 202,
    ProvinceName: "Hồ Chí Minh",
    names: ["Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "HCM", "Sài Gòn"],
    districts: [
      district(1442, "Quận 1", ["Q1", "Q.1"], [ward("20109", "Phường Bến Nghé", "Bến Nghé"), ward("20110", "Phường Bến Thành", "Bến Thành")]),
      district(1444, "Quận 3", ["Q3", "Q.3"], [ward("20308", "Phường Võ Thị Sáu", "Võ Thị Sáu")]),
      district(1449, "Quận 7", ["Q7", "Q.7"], [ward("20708", "Phường Tân Phong", "Tân Phong")]),
      district(1452, "Quận 10", ["Q10", "Q.10"], [ward("21014", "Phường 14")]),
      district(1462, "Quận Bình Thạnh", ["Bình Thạnh"], [ward("21625", "Phường 25")]),
      district(3695, "Thành phố Thủ Đức", ["Thủ Đức", "TP Thủ Đức"], [ward("90737", "Phường Thảo Điền", "Thảo Điền")]),
    ],
  },
  {
    ProvinceID: 201,
    ProvinceName: "Hà Nội",
    names: ["Hà Nội", "TP Hà Nội", "Thành phố Hà Nội", "HN"],
    districts: [
      district(1489, "Quận Hoàn Kiếm", ["Hoàn Kiếm"], [ward("1A0208", "Phường Hàng Bài", "Hàng Bài")]),
      district(1492, "Quận Tây Hồ", ["Tây Hồ"], [ward("1A0402", "Phường Quảng An", "Quảng An")]),
      district(1485, "Quận Cầu Giấy", ["Cầu Giấy"], [ward("1A0606", "Phường Dịch Vọng", "Dịch Vọng")]),
      district(1484, "Quận Ba Đình", ["Ba Đình"], [ward("1A0104", "Phường Điện Biên", "Điện Biên")]),
    ],
  },
  {
    ProvinceID: 203,
    ProvinceName: "Đà Nẵng",
    names: ["Đà Nẵng", "TP Đà Nẵng", "Thành phố Đà Nẵng"],
    districts: [district(1528, "Quận Sơn Trà", ["Sơn Trà"], [ward("40305", "Phường Phước Mỹ", "Phước Mỹ")])],
  },
  {
    ProvinceID: 224,
    ProvinceName: "Hải Phòng",
    names: ["Hải Phòng", "TP Hải Phòng", "Thành phố Hải Phòng"],
    districts: [district(1588, "Quận Ngô Quyền", ["Ngô Quyền"], [ward("30208", "Phường Lạch Tray", "Lạch Tray")])],
  },
  {
    ProvinceID: 220,
    ProvinceName: "Cần Thơ",
    names: ["Cần Thơ", "TP Cần Thơ", "Thành phố Cần Thơ"],
    districts: [district(1572, "Quận Ninh Kiều", ["Ninh Kiều"], [ward("550113", "Phường Tân An", "Tân An")])],
  },
  {
    ProvinceID: 205,
    ProvinceName: "Bình Dương",
    names: ["Bình Dương", "Tỉnh Bình Dương"],
    districts: [district(1538, "Thành phố Thủ Dầu Một", ["Thủ Dầu Một", "TP Thủ Dầu Một"], [ward("440112", "Phường Hòa Phú", "Hòa Phú")])],
  },
];

const norm = (s: unknown) => (typeof s === "string" ? s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi") : "");
const matches = (names: string[], value: unknown) => names.some((n) => norm(n) === norm(value));

interface Resolved {
  province: Province;
  district: District;
  ward: Ward;
}

/** A side of the order (`to`, `from`) resolved to GHN's ids, by names or ids; the problem in GHN's words when it does not resolve. */
function resolve(body: Record<string, unknown>, side: "to" | "from"): Resolved | string {
  const districtId = Number(body[`${side}_district_id`] ?? 0);
  const wardCode = body[`${side}_ward_code`];
  for (const province of MASTER_DATA) {
    for (const d of province.districts) {
      if (districtId ? d.DistrictID !== districtId : !(matches(province.names, body[`${side}_province_name`]) && matches(d.names, body[`${side}_district_name`]))) continue;
      const w = d.wards.find((x) => (wardCode ? x.WardCode === wardCode : matches(x.names, body[`${side}_ward_name`])));
      if (w) return { province, district: d, ward: w };
      return `Không tìm thấy phường/xã ${String(body[`${side}_ward_name`] ?? wardCode ?? "")} thuộc ${d.DistrictName}`;
    }
  }
  if (!districtId && !MASTER_DATA.some((p) => matches(p.names, body[`${side}_province_name`]))) return `Không tìm thấy tỉnh/thành phố ${String(body[`${side}_province_name`] ?? "")}`;
  return `Không tìm thấy quận/huyện ${String(body[`${side}_district_name`] ?? districtId)}`;
}

export interface StandInGhnOrder {
  order_code: string;
  client_order_code: string;
  shop_id: number;
  status: string;
  from_name: string;
  from_phone: string;
  from_address: string;
  from_ward_code: string;
  from_district_id: number;
  to_name: string;
  to_phone: string;
  to_address: string;
  to_ward_code: string;
  to_district_id: number;
  weight: number;
  length: number;
  width: number;
  height: number;
  service_type_id: number;
  payment_type_id: number;
  required_note: string;
  cod_amount: number;
  content: string;
  note: string;
  sort_code: string;
  total_fee: number;
  expected_delivery_time: string;
  created_date: string;
  /** Names as printed on the label (the stand-in's own bookkeeping). */
  areas: { from: string; to: string };
}

/** GHN's words for its statuses, as its callbacks' `Description` carries them. */
const STATUS_WORDS: Record<string, string> = {
  ready_to_pick: "Mới tạo đơn hàng",
  picking: "Nhân viên đang lấy hàng",
  money_collect_picking: "Đang thu tiền người gửi",
  picked: "Nhân viên đã lấy hàng",
  storing: "Hàng đang nằm ở kho",
  transporting: "Đang luân chuyển hàng",
  sorting: "Đang phân loại hàng hóa",
  delivering: "Nhân viên đang giao cho người nhận",
  money_collect_delivering: "Nhân viên đang thu tiền người nhận",
  delivered: "Nhân viên đã giao hàng thành công",
  delivery_fail: "Nhân viên giao hàng thất bại",
  waiting_to_return: "Đang đợi trả hàng về cho người gửi",
  return: "Trả hàng",
  return_transporting: "Đang luân chuyển hàng trả",
  return_sorting: "Đang phân loại hàng trả",
  returning: "Nhân viên đang đi trả hàng",
  return_fail: "Nhân viên trả hàng thất bại",
  returned: "Nhân viên trả hàng thành công",
  cancel: "Hủy đơn hàng",
  exception: "Đơn hàng ngoại lệ không nằm trong quy trình",
  lost: "Hàng bị mất",
  damage: "Hàng bị hư hỏng",
};

/** GHN's callback body (api.ghn.vn "Webhook", id=47: its example and field table). */
function callbackBody(o: StandInGhnOrder, type: "create" | "switch_status", reason = "") {
  return {
    CODAmount: o.cod_amount,
    CODTransferDate: null,
    ClientOrderCode: o.client_order_code,
    ConvertedWeight: o.weight,
    Description: type === "create" ? "Tạo đơn hàng" : (STATUS_WORDS[o.status] ?? o.status),
    Fee: { CODFailedFee: 0, CODFee: 0, Coupon: 0, DeliverRemoteAreasFee: 0, DocumentReturn: 0, DoubleCheck: 0, Insurance: 0, MainService: o.total_fee, PickRemoteAreasFee: 0, R2S: 0, Return: 0, StationDO: 0, StationPU: 0, Total: o.total_fee },
    Height: o.height,
    IsPartialReturn: false,
    Length: o.length,
    OrderCode: o.order_code,
    PartialReturnCode: "",
    PaymentType: o.payment_type_id,
    Reason: reason,
    ReasonCode: "",
    ShopID: o.shop_id,
    Status: o.status,
    Time: new Date().toISOString(),
    TotalFee: o.total_fee,
    Type: type,
    Warehouse: "Bưu Cục 229 Quan Nhân-Q.Thanh Xuân-HN",
    Weight: o.weight,
    Width: o.width,
  };
}

export interface GhnStandIn {
  /** The origin to give Crossdock as GHN_BASE_URL, e.g. http://127.0.0.1:3027 */
  baseUrl: string;
  token: string;
  shopId: number;
  orders(): StandInGhnOrder[];
  /** Orders created (POST …/shipping-order/create that succeeded). */
  created(): number;
  /** Every API request seen, "METHOD /path". */
  requests(): string[];
  failNext(count: number, mode?: GhnFailure, options?: { delayMs?: number; step?: GhnStep }): void;
  setNoService(on: boolean): void;
  /** Where GHN sends its callbacks (the shop's webhook URL, configured at GHN). */
  setCallbackUrl(url: string | null): void;
  /**
   * GHN moves the order to `status` and calls the webhook; the HTTP status of the delivery that
   * ended the tries (200, or the last of 10 answers; 0 when the webhook could not be reached).
   */
  advance(orderCode: string, status: string, options?: { reason?: string }): Promise<number>;
  /** Every callback body sent, in order (retries included). */
  callbacks(): Array<Record<string, unknown>>;
  reset(): void;
  close(): Promise<void>;
}

const REQUIRED_NOTES = new Set(["CHOTHUHANG", "CHOXEMHANGKHONGTHU", "KHONGCHOXEMHANG"]);
const PRINT_TOKEN_TTL_MS = 30 * 60 * 1000;

function orderCode(): string {
  // GHN's codes are 8 capital letters and digits, e.g. "GA99W4RR" / "5ENLKKHD" (docs' examples).
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXY3456789";
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
}

async function labelPdf(o: StandInGhnOrder): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`GHN ${o.order_code}`);
  doc.setSubject(`GHN test label ${o.client_order_code}`);
  doc.setCreator("GHN stand-in");
  // A5 portrait: 148 × 210 mm.
  const page = doc.addPage([420, 595]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // WinAnsi fonts: letters outside it (Vietnamese đ, ư, ơ, ạ …) are printed without their marks or as "?" (the stand-in's labels are for tests).
  const safe = (t: string) =>
    t
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^\x20-\x7E]/g, "?");
  const line = (t: string, x: number, y: number, size: number, font = regular) => page.drawText(safe(t), { x, y, size, font });
  page.drawRectangle({ x: 0, y: 555, width: 420, height: 40, color: rgb(0.95, 0.4, 0.1) });
  page.drawText("GHN - GIAO HANG NHANH", { x: 16, y: 569, size: 16, font: bold, color: rgb(1, 1, 1) });
  line("TEST LABEL - DO NOT SHIP", 16, 538, 9, bold);
  const png = await bwipjs.toBuffer({ bcid: "code128", text: o.order_code, scale: 3, height: 18, includetext: false, backgroundcolor: "FFFFFF", paddingwidth: 10, paddingheight: 2 });
  page.drawImage(await doc.embedPng(png), { x: 16, y: 440, width: 300, height: 84 });
  line(`Ma don GHN: ${o.order_code}`, 16, 420, 14, bold);
  line(`Sort code: ${o.sort_code}`, 16, 402, 10);
  line("Tu (From):", 16, 376, 10, bold);
  [o.from_name, o.from_phone, o.from_address, o.areas.from].forEach((l, i) => line(l, 16, 362 - i * 13, 10));
  line("Den (To):", 16, 300, 11, bold);
  [o.to_name, o.to_phone, o.to_address, o.areas.to].forEach((l, i) => line(l, 16, 285 - i * 15, 12, i === 0 ? bold : regular));
  line(`Noi dung: ${o.content.slice(0, 80)}`, 16, 210, 9);
  line(`Khoi luong: ${o.weight} g   Thu ho (COD): ${o.cod_amount} VND`, 16, 194, 9);
  line(`Ma don shop: ${o.client_order_code}`, 16, 178, 9);
  line(o.required_note === "KHONGCHOXEMHANG" ? "Khong cho xem hang" : o.required_note, 16, 162, 9);
  return doc.save();
}

export async function startGhnStandIn(
  options: { port?: number; host?: string; token?: string; shopId?: number; callbackUrl?: string; callbackRetryDelayMs?: number } = {},
): Promise<GhnStandIn> {
  const token = options.token ?? "ghn-stand-in-token";
  const shopId = options.shopId ?? 885;
  let orders: StandInGhnOrder[] = [];
  let requests: string[] = [];
  let failures: Array<{ mode: GhnFailure; delayMs: number; step: GhnStep }> = [];
  let printTokens = new Map<string, { codes: string[]; expires: number }>();
  let created = 0;
  let noService = false;
  let callbackUrl = options.callbackUrl ?? null;
  let sent: Array<Record<string, unknown>> = [];

  /** POSTs GHN's callback; a non-200 answer is sent again, 10 times in all (GHN: "fire back 10 times each time 5 seconds apart"). */
  async function deliver(body: Record<string, unknown>): Promise<number> {
    if (!callbackUrl) return 0;
    let status = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, options.callbackRetryDelayMs ?? 5_000));
      sent.push(body);
      try {
        status = (await fetch(callbackUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) })).status;
      } catch {
        status = 0;
      }
      if (status === 200) break;
    }
    return status;
  }

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  /** GHN's envelope; the HTTP status follows `code` (GHN's documented error bodies carry code 400 with a message). */
  const answer = (res: http.ServerResponse, code: number, message: string, data: unknown = null, codeMessage?: string) =>
    send(res, code, { code, message, data, ...(codeMessage && { code_message: codeMessage }) });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
        if (!res.headersSent) answer(res, 500, `Lỗi hệ thống: ${String(error)}`);
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      if (!path.startsWith("/_control/") && req.method === "POST") {
        return answer(res, 400, "code=400, message=Syntax error: invalid character in request body", null, "USER_ERR_COMMON");
      }
    }

    if (path.startsWith("/_control/") && req.method === "POST") {
      if (path === "/_control/fail") api.failNext(Number(body.count ?? 1), (body.mode as GhnFailure) ?? "500", { delayMs: Number(body.delayMs ?? 5000), step: (body.step as GhnStep) ?? "any" });
      else if (path === "/_control/no-service") noService = body.on === true;
      else if (path === "/_control/reset") api.reset();
      else {
        const move = /^\/_control\/orders\/([^/]+)\/status$/.exec(path);
        if (!move) return send(res, 404, { ok: false });
        const delivered = await api.advance(decodeURIComponent(move[1]!), String(body.status ?? ""), { reason: typeof body.reason === "string" ? body.reason : undefined });
        return send(res, 200, { ok: true, delivered });
      }
      return send(res, 200, { ok: true });
    }

    const step: GhnStep | null = path.endsWith("/shipping-order/create")
      ? "create"
      : path.endsWith("/shipping-order/preview")
        ? "preview"
      : path.endsWith("/detail-by-client-code")
        ? "detail"
        : path.endsWith("/a5/gen-token")
          ? "token"
          : path === "/a5/public-api/printA5"
            ? "print"
            : null;
    requests.push(`${req.method} ${path}`);
    if (step) {
      const at = failures.findIndex((f) => f.step === "any" || f.step === step);
      const failure = at >= 0 ? failures.splice(at, 1)[0] : undefined;
      if (failure?.mode === "500") return answer(res, 500, "Lỗi hệ thống, vui lòng thử lại sau");
      if (failure?.mode === "503") {
        res.writeHead(503, { "content-type": "text/html" });
        res.end("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        return;
      }
      if (failure?.mode === "slow") await new Promise((r) => setTimeout(r, failure.delayMs));
    }

    if (step === "print" && req.method === "GET") {
      const entry = printTokens.get(url.searchParams.get("token") ?? "");
      if (!entry || entry.expires < Date.now()) return answer(res, 400, "Token không hợp lệ hoặc đã hết hạn");
      const order = orders.find((o) => o.order_code === entry.codes[0]);
      if (!order) return answer(res, 400, "Lỗi gọi API: corev2_tenant_order_detail - code=404, message=Đơn hàng không tồn tại");
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(Buffer.from(await labelPdf(order)));
      return;
    }

    const master = /^\/shiip\/public-api\/master-data\/(province|district|ward)$/.exec(path);
    if (!step && !master) return answer(res, 404, "Không tìm thấy đường dẫn");
    if (req.headers.token !== token) return answer(res, 401, "Token không hợp lệ");

    if (master) {
      const kind = master[1];
      const q = { ...Object.fromEntries(url.searchParams), ...body };
      if (kind === "province") return answer(res, 200, "Success", MASTER_DATA.map((p) => ({ ProvinceID: p.ProvinceID, ProvinceName: p.ProvinceName, NameExtension: p.names })));
      if (kind === "district") {
        const provinceId = Number(q.province_id ?? 0);
        return answer(res, 200, "Success", MASTER_DATA.filter((p) => !provinceId || p.ProvinceID === provinceId).flatMap((p) => p.districts.map((d) => ({ DistrictID: d.DistrictID, ProvinceID: p.ProvinceID, DistrictName: d.DistrictName, NameExtension: d.names }))));
      }
      const districtId = Number(q.district_id ?? 0);
      const d = MASTER_DATA.flatMap((p) => p.districts).find((x) => x.DistrictID === districtId);
      if (!d) return answer(res, 400, "Quận/huyện không tồn tại");
      return answer(res, 200, "Success", d.wards.map((w) => ({ WardCode: w.WardCode, DistrictID: d.DistrictID, WardName: w.WardName, NameExtension: w.names })));
    }

    if (step === "detail") {
      const order = orders.find((o) => o.client_order_code === body.client_order_code && o.shop_id === shopId);
      if (!order) return answer(res, 400, "Lỗi gọi API: corev2_tenant_order_detail - code=404, message=Đơn hàng không tồn tại");
      const { areas: _areas, ...data } = order;
      return answer(res, 200, "Success", [data]);
    }

    if (step === "token") {
      const codes = Array.isArray(body.order_codes) ? body.order_codes.map(String) : [];
      if (codes.length === 0 || codes.some((c) => !orders.some((o) => o.order_code === c))) {
        return answer(res, 400, "Lỗi gọi API: corev2_tenant_order_detail - code=404, message=Đơn hàng không tồn tại");
      }
      const printToken = randomUUID();
      printTokens.set(printToken, { codes, expires: Date.now() + PRINT_TOKEN_TTL_MS });
      return answer(res, 200, "Success", { token: printToken });
    }

    // step === "create" or "preview" (the same body, checked and priced alike; a preview creates nothing)
    if (Number(req.headers.shopid ?? 0) !== shopId) return answer(res, 400, "ShopId không hợp lệ hoặc không thuộc tài khoản này", null, "USER_ERR_COMMON");
    for (const field of ["to_name", "to_phone", "to_address"]) {
      if (typeof body[field] !== "string" || !(body[field] as string).trim()) return answer(res, 400, `Thiếu thông tin ${field}`, null, "USER_ERR_COMMON");
    }
    const weight = Number(body.weight ?? 0);
    if (!Number.isInteger(weight) || weight <= 0 || weight > 50_000) return answer(res, 400, "Khối lượng đơn hàng không hợp lệ (tối đa 50000 gram)", null, "USER_ERR_COMMON");
    if (![1, 2].includes(Number(body.payment_type_id))) return answer(res, 400, "payment_type_id không hợp lệ", null, "USER_ERR_COMMON");
    if (!REQUIRED_NOTES.has(String(body.required_note ?? ""))) return answer(res, 400, "required_note không hợp lệ", null, "USER_ERR_COMMON");
    if (![2, 5].includes(Number(body.service_type_id ?? 0)) && !(Number(body.service_id ?? 0) > 0)) return answer(res, 400, "Thiếu thông tin service_type_id", null, "USER_ERR_COMMON");
    const clientOrderCode = typeof body.client_order_code === "string" ? body.client_order_code : "";
    if (step === "create" && clientOrderCode && orders.some((o) => o.client_order_code === clientOrderCode && o.shop_id === shopId)) {
      return answer(res, 400, `Mã đơn hàng của shop (client_order_code) ${clientOrderCode} đã tồn tại`, null, "USER_ERR_COMMON");
    }
    // The sender defaults to the shop's own address when no from_* is given (GHN: "the system uses the ShopId's information").
    const to = resolve(body, "to");
    if (typeof to === "string") return answer(res, 400, to, null, "USER_ERR_COMMON");
    const from = body.from_address ? resolve(body, "from") : resolve({ from_district_id: 1442, from_ward_code: "20109" }, "from");
    if (typeof from === "string") return answer(res, 400, from, null, "USER_ERR_COMMON");
    if (noService) return answer(res, 400, "Không có dịch vụ phù hợp cho tuyến giao hàng này (service_type_id không khả dụng)", null, "USER_ERR_COMMON");

    const sameProvince = from.province.ProvinceID === to.province.ProvinceID;
    const mainService = (sameProvince ? 22_000 : 33_000) + Math.max(0, Math.ceil((weight - 500) / 500)) * (sameProvince ? 2_500 : 5_000);
    const expected = new Date(Date.now() + (sameProvince ? 1 : 3) * 24 * 3600 * 1000);
    expected.setUTCHours(16, 59, 59, 0);
    const fee = { main_service: mainService, insurance: 0, station_do: 0, station_pu: 0, return: 0, r2s: 0, coupon: 0, cod_failed_fee: 0 };
    const sortCode = `${to.province.ProvinceID}-${to.district.DistrictID}-${to.ward.WardCode}`;
    if (step === "preview") {
      return answer(res, 200, "Success", { order_code: "", sort_code: sortCode, trans_type: "truck", ward_encode: "", district_encode: "", fee, total_fee: mainService, expected_delivery_time: expected.toISOString() });
    }
    const order: StandInGhnOrder = {
      order_code: orderCode(),
      client_order_code: clientOrderCode,
      shop_id: shopId,
      status: "ready_to_pick",
      from_name: String(body.from_name ?? "Shop"),
      from_phone: String(body.from_phone ?? ""),
      from_address: String(body.from_address ?? ""),
      from_ward_code: from.ward.WardCode,
      from_district_id: from.district.DistrictID,
      to_name: String(body.to_name),
      to_phone: String(body.to_phone),
      to_address: String(body.to_address),
      to_ward_code: to.ward.WardCode,
      to_district_id: to.district.DistrictID,
      weight,
      length: Number(body.length ?? 10),
      width: Number(body.width ?? 10),
      height: Number(body.height ?? 10),
      service_type_id: Number(body.service_type_id ?? 2),
      payment_type_id: Number(body.payment_type_id),
      required_note: String(body.required_note),
      cod_amount: Number(body.cod_amount ?? 0),
      content: String(body.content ?? ""),
      note: String(body.note ?? ""),
      sort_code: sortCode,
      total_fee: mainService,
      expected_delivery_time: expected.toISOString(),
      created_date: new Date().toISOString(),
      areas: {
        from: `${from.ward.WardName}, ${from.district.DistrictName}, ${from.province.ProvinceName}`,
        to: `${to.ward.WardName}, ${to.district.DistrictName}, ${to.province.ProvinceName}`,
      },
    };
    orders.push(order);
    created++;
    // GHN calls the webhook when an order is created (Type "create"), without holding up its answer.
    void deliver(callbackBody(order, "create"));
    return answer(res, 200, "Success", {
      order_code: order.order_code,
      sort_code: order.sort_code,
      trans_type: "truck",
      ward_encode: "",
      district_encode: "",
      fee,
      total_fee: mainService,
      expected_delivery_time: order.expected_delivery_time,
    });
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  const api: GhnStandIn = {
    baseUrl: `http://${host}:${port}`,
    token,
    shopId,
    orders: () => orders.map((o) => structuredClone(o)),
    created: () => created,
    requests: () => [...requests],
    failNext(count, mode = "500", opts = {}) {
      failures.push(...Array.from({ length: count }, () => ({ mode, delayMs: opts.delayMs ?? 5000, step: opts.step ?? "any" })));
    },
    setNoService(on) {
      noService = on;
    },
    setCallbackUrl(url) {
      callbackUrl = url;
    },
    async advance(code, status, opts = {}) {
      const order = orders.find((o) => o.order_code === code);
      if (!order) throw new Error(`The GHN stand-in has no order ${code}`);
      if (!(status in STATUS_WORDS)) throw new Error(`Not a GHN status: ${status}`);
      order.status = status;
      return deliver(callbackBody(order, "switch_status", opts.reason));
    },
    callbacks: () => sent.map((b) => structuredClone(b)),
    reset() {
      orders = [];
      requests = [];
      failures = [];
      printTokens = new Map();
      created = 0;
      noService = false;
      sent = [];
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
  return api;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const standIn = await startGhnStandIn({ port: Number(argument("--port") ?? 3027), token: argument("--token"), shopId: argument("--shop-id") ? Number(argument("--shop-id")) : undefined });
  process.stdout.write(`GHN stand-in on ${standIn.baseUrl} (Token ${standIn.token}, ShopId ${standIn.shopId})\n`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
