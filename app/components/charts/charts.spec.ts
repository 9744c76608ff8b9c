// Server-rendered markup of the charts: what a screen reader and a no-JavaScript browser get.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./BarChart";
import { LineChart } from "./LineChart";
import { StackedBarChart } from "./StackedBarChart";

const render = (element: ReactElement) => renderToStaticMarkup(createElement(AppProvider, { i18n: en }, element));
const count = (html: string, needle: RegExp) => (html.match(needle) ?? []).length;

describe("charts", () => {
  it("a bar chart is an image labelled by its title and description, with one bar per category and a table", () => {
    const html = render(
      createElement(BarChart, {
        title: "Top return reasons",
        description: "Returned units by reason.",
        bars: [
          { key: "SIZE_TOO_SMALL", label: "Size too small", value: 6 },
          { key: "DEFECTIVE", label: "Damaged or defective", value: 3 },
        ],
        formatValue: (v: number) => `${v} units`,
        valueHeading: "Units",
      }),
    );
    expect(html).toMatch(/<svg role="img" aria-labelledby="([^" ]+)-title" aria-describedby="\1-desc"/);
    expect(html).toContain("<title");
    expect(html).toMatch(/<desc[^>]*>Returned units by reason\. Size too small: 6 units; Damaged or defective: 3 units<\/desc>/);
    expect(count(html, /<rect /g)).toBe(2);
    // The longest bar spans the plot; the other is half of it.
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.5);
    expect(html).toContain("<summary");
    expect(html).toContain("View as table");
    expect(html).toMatch(/<table[\s\S]*Size too small[\s\S]*6 units/);
    expect(html).toContain("var(--p-color-bg-fill-emphasis)");
  });

  it("a line chart breaks where a day has no value and lists every day in its table", () => {
    const html = render(
      createElement(LineChart, {
        title: "Parcels per order",
        description: "Per day.",
        points: [
          { key: "a", label: "Nov 1", value: 1 },
          { key: "b", label: "Nov 2", value: null },
          { key: "c", label: "Nov 3", value: 2 },
          { key: "d", label: "Nov 4", value: 1.5 },
        ],
        formatValue: (v: number) => v.toFixed(2),
        valueHeading: "Parcels per order",
      }),
    );
    const line = html.match(/<path d="([^"]+)" fill="none"/)![1]!;
    expect(count(line, /M/g)).toBe(2);
    expect(html).toContain("highest 2.00, latest 1.50");
    for (const day of ["Nov 1", "Nov 2", "Nov 3", "Nov 4"]) expect(html).toContain(day);
  });

  it("a stacked bar chart stacks series per category, with a legend and totals in its table", () => {
    const html = render(
      createElement(StackedBarChart, {
        title: "Orders per location per day",
        description: "Orders per day.",
        categories: [
          { key: "d1", label: "Nov 1" },
          { key: "d2", label: "Nov 2" },
        ],
        series: [
          { key: "L1", label: "Edison", values: [3, 1] },
          { key: "other-locations", label: "Other locations (2)", values: [1, 0] },
        ],
        formatValue: (v: number) => String(v),
        categoryHeading: "Day",
      }),
    );
    expect(count(html, /<rect /g)).toBe(3);
    expect(html).toContain("Edison: 4; Other locations (2): 1. Total 5.");
    expect(html).toContain("var(--p-color-text-secondary)");
    expect(html).toMatch(/Other locations \(2\)[\s\S]*<table/);
  });
});
