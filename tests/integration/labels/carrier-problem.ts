import { expect } from "vitest";
import { CarrierLabelError } from "~/labels/provider";

/** The CarrierLabelError problem a carrier provider's promise fails with (fails the test when it succeeds or fails otherwise). */
export async function carrierProblem(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CarrierLabelError);
    return (error as CarrierLabelError).problem;
  }
  throw new Error("expected a CarrierLabelError");
}
