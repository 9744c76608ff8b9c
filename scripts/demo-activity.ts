/**
 * The demo's shop in use, added on a start whose shop has no routing decisions yet (a restart with
 * the kept database adds nothing): shoppers place new orders in the simulated Shopify (its control
 * API, as checkout would) and Crossdock routes them through its webhooks and jobs; shoppers ask for
 * returns through the customer portal's use case (the one its form submits; not through its lookup,
 * whose per-address rate limit the person opening the portal next would then hit); staff decide,
 * receive and refund them through the returns desk's services (both in the app: POST
 * /demo/activity), which send the emails; and one
 * order is placed while Shopify's Admin API is down, so Activity shows a failed job to retry.
 * It never stops the demo from starting: every failure is logged and the demo goes on.
 */
import { buildDemoShop } from "../simulator/seed/demo-shop";
import type { Stack } from "./stack";

type Json = Record<string, unknown>;
interface Level { sku: string | null; locationId: string; location: string; available: number }

const NEW_YORK = { firstName: "Grace", lastName: "Park", address1: "350 5th Ave", city: "New York", provinceCode: "NY", zip: "10118", country: "United States", countryCode: "US", latitude: 40.7484, longitude: -73.9857 };
const SAN_FRANCISCO = { firstName: "Ada", lastName: "Lee", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958 };
const HO_CHI_MINH = { firstName: "Mai", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 };

/** Each return's staff steps: one return in every state of the desk. */
const RETURN_PLANS: string[][] = [[], ["approve"], ["decline"], ["approve", "receive"], ["approve", "refund"], ["approve", "refund", "close"]];

export async function addDemoActivity(stack: Stack, options: { now?: Date; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const control = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${stack.simulator.url}/_control${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  const app = async (body?: unknown): Promise<Json> => {
    const response = await fetch(`${stack.appUrl}/demo/activity`, body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`/demo/activity: ${response.status}`);
    return (await response.json()) as Json;
  };
  const shopPath = `/shops/${stack.shop}`;

  const state = await app();
  if (Number(state.decisions) > 0) {
    log(`demo activity: the shop is already in use (${String(state.decisions)} routing decisions), nothing added`);
    return;
  }

  // 0. Staff marked which locations are stores (the seed's store kind), as the setup list asks.
  const stores = buildDemoShop({ now: options.now }).locations.filter((l) => l.kind === "store").map((l) => l.name);
  const marked = await app({ step: "stores", names: stores });
  for (const note of (marked.notes as string[] | undefined) ?? []) log(`demo activity: ${note}`);

  // 1. New orders, chosen from the shop's stock so routing has something to explain each time.
  const { inventory, locations } = (await control("GET", `${shopPath}/state`)) as unknown as { inventory: Level[]; locations: { id: string; name: string }[] };
  const orderIds: string[] = [];
  const place = async (what: string, body: Json) => {
    try {
      const created = (await control("POST", `${shopPath}/orders`, { financialStatus: "PAID", wait: false, ...body })) as { order: { id: string; name: string } };
      orderIds.push(created.order.id);
      log(`demo activity: ${created.order.name} ${what}`);
    } catch (error) {
      log(`demo activity: could not place the order that ${what}: ${String(error)}`);
    }
  };
  for (const order of chooseOrders(inventory, locations)) await place(order.what, order.body);

  // 2. Return requests from shoppers of delivered orders, as the customer portal submits them.
  const delivered = new Set(buildDemoShop({ now: options.now }).orders.filter((o) => o.state === "delivered" && !o.cancelledAt).map((o) => `#${o.number}`));
  const { orders } = (await control("GET", `${shopPath}/state`)) as unknown as { orders: { id: string; name: string }[] };
  const requested = await app({ step: "returns", count: RETURN_PLANS.length, orderIds: orders.filter((o) => delivered.has(o.name)).map((o) => o.id) });
  const rmas = (requested.rmas as string[] | undefined) ?? [];
  log(`demo activity: ${rmas.length} return requests from shoppers (${seconds()})`);

  // 3. Staff: the routed orders' decisions, then the desk's steps, each return to its own state.
  const staff = await app({ step: "staff", orderIds, returns: rmas.map((rma, i) => ({ rma, steps: RETURN_PLANS[i] })) });
  for (const note of (staff.notes as string[] | undefined) ?? []) log(`demo activity: ${note}`);
  log(`demo activity: orders routed and returns decided (${seconds()})`);
  await control("GET", `/webhooks?shop=${encodeURIComponent(stack.shop)}&wait=1`);
  await app({ step: "settle" });

  // 4. An order placed while Shopify's Admin API answers 503: its routing job fails for good and
  //    waits in Activity for someone to press Retry (Shopify answers again by then).
  const sku = inventory.find((l) => l.sku && l.available > 2 && l.location.includes("Edison"))?.sku;
  if (sku) {
    await control("PUT", `${shopPath}/faults`, { status: 503, count: 100_000 });
    try {
      await place("was placed while Shopify was not answering (its job failed: retry it in Activity)", { lines: [{ sku, quantity: 1 }], email: "sam@example.com", shippingAddress: NEW_YORK, wait: false });
      const failed = await app({ step: "failed" });
      if (!failed.ok) log("demo activity: the job meant to fail did not fail in time");
    } finally {
      await control("PUT", `${shopPath}/faults`, { count: 0 });
    }
  }
  log(`demo activity added (${seconds()})`);
}

function chooseOrders(inventory: Level[], locations: { id: string; name: string }[]): { what: string; body: Json }[] {
  const at = (sku: string, name: RegExp) => inventory.filter((l) => l.sku === sku && name.test(l.location)).reduce((n, l) => n + l.available, 0);
  const skus = [...new Set(inventory.flatMap((l) => (l.sku ? [l.sku] : [])))].filter((sku) => !sku.includes("-TDT-") && !sku.includes("-SOF-"));
  const total = (sku: string) => at(sku, /./);
  const orders: { what: string; body: Json }[] = [];
  // Ships from the nearest place that has it: a New Yorker's tee.
  const near = skus.find((sku) => at(sku, /Edison/) > 3 && at(sku, /SoHo|Williamsburg/) > 3);
  if (near) orders.push({ what: "ships from the nearest location with stock", body: { lines: [{ sku: near, quantity: 1 }], email: "grace@example.com", shippingAddress: NEW_YORK } });
  // Split: ten each of two items, and no one location holds ten of both.
  const many = 10;
  const holders = (sku: string) => new Set(inventory.filter((l) => l.sku === sku && l.available >= many).map((l) => l.locationId));
  const split = skus.flatMap((a) => {
    const atA = holders(a);
    if (atA.size === 0) return [];
    const b = skus.find((sku) => sku !== a && holders(sku).size > 0 && [...holders(sku)].every((id) => !atA.has(id)));
    return b ? [[a, b] as const] : [];
  })[0];
  if (split) {
    orders.push({ what: "is split across two locations", body: { lines: split.map((sku) => ({ sku, quantity: many })), email: "ada@example.com", shippingAddress: SAN_FRANCISCO } });
  }
  // Pickup at a store.
  const soho = locations.find((l) => l.name.includes("SoHo"));
  const pickupSku = skus.find((sku) => at(sku, /SoHo/) > 2);
  if (soho && pickupSku) {
    orders.push({
      what: "is picked up at a store",
      body: { lines: [{ sku: pickupSku, quantity: 1 }], email: "lin@example.com", shippingAddress: NEW_YORK, deliveryMethod: "PICK_UP", pickupLocationId: soho.id, noteAttributes: [{ name: "_crossdock_pickup_location", value: soho.id }] },
    });
  }
  // More than the whole shop holds: routed as far as it goes, the rest flagged.
  const scarce = skus.filter((sku) => total(sku) > 0).sort((a, b) => total(a) - total(b))[0];
  if (scarce) orders.push({ what: "cannot be filled completely", body: { lines: [{ sku: scarce, quantity: total(scarce) + 2 }], email: "mai@example.com", shippingAddress: HO_CHI_MINH } });
  return orders;
}
