import { getCustomerDataExport } from "~/models/customer-data-exports.server";
import { getShop } from "~/models/shops.server";

/** One customers/data_request export of the shop, as the JSON file the merchant downloads. */
export async function loadCustomerDataExport(input: { shop: string; id: string }): Promise<{ filename: string; json: string } | null> {
  const shop = await getShop(input.shop);
  if (!shop) return null;
  const found = await getCustomerDataExport(shop, input.id);
  if (!found) return null;
  const customer = found.customerId.replace(/^gid:\/\/shopify\/Customer\//, "");
  return {
    filename: `crossdock-customer-${customer}-${found.createdAt.toISOString().slice(0, 10)}.json`,
    json: JSON.stringify(found.data, null, 2),
  };
}
