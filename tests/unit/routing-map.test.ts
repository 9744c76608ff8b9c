// The routing simulator's map: a base map drawn from the packaged Natural Earth outline (no tile
// server), locations labelled, a legend and a numbered key, in the staff member's language.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RoutingMap, type MapPoint } from "~/components/RoutingMap";

const points: MapPoint[] = [
  { id: "a", name: "SoHo Store", lat: 40.7249, lon: -73.9986, units: 2, excluded: false },
  { id: "b", name: "Edison Fulfillment Center", lat: 40.5175, lon: -74.3385, units: 0, excluded: false },
  { id: "c", name: "Chelsea Pop-up (closed)", lat: 40.7424, lon: -74.006, units: 0, excluded: true },
];
const destination = { lat: 40.6782, lon: -73.9442 };

const decode = (text: string) => text.replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
/** The markup, and the text of the elements a pattern matches (the first group). */
function render(lang?: string, mapPoints = points, to = destination) {
  const html = renderToStaticMarkup(createElement(RoutingMap, { points: mapPoints, destination: to, title: "Map", lang }));
  const all = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, "")));
  return {
    html,
    landPaths: [...html.matchAll(/<g data-map="base"[^>]*>(.*?)<\/g>/g)].flatMap((m) => [...m[1]!.matchAll(/ d="([^"]*)"/g)].map((d) => d[1]!)),
    svgLabels: all(/<text [^>]*font-size="10"[^>]*>([^<]*)<\/text>/g),
    legend: all(/<span role="listitem"[^>]*>(.*?)<\/span>/g),
    key: all(/<li>(.*?)<\/li>/g),
    circles: [...html.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="7"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) })),
  };
}

describe("RoutingMap", () => {
  it("draws land and borders from the packaged outline under the markers", () => {
    const { html, landPaths } = render();
    expect(landPaths).toHaveLength(2);
    const land = landPaths[0]!;
    // A real coastline: many segments, all inside the drawing.
    expect(land.split(/[LM]/).length).toBeGreaterThan(10);
    expect(html).not.toContain("NaN");
  });

  it("labels locations by name, and says what each symbol means in a legend and a key", () => {
    const { html, svgLabels, legend, key } = render();
    expect(svgLabels).toContain("SoHo Store");
    expect(html).toContain('aria-label="Legend"');
    expect(legend).toEqual(["Ships from here", "Not used", "Excluded by a rule", "Destination", "Parcel's way"]);
    expect(html).toContain('aria-label="Locations on the map"');
    expect(key).toEqual(["SoHo Store · ships 2 units", "Edison Fulfillment Center", "Chelsea Pop-up (closed) · Excluded by a rule"]);
  });

  it("speaks Vietnamese and Chinese", () => {
    const vi = render("vi");
    expect(vi.html).toContain('aria-label="Chú thích"');
    expect(vi.legend).toContain("Nơi nhận");
    const zh = render("zh-CN");
    expect(zh.html).toContain('aria-label="图例"');
    expect(zh.legend).toContain("从此处发货");
    expect(zh.key[0]).toBe("SoHo Store · 发货 2 件");
  });

  it("spans countries: Vietnam to a US destination still draws, with markers inside the map", () => {
    const far = [{ id: "v", name: "Bình Dương Fulfillment Center", lat: 11.074, lon: 106.679, units: 1, excluded: false }, ...points];
    const { html, circles } = render("en", far, { lat: 34.05, lon: -118.24 });
    expect(html).not.toContain("NaN");
    expect(circles).toHaveLength(4);
    for (const { x, y } of circles) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(360);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(240);
    }
  });
});
