// Staff send a mail return to another location from its page in the desk, while no label exists:
// the label and packing slip printed later name the new destination.
import { canChangeDestination } from "~/domain/returns/destination";
import { logger } from "~/logger.server";
import { changeReturnDestination as storeDestination, findLocationByShopifyId, findReturnById, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";

type ChangeReturnDestinationResult =
  | { status: "changed"; ret: ReturnWithDetails; locationName: string }
  | { status: "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  /** The chosen location is not an active location of this shop. */
  | { status: "invalid"; problem: "location" }
  /** A label exists (or the return is not an open mail return): the destination stays. */
  | { status: "refused"; problem: "label-exists" };

export async function changeReturnDestination(input: { shop: ShopRef; returnId: string; locationId: string; actor: string }): Promise<ChangeReturnDestinationResult> {
  const { shop } = input;
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  const location = input.locationId ? await findLocationByShopifyId(shop, input.locationId) : null;
  if (!location || !location.isActive) return { status: "invalid", problem: "location" };
  if (!canChangeDestination(ret)) return { status: "refused", problem: "label-exists" };
  if (ret.returnLocationId === location.shopifyId) return { status: "unchanged", ret };

  const previous = ret.returnLocationId ? await findLocationByShopifyId(shop, ret.returnLocationId) : null;
  const changed = await storeDestination(shop, ret.id, {
    from: ret.status,
    locationId: location.shopifyId,
    event: {
      type: "destination_changed",
      actor: input.actor,
      message: previous ? `${previous.name} → ${location.name}` : location.name,
      data: { from: ret.returnLocationId, to: location.shopifyId },
    },
  });
  // Nothing written: a label was made, or the status moved, since the read.
  if (!changed) return { status: "refused", problem: "label-exists" };
  logger.info({ shopId: shop.id, rma: ret.rma, to: location.shopifyId, actor: input.actor }, "Return destination changed");
  return { status: "changed", ret: changed, locationName: location.name };
}
