// Loader of the label download, shared by /portal/:shop/o/:token/returns/:rma/label and its proxy
// twin: a PDF for a validly signed, unexpired link to one of this shop's returns; 403 otherwise.
import { normaliseRma } from "~/domain/returns/rma";
import { downloadReturnLabel } from "~/services/download-return-label.server";
import { resolvePortalRequest, shopperFacingRoute } from "../context.server";
import { portalT } from "../i18n";

type Args = { request: Request; params: { shop?: string; token?: string; rma?: string } };

export const returnLabelLoader = shopperFacingRoute(async function returnLabelLoader({ request, params }: Args): Promise<Response> {
  const portal = await resolvePortalRequest(request, params);
  const forbidden = () =>
    new Response(portalT(portal.locale, "returns")("label.forbidden"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  let orderId: string;
  try {
    // The link's own signature and expiry first, then the order token inside it.
    portal.verifySignedRequest();
    orderId = portal.verifyOrderToken(params.token ?? "");
  } catch (error) {
    if (error instanceof Response && error.status === 403) return forbidden();
    throw error;
  }
  const rma = normaliseRma(params.rma ?? "");
  const result = rma ? await downloadReturnLabel({ shop: portal.shop, graphql: await portal.admin(), orderId, rma }) : { status: "not-found" as const };
  if (result.status === "not-found") {
    return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(new Blob([result.pdf as Uint8Array<ArrayBuffer>]), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${result.filename}"`,
      "Content-Length": String(result.pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}, "text");
