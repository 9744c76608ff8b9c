import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCustomerDataExport } from "~/services/load-customer-data-export.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";

export const meta = () => adminTitle("Customer data export", "Activity");

// A customers/data_request export, downloaded as JSON from the Activity page.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = params.id ?? "";
  if (!/^[a-z0-9]{10,40}$/.test(id)) throw new Response("Not found", { status: 404 });
  const file = await loadCustomerDataExport({ shop: session.shop, id });
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(file.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
};
