// The acceptance test of issue #7's email part: the Resend stand-in receives exactly one message per
// event, even when the job is retried after a 500, after the connection dropped once Resend had
// accepted the message, after the process died between Resend's answer and the database update,
// and when the event is enqueued twice. On both drivers (BullMQ on real Redis, and in-process),
// against real PostgreSQL, through the real `resend` SDK.
import "./env";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { outboxProvider } from "~/email/outbox-provider.server";
import type { EmailProvider } from "~/email/provider";
import { resendProvider } from "~/email/resend-provider.server";
import { drainPendingEmails } from "~/jobs/drain.server";
import type { JobDriver } from "~/queue/driver";
import { createEmailProcessor } from "~/jobs/email-processor.server";
import { emailJobId } from "~/queue/queues";
import { enqueueReturnEmail, retryFailedEmail } from "~/services/enqueue-email.server";
import { startResendStandIn, type ResendStandIn } from "../../../tools/resend-stand-in";
import { createTestShop, resetDatabase } from "../../setup/db";
import { EMAIL_FROM } from "./env";
import { createReturn, obliterateQueues, startEmailJobs, waitForEmailStatus, type DriverKind, type EmailJobs } from "./support";

const RETRY = { maxAttempts: 4, backoffMs: 30 };
const LABEL_URL = "https://crossdock.example.com/portal/x/o/t/returns/r/label?exp=1&sig=s";

let standIn: ResendStandIn;
let shop: Awaited<ReturnType<typeof createTestShop>>;

/** What the jobs send with: Resend (pointed at the stand-in) unless a test swaps it. */
let provider: EmailProvider;
const switchable: EmailProvider = { kind: "resend", send: (email) => provider.send(email) };
const outbox = outboxProvider();
let useOutbox = false;
const processorFor = () =>
  createEmailProcessor({
    provider: { get kind() { return useOutbox ? outbox.kind : switchable.kind; }, send: (e) => (useOutbox ? outbox : switchable).send(e) },
    maxAttempts: RETRY.maxAttempts,
    emailFrom: EMAIL_FROM,
  });

beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(async () => {
  await standIn.close();
  await obliterateQueues();
});

beforeEach(async () => {
  await resetDatabase();
  standIn.reset();
  useOutbox = false;
  provider = resendProvider({ apiKey: standIn.apiKey, baseUrl: standIn.url, timeoutMs: 5_000 });
  shop = await createTestShop({ name: "Saigon Threads Ltd" });
  await prisma.shopSettings.update({ where: { shopId: shop.id }, data: { portalBrandName: "Saigon Threads", portalBrandColor: "#0a7d5a" } });
});

/** Lets a duplicate (if there were one) arrive before counting. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe.each<DriverKind>(["bullmq", "inline"])("with the %s driver", (kind) => {
  let jobs: EmailJobs;
  beforeAll(async () => {
    jobs = await startEmailJobs(kind, processorFor(), RETRY);
  });
  afterAll(() => jobs.close());
  afterEach(() => standIn.reset());

  async function approve(returnOverrides: Parameters<typeof createReturn>[1] = {}) {
    const ret = await createReturn(shop.id, returnOverrides);
    const result = await enqueueReturnEmail(shop, { returnId: ret.id, kind: "return-approved", labelUrl: LABEL_URL }, { driver: jobs.driver });
    if (!("message" in result)) throw new Error(`not enqueued: ${result.status}`);
    expect(result.status).toBe("queued");
    return { ret, message: result.message };
  }

  it("sends one message, as the SDK sends it: branded sender, reply-to, shopper's language, Idempotency-Key", async () => {
    await prisma.shop.update({ where: { id: shop.id }, data: { email: "hello@saigonthreads.vn" } });
    const { ret, message } = await approve();
    const sent = await waitForEmailStatus(message.id, ["SENT"]);
    await settle();
    const received = standIn.messages();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      id: sent.providerMessageId,
      to: ["linh@example.com"],
      from: '"Saigon Threads" <notify@crossdock.test>',
      replyTo: ["hello@saigonthreads.vn"],
      subject: `Yêu cầu trả hàng ${ret.rma} đã được chấp nhận`,
      idempotencyKey: `crossdock/${shop.id}/return-approved:${ret.id}`,
    });
    expect(received[0]!.html).toContain(LABEL_URL.replaceAll("&", "&amp;"));
    expect(received[0]!.text).toContain(LABEL_URL);
    expect(sent).toMatchObject({ attempts: 1, lastError: null, kind: "return-approved", locale: "vi", to: "linh@example.com" });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("a 500 is retried with back-off: one message, two attempts", async () => {
    standIn.failNext(1, "500");
    const { message } = await approve();
    const sent = await waitForEmailStatus(message.id, ["SENT"]);
    await settle();
    expect(standIn.requests()).toBe(2);
    expect(standIn.messages()).toHaveLength(1);
    expect(sent.attempts).toBe(2);
    expect(sent.providerMessageId).toBe(standIn.messages()[0]!.id);
  });

  it("the connection drops after Resend accepted the message: the retry gets the same id, no second message", async () => {
    standIn.failNext(1, "drop-after-accept");
    const { message } = await approve();
    const sent = await waitForEmailStatus(message.id, ["SENT"]);
    await settle();
    expect(standIn.requests()).toBe(2);
    expect(standIn.replays()).toBe(1);
    expect(standIn.messages()).toHaveLength(1);
    expect(sent.providerMessageId).toBe(standIn.messages()[0]!.id);
    expect(sent.attempts).toBe(2);
  });

  it("the process dies between Resend's answer and the database update: the retry sends nothing new", async () => {
    let crashes = 1;
    const real = provider;
    provider = {
      kind: "resend",
      async send(email) {
        const result = await real.send(email);
        if (crashes-- > 0) throw new Error("worker died before recording the send");
        return result;
      },
    };
    const { message } = await approve();
    const sent = await waitForEmailStatus(message.id, ["SENT"]);
    await settle();
    expect(standIn.messages()).toHaveLength(1);
    expect(standIn.replays()).toBe(1);
    expect(sent.providerMessageId).toBe(standIn.messages()[0]!.id);
  });

  it("enqueueing the same event twice (even at once) stores and sends one message", async () => {
    const ret = await createReturn(shop.id, { status: "DECLINED", declineReason: "OTHER", declineNote: "Sản phẩm đã qua sử dụng." });
    const request = { returnId: ret.id, kind: "return-declined" as const };
    const [a, b] = await Promise.all([
      enqueueReturnEmail(shop, request, { driver: jobs.driver }),
      enqueueReturnEmail(shop, request, { driver: jobs.driver }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["already-exists", "queued"]);
    const id = "message" in a ? a.message.id : "";
    await waitForEmailStatus(id, ["SENT"]);
    // And once more after it was sent.
    expect((await enqueueReturnEmail(shop, request, { driver: jobs.driver })).status).toBe("already-exists");
    await settle();
    expect(await prisma.emailMessage.count({ where: { shopId: shop.id } })).toBe(1);
    expect(standIn.requests()).toBe(1);
    expect(standIn.messages()).toHaveLength(1);
    expect(standIn.messages()[0]!.text).toContain("> Sản phẩm đã qua sử dụng.");
  });

  it("gives up after the last attempt: FAILED with the error; Retry sends it once the cause is gone", async () => {
    standIn.failNext(RETRY.maxAttempts, "500");
    const { message } = await approve();
    const failed = await waitForEmailStatus(message.id, ["FAILED"]);
    expect(failed.attempts).toBe(RETRY.maxAttempts);
    expect(failed.lastError).toContain("500");
    expect(standIn.messages()).toHaveLength(0);
    if (kind === "bullmq") {
      const job = await jobs.workers!.driver.emails.getJob(emailJobId({ messageId: message.id }));
      expect(await job?.getState()).toBe("failed");
    }

    expect(await retryFailedEmail(shop, message.id, { driver: jobs.driver })).toBe(true);
    const sent = await waitForEmailStatus(message.id, ["SENT"]);
    expect(sent.attempts).toBe(1);
    expect(standIn.messages()).toHaveLength(1);
    // Retrying a message that is not FAILED does nothing.
    expect(await retryFailedEmail(shop, message.id, { driver: jobs.driver })).toBe(false);
  });

  it("an error a retry cannot fix (Resend refuses the API key) fails at once, nothing sent", async () => {
    provider = resendProvider({ apiKey: "re_wrong_key", baseUrl: standIn.url });
    const { message } = await approve();
    const failed = await waitForEmailStatus(message.id, ["FAILED"]);
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("invalid_api_key");
    expect(standIn.requests()).toBe(1);
    expect(standIn.messages()).toHaveLength(0);
  });

  it("without a Resend key (outbox): the message is kept as OUTBOX and nothing is sent", async () => {
    useOutbox = true;
    const { message } = await approve();
    const kept = await waitForEmailStatus(message.id, ["OUTBOX"]);
    await settle();
    expect(kept.providerMessageId).toBeNull();
    expect(kept.html).toContain("Tải nhãn trả hàng");
    expect(standIn.requests()).toBe(0);
  });
});

describe("enqueueing", () => {
  it("a return without a customer email, or of another shop, enqueues nothing", async () => {
    const other = await createTestShop();
    const noEmail = await createReturn(shop.id, { customerEmail: null });
    const foreign = await createReturn(other.id);
    const fake = {
      enqueueEmail: async () => {
        throw new Error("must not be called");
      },
    } as unknown as JobDriver;
    expect(await enqueueReturnEmail(shop, { returnId: noEmail.id, kind: "return-requested" }, { driver: fake })).toEqual({ status: "no-recipient" });
    expect(await enqueueReturnEmail(shop, { returnId: foreign.id, kind: "return-requested" }, { driver: fake })).toEqual({ status: "not-found" });
    expect(await prisma.emailMessage.count()).toBe(0);
  });

  it("keeps the message when the queue is unreachable; the drain hands it over later", async () => {
    const ret = await createReturn(shop.id);
    const down = {
      enqueueEmail: async () => {
        throw new Error("Redis is not connected");
      },
    } as unknown as JobDriver;
    const result = await enqueueReturnEmail(shop, { returnId: ret.id, kind: "return-requested" }, { driver: down });
    expect(result.status).toBe("stored");
    const handed: string[] = [];
    const up = { enqueueEmail: async (job: { messageId: string }) => void handed.push(job.messageId) } as unknown as JobDriver;
    expect(await drainPendingEmails(up, { olderThanMs: 0 })).toBe(1);
    expect(handed).toEqual(["message" in result ? result.message.id : ""]);
  });
});
