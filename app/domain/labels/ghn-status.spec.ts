import { describe, expect, it } from "vitest";
import { trackingTarget } from "~/domain/returns/carrier-tracking";
import { GHN_STATUSES, ghnTrackingStatus } from "./ghn-status";

describe("ghnTrackingStatus", () => {
  it("moves a return only when GHN has the parcel (in transit) or has delivered it", () => {
    const moves = Object.fromEntries(GHN_STATUSES.map((s) => [s, trackingTarget(ghnTrackingStatus(s))]));
    expect(Object.entries(moves).filter(([, to]) => to === "IN_TRANSIT").map(([s]) => s)).toEqual(["picked", "storing", "transporting", "sorting", "delivering", "money_collect_delivering"]);
    expect(Object.entries(moves).filter(([, to]) => to === "DELIVERED").map(([s]) => s)).toEqual(["delivered"]);
  });

  it("says a failed, returned or cancelled parcel in tracking words, and any other status is unknown", () => {
    expect(ghnTrackingStatus("delivery_fail")).toBe("failure");
    expect(ghnTrackingStatus("lost")).toBe("failure");
    expect(ghnTrackingStatus("returning")).toBe("returned_to_sender");
    expect(ghnTrackingStatus("cancel")).toBe("cancelled");
    expect(ghnTrackingStatus(" Picking ")).toBe("pre_transit");
    expect(ghnTrackingStatus("something_new")).toBe("unknown");
  });
});
