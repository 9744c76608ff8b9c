/**
 * A parcel the shopper sends themselves (the built-in "ship it yourself" sheet: no postage, the
 * shopper's own carrier): the tracking number they may type in the portal, and the carrier's name.
 * The number is kept as carriers print it, without the spaces and dashes people type between its
 * groups, in capitals; the carrier's name as typed (any script: "Giao Hàng Nhanh", "顺丰速运").
 */
export const SELF_SHIP_LIMITS = { trackingMin: 4, trackingMax: 40, carrierMax: 60 } as const;

/** Why a typed tracking is refused; "notAllowed": the return no longer takes one (arrived, a paid label). */
export type SelfShipError = "trackingRequired" | "trackingInvalid" | "trackingTooLong" | "carrierInvalid" | "carrierTooLong" | "notAllowed";

export type SelfShipTracking = { ok: true; trackingNumber: string; carrier: string | null } | { ok: false; errors: Partial<Record<"trackingNumber" | "carrier", SelfShipError>> };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function parseSelfShipTracking(input: { trackingNumber: string; carrier: string }): SelfShipTracking {
  const errors: Partial<Record<"trackingNumber" | "carrier", SelfShipError>> = {};
  const typed = input.trackingNumber.trim();
  const trackingNumber = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (!typed) errors.trackingNumber = "trackingRequired";
  else if (typed.length > 100 || trackingNumber.length > SELF_SHIP_LIMITS.trackingMax) errors.trackingNumber = "trackingTooLong";
  else if (!/^[A-Z0-9]+$/.test(trackingNumber) || trackingNumber.length < SELF_SHIP_LIMITS.trackingMin) errors.trackingNumber = "trackingInvalid";
  const carrier = input.carrier.trim().replace(/\s+/g, " ");
  if (CONTROL.test(input.carrier.replace(/[\t\n\r ]/g, " "))) errors.carrier = "carrierInvalid";
  else if (carrier.length > SELF_SHIP_LIMITS.carrierMax) errors.carrier = "carrierTooLong";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, trackingNumber, carrier: carrier || null };
}
