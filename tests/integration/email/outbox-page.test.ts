// The Emails page (app/routes/app.emails.*), called the way Remix calls it: a signed admin request
// to the loader / action. Shop-scoped: another shop's messages are invisible and unreachable.
import "./env";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { JobDriver } from "~/queue/driver";
import { installJobDriver } from "~/queue/handle.server";
import { createEmailMessageOnce } from "~/models/email-messages.server";
import { action as emailAction, loader as emailLoader } from "~/routes/app.emails.$id";
import { loader as emailsLoader } from "~/routes/app.emails._index";
import { createTestShop, resetDatabase } from "../../setup/db";
import { API_KEY, API_SECRET } from "./env";

type Shop = Awaited<ReturnType<typeof createTestShop>>;
let shop: Shop;
let other: Shop;
const enqueued: string[] = [];

installJobDriver({
  kind: "inline",
  enqueueEmail: async (job: { messageId: string }) => void enqueued.push(job.messageId),
} as unknown as JobDriver);
afterAll(() => installJobDriver(undefined));

async function message(owner: Shop, key: string, status: "OUTBOX" | "FAILED" | "SENT", to = "linh@example.com") {
  const { message: m } = await createEmailMessageOnce(owner, {
    idempotencyKey: key,
    kind: "return-approved",
    locale: "vi",
    to,
    subject: `Yêu cầu trả hàng ${key} đã được chấp nhận`,
    html: `<!doctype html><p>HTML of ${key}</p><script>parent.document.title="pwned"</script>`,
    text: `Text of ${key}`,
  });
  return prisma.emailMessage.update({
    where: { id: m.id },
    data: { status, attempts: status === "FAILED" ? 8 : 1, lastError: status === "FAILED" ? "Resend answered 500" : null, sentAt: status === "FAILED" ? null : new Date() },
  });
}

beforeEach(async () => {
  await resetDatabase();
  enqueued.length = 0;
  shop = await createTestShop();
  other = await createTestShop();
  for (const s of [shop, other]) {
    await prisma.session.create({
      data: { id: `offline_${s.domain}`, shop: s.domain, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_orders" },
    });
  }
});

async function adminRequest(owner: Shop, path: string, init: RequestInit = {}): Promise<Request> {
  return setUpValidRequest(
    { type: RequestType.Bearer, store: owner.domain.replace(".myshopify.com", ""), apiKey: API_KEY, apiSecretKey: API_SECRET },
    new Request(`https://crossdock.example.com${path}`, init),
  );
}

async function responseOf(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await fn();
    if (value instanceof Response) return value;
    return Response.json(value);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the Emails page", () => {
  it("lists the shop's messages, newest first, with status, kind, recipient; never another shop's", async () => {
    await message(shop, "return-approved:a", "OUTBOX", "a@example.com");
    await message(shop, "return-approved:b", "FAILED", "b@example.com");
    await message(other, "return-approved:c", "OUTBOX", "someone-else@example.com");

    const view = await emailsLoader({ request: await adminRequest(shop, "/app/emails"), params: {}, context: {} });
    expect(view.delivery).toBe("outbox");
    expect(view.rows.map((r) => r.to)).toEqual(["b@example.com", "a@example.com"]);
    // In words for the staff member (English here): what the email is, its language, its state.
    expect(view.rows[0]).toMatchObject({ status: "Failed · 8 attempts", tone: "critical", kind: "Return approved", locale: "vi", language: "Tiếng Việt" });
    expect(view.counts).toEqual({ PENDING: 0, SENT: 0, FAILED: 1, OUTBOX: 1 });
    expect(JSON.stringify(view)).not.toContain("someone-else@example.com");
    // Bodies are not part of the list.
    expect(JSON.stringify(view)).not.toContain("HTML of");

    const failed = await emailsLoader({ request: await adminRequest(shop, "/app/emails?status=FAILED"), params: {}, context: {} });
    expect(failed.rows.map((r) => r.to)).toEqual(["b@example.com"]);

    const bad = await responseOf(async () => emailsLoader({ request: await adminRequest(shop, "/app/emails?status=BOGUS"), params: {}, context: {} }));
    expect(bad.status).toBe(400);
  });

  it("pages through many messages", async () => {
    for (let i = 0; i < 55; i++) await message(shop, `return-requested:${i}`, "OUTBOX");
    const first = await emailsLoader({ request: await adminRequest(shop, "/app/emails"), params: {}, context: {} });
    expect(first.rows).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await emailsLoader({ request: await adminRequest(shop, `/app/emails?cursor=${first.nextCursor}`), params: {}, context: {} });
    expect(second.rows).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(55);
  });

  it("opens one message with its HTML and text; another shop's message is a 404", async () => {
    const mine = await message(shop, "return-approved:a", "OUTBOX");
    const theirs = await message(other, "return-approved:c", "OUTBOX");
    const view = await emailLoader({ request: await adminRequest(shop, `/app/emails/${mine.id}`), params: { id: mine.id }, context: {} });
    expect(view.message).toMatchObject({ id: mine.id, text: "Text of return-approved:a", status: "OUTBOX" });
    expect(view.message.html).toContain("<p>HTML of return-approved:a</p>");

    const foreign = await responseOf(async () =>
      emailLoader({ request: await adminRequest(shop, `/app/emails/${theirs.id}`), params: { id: theirs.id }, context: {} }),
    );
    expect(foreign.status).toBe(404);
    const malformed = await responseOf(async () =>
      emailLoader({ request: await adminRequest(shop, "/app/emails/..%2F"), params: { id: "../" }, context: {} }),
    );
    expect(malformed.status).toBe(404);
  });

  it("Send again: a failed message goes back to the queue; anything else, or another shop's, is refused", async () => {
    const failed = await message(shop, "return-approved:b", "FAILED");
    const sent = await message(shop, "return-approved:s", "SENT");
    const theirs = await message(other, "return-approved:c", "FAILED");
    const post = async (owner: Shop, id: string) =>
      responseOf(async () => {
        const body = new FormData();
        body.set("intent", "retry");
        return emailAction({ request: await adminRequest(owner, `/app/emails/${id}`, { method: "POST", body }), params: { id }, context: {} });
      });

    const ok = await post(shop, failed.id);
    expect(ok.status).toBe(200);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(enqueued).toEqual([failed.id]);

    expect((await post(shop, sent.id)).status).toBe(409);
    expect((await post(shop, theirs.id)).status).toBe(409);
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("FAILED");
    expect(enqueued).toEqual([failed.id]);
  });
});
