// One email = a list of blocks, rendered twice: simple inline-styled HTML (tables for layout, as mail
// clients need) and the plain-text part. Everything interpolated into HTML is escaped here.
import type { EmailBranding, EmailLocale } from "./types";

export type Block =
  | { type: "p"; text: string }
  | { type: "facts"; rows: Array<[label: string, value: string]> }
  | { type: "list"; heading: string; items: string[] }
  | { type: "button"; label: string; url: string }
  | { type: "link"; label: string; url: string }
  | { type: "quote"; heading: string; text: string }
  | { type: "address"; lines: string[] }
  | { type: "amounts"; rows: Array<{ label: string; value: string; total?: boolean }> };

export interface EmailDocument {
  locale: EmailLocale;
  brand: EmailBranding;
  subject: string;
  /** The line inbox lists show after the subject. */
  preheader: string;
  heading: string;
  blocks: Block[];
  footer: string;
}

const DEFAULT_COLOR = "#1f5199";
const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif";

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Only absolute http(s) links go into an href; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function brandColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : DEFAULT_COLOR;
}

/** White or near-black, whichever contrasts more with the background (WCAG relative luminance). */
export function textColorOn(background: string): string {
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const hex = brandColor(background).slice(1);
  const l = 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
  const contrastWhite = 1.05 / (l + 0.05);
  const contrastDark = (l + 0.05) / (0.0163 + 0.05); // #1a1a1a
  return contrastWhite >= contrastDark ? "#ffffff" : "#1a1a1a";
}

function paragraphs(text: string): string {
  return escapeHtml(text).replaceAll("\n", "<br>");
}

function blockHtml(block: Block, color: string): string {
  const p = `margin:0 0 16px;${FONT};font-size:16px;line-height:24px;color:#1a1a1a`;
  switch (block.type) {
    case "p":
      return `<p style="${p}">${paragraphs(block.text)}</p>`;
    case "facts":
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;width:100%">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="${FONT};font-size:14px;line-height:22px;color:#555555;padding:2px 16px 2px 0;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td>` +
              `<td style="${FONT};font-size:14px;line-height:22px;color:#1a1a1a;font-weight:600;padding:2px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join("") +
        `</table>`
      );
    case "list":
      return (
        `<p style="${p};margin-bottom:4px;font-weight:600">${escapeHtml(block.heading)}</p>` +
        `<ul style="margin:0 0 16px;padding:0 0 0 20px;${FONT};font-size:15px;line-height:22px;color:#1a1a1a">` +
        block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("") +
        `</ul>`
      );
    case "button": {
      const url = safeUrl(block.url);
      if (!url) return "";
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 20px"><tr>` +
        `<td style="border-radius:6px;background:${color}">` +
        `<a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 22px;${FONT};font-size:16px;font-weight:600;line-height:20px;color:${textColorOn(color)};text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a>` +
        `</td></tr></table>`
      );
    }
    case "link": {
      const url = safeUrl(block.url);
      if (!url) return "";
      return `<p style="${p}"><a href="${escapeHtml(url)}" style="color:${color};text-decoration:underline">${escapeHtml(block.label)}</a></p>`;
    }
    case "quote":
      return (
        `<p style="${p};margin-bottom:4px;font-weight:600">${escapeHtml(block.heading)}</p>` +
        `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${color};background:#f6f6f7;${FONT};font-size:15px;line-height:22px;color:#1a1a1a">${paragraphs(block.text)}</blockquote>`
      );
    case "address":
      return `<p style="${p};padding:12px 16px;background:#f6f6f7;border-radius:6px">${block.lines.map(escapeHtml).join("<br>")}</p>`;
    case "amounts":
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;width:100%">` +
        block.rows
          .map((row) => {
            const weight = row.total ? "font-weight:700;border-top:1px solid #d4d4d8;padding-top:8px" : "padding:2px 0";
            return (
              `<tr><td style="${FONT};font-size:15px;line-height:22px;color:#1a1a1a;${weight}">${escapeHtml(row.label)}</td>` +
              `<td align="right" style="${FONT};font-size:15px;line-height:22px;color:#1a1a1a;white-space:nowrap;${weight}">${escapeHtml(row.value)}</td></tr>`
            );
          })
          .join("") +
        `</table>`
      );
  }
}

function blockText(block: Block, colon: string): string {
  switch (block.type) {
    case "p":
      return block.text;
    case "facts":
      return block.rows.map(([label, value]) => `${label}${colon}${value}`).join("\n");
    case "list":
      return [block.heading, ...block.items.map((item) => `- ${item}`)].join("\n");
    case "button":
    case "link": {
      const url = safeUrl(block.url);
      return url ? `${block.label}${colon}${url}` : "";
    }
    case "quote":
      return [block.heading, ...block.text.split("\n").map((line) => `> ${line}`)].join("\n");
    case "address":
      return block.lines.join("\n");
    case "amounts":
      return block.rows.map((row) => `${row.label}${colon}${row.value}`).join("\n");
  }
}

export function renderHtml(doc: EmailDocument): string {
  const color = brandColor(doc.brand.color);
  const logo = safeUrl(doc.brand.logoUrl)?.startsWith("https:") ? safeUrl(doc.brand.logoUrl) : null;
  const brandLine = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(doc.brand.name)}" height="40" style="display:block;height:40px;width:auto;border:0">`
    : `<span style="${FONT};font-size:18px;font-weight:700;color:${color}">${escapeHtml(doc.brand.name)}</span>`;
  return [
    `<!doctype html>`,
    `<html lang="${escapeHtml(doc.locale)}" dir="ltr">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(doc.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f4f5">`,
    `<div style="display:none;max-height:0;overflow:hidden;opacity:0">${escapeHtml(doc.preheader)}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:6px solid ${color}">`,
    `<tr><td style="padding:24px 28px 8px">${brandLine}</td></tr>`,
    `<tr><td style="padding:8px 28px 12px"><h1 style="margin:0 0 16px;${FONT};font-size:22px;line-height:30px;color:#1a1a1a">${escapeHtml(doc.heading)}</h1>`,
    doc.blocks.map((block) => blockHtml(block, color)).join(""),
    `</td></tr></table>`,
    `<p style="max-width:560px;margin:16px auto 0;${FONT};font-size:12px;line-height:18px;color:#666666">${escapeHtml(doc.footer)}</p>`,
    `</td></tr></table>`,
    `</body></html>`,
  ].join("\n");
}

export function renderText(doc: EmailDocument): string {
  // Chinese text takes the full-width colon.
  const colon = doc.locale === "zh-CN" ? "：" : ": ";
  const parts = [doc.brand.name, doc.heading, ...doc.blocks.map((block) => blockText(block, colon)), "--", doc.footer];
  return `${parts.filter((part) => part.trim() !== "").join("\n\n")}\n`;
}
