export { renderReturnEmail } from "./returns";
export { renderAttentionDigest } from "./attention";
export * from "./types";
export { renderShipmentAlert, renderShipmentEmail, type ShipmentAlertFacts, type ShipmentEmailFacts } from "./shipments";
