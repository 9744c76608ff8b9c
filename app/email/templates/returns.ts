// The six return emails: requested (received), approved, declined, delivered (by the carrier), received, refunded.
import { formatMoney } from "~/domain/returns/money";
import { emailTranslator, type Translate } from "./i18n";
import { renderHtml, renderText, safeUrl, type Block, type EmailDocument } from "./layout";
import type { RenderedEmail, ReturnEmailFacts, ReturnEmailKind } from "./types";

interface Formatters {
  money: (amount: number) => string;
  date: (at: Date) => string;
}

function formatters(facts: ReturnEmailFacts): Formatters {
  let date: Intl.DateTimeFormat;
  try {
    date = new Intl.DateTimeFormat(facts.locale, { dateStyle: "long", timeZone: facts.timeZone });
  } catch {
    date = new Intl.DateTimeFormat(facts.locale, { dateStyle: "long", timeZone: "UTC" });
  }
  return { money: (amount) => formatMoney(facts.locale, amount, facts.currency), date: (at) => date.format(at) };
}

function greeting(t: Translate, facts: ReturnEmailFacts): Block {
  const name = facts.customerName?.trim();
  return { type: "p", text: name ? t("common.greeting", { name }) : t("common.greetingNoName") };
}

function summary(t: Translate, facts: ReturnEmailFacts): Block[] {
  const blocks: Block[] = [
    {
      type: "facts",
      rows: [
        [t("common.returnNumber"), facts.rma],
        [t("common.order"), facts.orderName],
        [t("common.method"), t(`common.methods.${facts.method}`)],
      ],
    },
  ];
  if (facts.lines.length > 0) {
    blocks.push({
      type: "list",
      heading: t("common.items"),
      items: facts.lines.map((line) =>
        t(line.exchangeFor ? "common.itemLineExchange" : "common.itemLine", {
          quantity: line.quantity,
          title: line.variantTitle ? `${line.title} (${line.variantTitle})` : line.title,
          exchange: line.exchangeFor ?? "",
        }),
      ),
    });
  }
  return blocks;
}

/** The portal page in the email's language: ?lang= makes the portal speak it and carry it on to every link. */
function inEmailLanguage(url: string, facts: ReturnEmailFacts): string {
  const withLang = new URL(url);
  withLang.searchParams.set("lang", facts.locale);
  return withLang.toString();
}

function closing(t: Translate, facts: ReturnEmailFacts): Block[] {
  const blocks: Block[] = [];
  const statusUrl = safeUrl(facts.statusUrl);
  if (statusUrl) blocks.push({ type: "link", label: t("common.viewReturn"), url: inEmailLanguage(statusUrl, facts) });
  blocks.push({ type: "p", text: t("common.questions", { shop: facts.brand.name }) });
  return blocks;
}

function refundAmount(facts: ReturnEmailFacts): number {
  if (facts.refundAmount !== null) return facts.refundAmount;
  return Math.max(0, Math.round((facts.totalValue - facts.returnShippingFee - facts.restockingFee) * 100) / 100);
}

type Body = { blocks: Block[]; values: Record<string, string> };

/** A store-credit return says so, with its money: promised before the goods arrive, being added once they have. */
function storeCreditNote(t: Translate, facts: ReturnEmailFacts, f: Formatters, received: boolean): Block[] {
  const c = facts.storeCredit;
  if (!c) return [];
  const values = { total: f.money(c.total), base: f.money(c.base), bonus: f.money(c.bonus), shop: facts.brand.name };
  const key = received ? "storeCreditReceived" : "storeCreditPromised";
  return [{ type: "p", text: t(`common.${key}${c.bonus > 0 ? "" : "NoBonus"}`, values) }];
}

/**
 * What the shopper gets back, said once the return is approved or checked in: the new items for
 * exchanged lines, the refund for the others (a store-credit return says its credit instead).
 */
function outcomeNote(t: Translate, facts: ReturnEmailFacts, f: Formatters, stage: "approved" | "received"): Block[] {
  if (facts.storeCredit) return storeCreditNote(t, facts, f, stage === "received");
  const exchanged = facts.lines.filter((l) => l.exchangeFor).length;
  const refunded = facts.lines.length - exchanged;
  const blocks: Block[] = [];
  if (exchanged > 0) blocks.push({ type: "p", text: t(stage === "approved" ? "return-approved.exchangeNote" : "return-received.exchangeNext") });
  if (refunded > 0 || exchanged === 0) blocks.push({ type: "p", text: t(stage === "approved" ? "return-approved.refundNote" : "return-received.next") });
  return blocks;
}

/** The parcel's arrival (delivered by the carrier, or checked in): where and when, then what comes next. */
function arrival(t: Translate, facts: ReturnEmailFacts, f: Formatters, kind: "return-delivered" | "return-received", at: Date | null, next: Block[]): Body {
  const values = { rma: facts.rma, order: facts.orderName, date: f.date(at ?? new Date()), location: facts.location?.name ?? "" };
  return {
    values,
    blocks: [greeting(t, facts), { type: "p", text: t(facts.location ? `${kind}.introAt` : `${kind}.intro`, values) }, ...summary(t, facts), ...next, ...closing(t, facts)],
  };
}

const bodies: Record<ReturnEmailKind, (t: Translate, facts: ReturnEmailFacts, f: Formatters) => Body> = {
  "return-requested": (t, facts, f) => {
    const values = { rma: facts.rma, order: facts.orderName, date: f.date(facts.requestedAt) };
    return {
      values,
      blocks: [
        greeting(t, facts),
        { type: "p", text: t("return-requested.intro", values) },
        ...summary(t, facts),
        ...storeCreditNote(t, facts, f, false),
        { type: "p", text: t("return-requested.next") },
        ...closing(t, facts),
      ],
    };
  },

  "return-approved": (t, facts, f) => {
    const values = { rma: facts.rma, order: facts.orderName };
    const blocks: Block[] = [greeting(t, facts), { type: "p", text: t("return-approved.intro", values) }, ...summary(t, facts)];
    if (facts.method === "MAIL") {
      const labelUrl = safeUrl(facts.label.url);
      if (labelUrl) {
        blocks.push({ type: "p", text: t("return-approved.mailPrint") });
        blocks.push({ type: "button", label: t("return-approved.labelButton"), url: labelUrl });
      } else {
        blocks.push({ type: "p", text: t("return-approved.mailNoLabel") });
      }
      // The built-in sheet carries no postage and no carrier: its number is Crossdock's, and the
      // shopper chooses (and pays) the carrier.
      const selfShip = facts.label.postagePaid === false;
      if (facts.label.trackingNumber) {
        blocks.push({
          type: "p",
          text: facts.label.carrier && !selfShip
            ? t("return-approved.trackingWithCarrier", { carrier: facts.label.carrier, number: facts.label.trackingNumber })
            : t("return-approved.tracking", { number: facts.label.trackingNumber }),
        });
      }
      if (safeUrl(facts.label.trackingUrl)) {
        blocks.push({ type: "link", label: t("return-approved.trackParcel"), url: facts.label.trackingUrl! });
      }
      blocks.push({ type: "p", text: t(selfShip ? "return-approved.selfShipSteps" : "return-approved.mailSteps") });
    } else if (facts.location) {
      blocks.push({ type: "p", text: t("return-approved.dropOffIntro") });
      blocks.push({ type: "address", lines: [facts.location.name, ...facts.location.addressLines] });
      if (facts.location.instructions) {
        blocks.push({ type: "p", text: t("return-approved.dropOffInstructions", { instructions: facts.location.instructions }) });
      }
      blocks.push({ type: "p", text: t("return-approved.dropOffShowNumber", values) });
    } else {
      blocks.push({ type: "p", text: t("return-approved.dropOffNoStore", values) });
    }
    // A store-credit return is not refunded, nor is an exchanged line: the note says what comes instead.
    blocks.push(...outcomeNote(t, facts, f, "approved"), ...closing(t, facts));
    return { values, blocks };
  },

  "return-declined": (t, facts) => {
    const values = { rma: facts.rma, order: facts.orderName };
    const blocks: Block[] = [greeting(t, facts), { type: "p", text: t("return-declined.intro", values) }];
    const reason = facts.declineReason;
    if (reason === "FINAL_SALE" || reason === "RETURN_PERIOD_ENDED") {
      blocks.push({ type: "p", text: t(`return-declined.reasons.${reason}`) });
    }
    const note = facts.declineNote?.trim();
    if (note) blocks.push({ type: "quote", heading: t("return-declined.noteHeading", { shop: facts.brand.name }), text: note });
    blocks.push(...summary(t, facts), { type: "p", text: t("return-declined.contact") }, ...closing(t, facts));
    return { values, blocks };
  },

  // The carrier delivered the parcel; nobody has checked the items yet (that is "return-received").
  "return-delivered": (t, facts, f) => arrival(t, facts, f, "return-delivered", facts.deliveredAt ?? null, [{ type: "p", text: t("return-delivered.next") }]),

  "return-received": (t, facts, f) =>
    arrival(t, facts, f, "return-received", facts.receivedAt, outcomeNote(t, facts, f, "received")),

  "return-refunded": (t, facts, f) => {
    const amount = f.money(refundAmount(facts));
    const values = { rma: facts.rma, order: facts.orderName, amount };
    const rows: Array<{ label: string; value: string; total?: boolean }> = [
      { label: t("return-refunded.itemsValue"), value: f.money(facts.totalValue) },
    ];
    if (facts.returnShippingFee > 0) rows.push({ label: t("return-refunded.shippingFee"), value: `−${f.money(facts.returnShippingFee)}` });
    if (facts.restockingFee > 0) rows.push({ label: t("return-refunded.restockingFee"), value: `−${f.money(facts.restockingFee)}` });
    rows.push({ label: t("return-refunded.total"), value: amount, total: true });
    return {
      values,
      blocks: [
        greeting(t, facts),
        { type: "p", text: t("return-refunded.intro", values) },
        { type: "amounts", rows },
        { type: "p", text: t("return-refunded.timing") },
        ...summary(t, facts),
        ...closing(t, facts),
      ],
    };
  },
};

/** Subject, HTML and plain text of one return email in the shopper's language. */
export function renderReturnEmail(kind: ReturnEmailKind, facts: ReturnEmailFacts): RenderedEmail {
  const t = emailTranslator(facts.locale);
  const f = formatters(facts);
  const body = bodies[kind](t, facts, f);
  const doc: EmailDocument = {
    locale: facts.locale,
    brand: facts.brand,
    subject: t(`${kind}.subject`, body.values),
    preheader: t(`${kind}.preheader`, body.values),
    heading: t(`${kind}.heading`, body.values),
    blocks: body.blocks,
    footer: t("common.footer", { shop: facts.brand.name }),
  };
  return { subject: doc.subject, html: renderHtml(doc), text: renderText(doc) };
}
