// The Resend stand-in answers what the real `resend` SDK sends the way Resend does, and the Resend
// provider maps each answer onto success / retryable / final errors.
import "./env";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resendProvider } from "~/email/resend-provider.server";
import { startResendStandIn, type ResendStandIn } from "../../../tools/resend-stand-in";

let standIn: ResendStandIn;
let resend: Resend;

beforeAll(async () => {
  standIn = await startResendStandIn();
  resend = new Resend(standIn.apiKey, { baseUrl: standIn.url });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const email = { from: "Shop <shop@example.com>", to: "linh@example.com", subject: "Hello", html: "<p>Hi</p>", text: "Hi" };

describe("the stand-in, through the resend SDK", () => {
  it("accepts a message and describes it like Resend (GET /emails/:id)", async () => {
    const { data, error } = await resend.emails.send(email);
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(standIn.messages()).toEqual([expect.objectContaining({ id: data!.id, to: ["linh@example.com"], subject: "Hello", html: "<p>Hi</p>", text: "Hi", idempotencyKey: null })]);
    const got = await resend.emails.get(data!.id);
    expect(got.data).toMatchObject({ object: "email", id: data!.id, subject: "Hello", from: "Shop <shop@example.com>" });
  });

  it("rejects a missing or wrong API key like Resend (401 / 403)", async () => {
    const noKey = await fetch(`${standIn.url}/emails`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(email) });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    const wrong = await new Resend("re_wrong", { baseUrl: standIn.url }).emails.send(email);
    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect(standIn.messages()).toHaveLength(0);
  });

  it("validates like Resend: 422 with the field named", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...email, from: undefined }, "missing_required_field", "`from`"],
      [{ ...email, from: "not an address" }, "invalid_from_address", "`from`"],
      [{ ...email, to: "nobody" }, "validation_error", "`to`"],
      [{ ...email, subject: "" }, "missing_required_field", "`subject`"],
      [{ ...email, html: undefined, text: undefined }, "missing_required_field", "`html`"],
    ];
    for (const [payload, name, field] of cases) {
      const { error } = await resend.emails.send(payload as never);
      expect(error, name).toMatchObject({ statusCode: 422, name });
      expect(error?.message).toContain(field);
    }
    expect(standIn.messages()).toHaveLength(0);
  });

  it("Idempotency-Key: the same key and payload answer the first id and send nothing; another payload → 409", async () => {
    const first = await resend.emails.send(email, { idempotencyKey: "k-1" });
    const again = await resend.emails.send(email, { idempotencyKey: "k-1" });
    expect(again.data?.id).toBe(first.data?.id);
    expect(standIn.messages()).toHaveLength(1);
    expect(standIn.replays()).toBe(1);
    const changed = await resend.emails.send({ ...email, subject: "Changed" }, { idempotencyKey: "k-1" });
    expect(changed.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    const tooLong = await resend.emails.send(email, { idempotencyKey: "x".repeat(257) });
    expect(tooLong.error).toMatchObject({ statusCode: 400, name: "invalid_idempotency_key" });
    expect(standIn.messages()).toHaveLength(1);
  });

  it("the control API switches failures on over HTTP and lists what arrived", async () => {
    const fail = await fetch(`${standIn.url}/_control/fail`, { method: "POST", body: JSON.stringify({ count: 1, mode: "500" }) });
    expect(await fail.json()).toMatchObject({ ok: true, pending: 1 });
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    await resend.emails.send(email);
    const listed = (await (await fetch(`${standIn.url}/_control/emails`)).json()) as { data: unknown[]; requests: number };
    expect(listed.data).toHaveLength(1);
    expect(listed.requests).toBe(2);
    await fetch(`${standIn.url}/_control/reset`, { method: "POST" });
    expect(standIn.messages()).toHaveLength(0);
  });
});

describe("the Resend provider", () => {
  const outgoing = { ...email, idempotencyKey: "crossdock/shop/return-approved:r1" };

  it("success carries Resend's id", async () => {
    const result = await resendProvider({ apiKey: standIn.apiKey, baseUrl: standIn.url }).send(outgoing);
    expect(result).toEqual({ status: "success", id: standIn.messages()[0]!.id });
    expect(standIn.messages()[0]!.idempotencyKey).toBe(outgoing.idempotencyKey);
  });

  it("5xx, a dropped connection and a refused connection are retryable; nothing recorded before acceptance", async () => {
    const provider = resendProvider({ apiKey: standIn.apiKey, baseUrl: standIn.url, timeoutMs: 2_000 });
    standIn.failNext(1, "500");
    expect(await provider.send(outgoing)).toMatchObject({ status: "error", retryable: true, code: "internal_server_error" });
    standIn.failNext(1, "drop");
    expect(await provider.send(outgoing)).toMatchObject({ status: "error", retryable: true });
    expect(standIn.messages()).toHaveLength(0);
    standIn.failNext(1, "drop-after-accept");
    expect(await provider.send(outgoing)).toMatchObject({ status: "error", retryable: true });
    expect(standIn.messages()).toHaveLength(1);
    // The retry learns the id of the message Resend accepted.
    expect(await provider.send(outgoing)).toEqual({ status: "success", id: standIn.messages()[0]!.id });
    const nowhere = resendProvider({ apiKey: "k", baseUrl: "http://127.0.0.1:9", timeoutMs: 2_000 });
    expect(await nowhere.send(outgoing)).toMatchObject({ status: "error", retryable: true, error: expect.stringContaining("no answer from Resend") });
  });

  it("validation and authentication errors are final", async () => {
    const provider = resendProvider({ apiKey: standIn.apiKey, baseUrl: standIn.url });
    expect(await provider.send({ ...outgoing, to: "nobody" })).toMatchObject({ status: "error", retryable: false, code: "validation_error" });
    const wrongKey = resendProvider({ apiKey: "re_wrong", baseUrl: standIn.url });
    expect(await wrongKey.send(outgoing)).toMatchObject({ status: "error", retryable: false, code: "invalid_api_key" });
    expect(await provider.send({ ...outgoing, idempotencyKey: "" })).toMatchObject({ status: "error", retryable: false });
  });
});
