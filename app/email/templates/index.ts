export { renderReturnEmail } from "./returns";
export { renderAttentionDigest } from "./attention";
export * from "./types";
export { renderShipmentAlert, renderShipmentEmail } from "./shipments";
export { renderReturnTrackingAlert } from "./return-alerts";
