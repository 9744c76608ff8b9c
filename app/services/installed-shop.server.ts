import { getShop, type Shop } from "~/models/shops.server";

/** The authenticated session's shop as Crossdock stores it; 404 when it is not installed. */
export async function installedShop(domain: string): Promise<Shop> {
  const shop = await getShop(domain);
  if (!shop) throw new Response("Shop not installed", { status: 404 });
  return shop;
}
