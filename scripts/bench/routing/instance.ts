// The benchmark instance format of /work/shared/routing-bench/FORMAT.md, validated with zod, and
// its conversion into the routing engine's input.
import { z } from "zod";
import { costModelSchema, type RoutingInput } from "../../../app/domain/routing";

const finite = z.number().finite();
const units = z.number().int().nonnegative();

export const instanceSchema = z
  .object({
    version: z.literal(1),
    region: z.string().optional(),
    costModel: costModelSchema,
    locations: z
      .array(
        z.object({
          id: z.string().min(1),
          name: z.string(),
          kind: z.enum(["warehouse", "store"]),
          lat: finite.min(-90).max(90),
          lon: finite.min(-180).max(180),
          pickup: z.boolean().default(false),
        }),
      )
      .min(1),
    orders: z.array(
      z.object({
        id: z.string().min(1),
        destination: z.object({ lat: finite.min(-90).max(90), lon: finite.min(-180).max(180) }),
        lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
        stock: z.record(z.string(), z.record(z.string(), units)),
        pickupLocationId: z.string().optional(),
      }),
    ),
  })
  .superRefine((instance, ctx) => {
    const ids = new Set<string>();
    instance.locations.forEach((l, i) => {
      if (ids.has(l.id)) ctx.addIssue({ code: "custom", path: ["locations", i, "id"], message: `duplicate location id ${l.id}` });
      ids.add(l.id);
    });
    const orderIds = new Set<string>();
    instance.orders.forEach((o, i) => {
      if (orderIds.has(o.id)) ctx.addIssue({ code: "custom", path: ["orders", i, "id"], message: `duplicate order id ${o.id}` });
      orderIds.add(o.id);
      for (const locationId of Object.keys(o.stock)) {
        if (!ids.has(locationId)) ctx.addIssue({ code: "custom", path: ["orders", i, "stock", locationId], message: `unknown location ${locationId}` });
      }
      if (o.pickupLocationId !== undefined && !ids.has(o.pickupLocationId)) {
        ctx.addIssue({ code: "custom", path: ["orders", i, "pickupLocationId"], message: `unknown location ${o.pickupLocationId}` });
      }
    });
  });
export type Instance = z.output<typeof instanceSchema>;
export type InstanceOrder = Instance["orders"][number];

/** FORMAT.md's optimal file: order id → exact optimal cost. */
export const optimalSchema = z.record(z.string(), finite.nonnegative());

/**
 * One engine input per order: every instance location is a candidate (active, ships online orders,
 * pickup as the instance says), with the order's stock snapshot. Lines get ids `<order>#<n>`.
 */
export function toRoutingInputs(instance: Instance): RoutingInput[] {
  return instance.orders.map((order) => ({
    orderId: order.id,
    destination: order.destination,
    lines: order.lines.map((line, n) => ({ id: `${order.id}#${n + 1}`, sku: line.sku, quantity: line.quantity })),
    pickupLocationId: order.pickupLocationId,
    locations: instance.locations.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      lat: l.lat,
      lon: l.lon,
      active: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: l.pickup,
      stock: order.stock[l.id] ?? {},
    })),
  }));
}
