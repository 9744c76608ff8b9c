import { geoMercator, geoPath } from "d3-geo";
import { useId, type ReactNode } from "react";
import { feature, mesh } from "topojson-client";
import countries110m from "world-atlas/countries-110m.json";
import { DEFAULT_LOCALE, matchLocale, type PortalLocale } from "~/domain/portal/locale";
import en from "~/locales/en/routing-map.json";
import vi from "~/locales/vi/routing-map.json";
import zh from "~/locales/zh-CN/routing-map.json";

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Units this location ships in the plan (0 = not used). */
  units: number;
  excluded: boolean;
}

const words: Record<PortalLocale, typeof en> = { en, vi, "zh-CN": zh };

const WIDTH = 360;
const HEIGHT = 240;
const PAD = 36;
/** Smallest box shown, in degrees: a city's stores still sit on a recognisable coast. */
const MIN_SPAN = 1.2;
const FONT = 10;
const COLORS = { ships: "#008060", idle: "#ffffff", outline: "#5c5f62", excluded: "#8e1f0b", destination: "#2c6ecb", land: "#e3e1d9", border: "#b5b3ab", sea: "#dfeef7" };

// Natural Earth's 1:110m countries (world-atlas, TopoJSON): land as one shape, borders as one mesh.
// Drawn from the package, no tile server: nothing is fetched when the map is shown.
type Topology = Parameters<typeof mesh>[0];
type TopologyObject = NonNullable<Parameters<typeof mesh>[1]>;
const topology = countries110m as unknown as Topology & { objects: { countries: TopologyObject; land: TopologyObject } };
const land = feature(topology, topology.objects.land);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);

interface Placed {
  x: number;
  y: number;
}

interface Label {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/** A rough width of a label: CJK characters are about twice as wide as Latin ones. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? FONT : FONT * 0.56;
  return width;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Markers closer than a marker's width (a city's stores on a country's map) are spread on a small
 * ring around their centre, each with a leader line to its true place, so every one can be seen.
 */
function spread<T extends Placed>(markers: T[]): Array<T & { at: Placed }> {
  const NEAR = 15;
  const group = markers.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (let i = 0; i < markers.length; i++)
    for (let j = i + 1; j < markers.length; j++)
      if (Math.hypot(markers[i]!.x - markers[j]!.x, markers[i]!.y - markers[j]!.y) < NEAR) group[root(i)] = root(j);
  const members = new Map<number, number[]>();
  markers.forEach((_, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  const out = markers.map((m) => ({ ...m, at: { x: m.x, y: m.y } }));
  for (const indices of members.values()) {
    if (indices.length < 2) continue;
    const cx = indices.reduce((sum, i) => sum + markers[i]!.x, 0) / indices.length;
    const cy = indices.reduce((sum, i) => sum + markers[i]!.y, 0) / indices.length;
    const radius = Math.max(13, (NEAR * indices.length) / (2 * Math.PI));
    indices.forEach((i, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / indices.length;
      out[i] = { ...out[i]!, x: clamp(cx + radius * Math.cos(angle), 9, WIDTH - 9), y: clamp(cy + radius * Math.sin(angle), 9, HEIGHT - 9) };
    });
  }
  return out;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Names beside their markers where they fit: right, left, above or below, the first spot that
 * overlaps no marker and no label already placed and stays inside the map. A name that fits
 * nowhere is left to the numbered key under the map.
 */
function placeLabels(markers: Array<Placed & { text: string }>, obstacles: Placed[]): Array<Label | null> {
  const taken: Box[] = [...markers, ...obstacles].map((m) => ({ x1: m.x - 8, y1: m.y - 8, x2: m.x + 8, y2: m.y + 8 }));
  return markers.map((m) => {
    const w = textWidth(m.text);
    const candidates: Label[] = [
      { text: m.text, x: m.x + 10, y: m.y + FONT / 2 - 1, anchor: "start" },
      { text: m.text, x: m.x - 10, y: m.y + FONT / 2 - 1, anchor: "end" },
      { text: m.text, x: m.x, y: m.y - 11, anchor: "middle" },
      { text: m.text, x: m.x, y: m.y + 11 + FONT, anchor: "middle" },
    ];
    for (const c of candidates) {
      const x1 = c.anchor === "start" ? c.x : c.anchor === "end" ? c.x - w : c.x - w / 2;
      const box = { x1: x1 - 2, y1: c.y - FONT, x2: x1 + w + 2, y2: c.y + 3 };
      if (box.x1 < 2 || box.x2 > WIDTH - 2 || box.y1 < 2 || box.y2 > HEIGHT - 2) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      return c;
    }
    return null;
  });
}

/**
 * Where the parcels come from, on a base map: land and country borders (Natural Earth via
 * world-atlas, Mercator fitted to the locations and the destination), each location a numbered
 * marker (filled when it ships, hollow when not, crossed when excluded) with its name where it
 * fits, the destination, a dashed line per parcel; a legend and a numbered key under the map, in
 * the staff member's language. Readable at 390 px: the key is HTML and wraps.
 */
export function RoutingMap({
  points,
  destination,
  title,
  lang,
}: {
  points: MapPoint[];
  destination: { lat: number; lon: number };
  title: string;
  lang?: string;
}) {
  const titleId = useId();
  const t = words[matchLocale(lang) ?? DEFAULT_LOCALE];
  const all = [...points, destination];
  const lats = all.map((p) => p.lat);
  const lons = all.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const halfLat = Math.max((Math.max(...lats) - Math.min(...lats)) / 2, MIN_SPAN / 2);
  const halfLon = Math.max((Math.max(...lons) - Math.min(...lons)) / 2, MIN_SPAN / 2);
  const projection = geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      {
        type: "MultiPoint",
        coordinates: [
          [midLon - halfLon, midLat - halfLat],
          [midLon + halfLon, midLat + halfLat],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection);
  const at = (p: { lat: number; lon: number }): Placed => {
    const [x, y] = projection([p.lon, p.lat]) ?? [WIDTH / 2, HEIGHT / 2];
    return { x, y };
  };
  const dest = at(destination);
  const markers = spread(points.map((p, i) => ({ ...p, ...at(p), number: i + 1, text: p.name })));
  const labels = placeLabels(markers, [dest]);

  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} style={{ background: COLORS.sea, borderRadius: 8, display: "block" }}>
        <title id={titleId}>{title}</title>
        <g data-map="base" aria-hidden="true">
          <path d={path(land) ?? ""} fill={COLORS.land} stroke="none" />
          <path d={path(borders) ?? ""} fill="none" stroke={COLORS.border} strokeWidth={0.8} />
        </g>
        {markers
          .filter((p) => p.units > 0)
          .map((p) => (
            <line key={`line-${p.id}`} x1={p.x} y1={p.y} x2={dest.x} y2={dest.y} stroke={COLORS.ships} strokeWidth={2} strokeDasharray="4 3" />
          ))}
        <path d={`M${dest.x} ${dest.y - 9} L${dest.x + 8} ${dest.y + 6} L${dest.x - 8} ${dest.y + 6} Z`} fill={COLORS.destination}>
          <title>{t.destination}</title>
        </path>
        {markers.map((p) => (
          <g key={p.id}>
            {(p.at.x !== p.x || p.at.y !== p.y) && (
              <>
                <line x1={p.at.x} y1={p.at.y} x2={p.x} y2={p.y} stroke={COLORS.outline} strokeWidth={0.8} />
                <circle cx={p.at.x} cy={p.at.y} r={1.6} fill={COLORS.outline} />
              </>
            )}
            <circle cx={p.x} cy={p.y} r={7} fill={p.units > 0 ? COLORS.ships : COLORS.idle} stroke={p.excluded ? COLORS.excluded : COLORS.outline} strokeWidth={1.5}>
              <title>{`${p.name}${p.units > 0 ? `: ${unitsText(t, p.units)}` : p.excluded ? `: ${t.excluded}` : ""}`}</title>
            </circle>
            {p.excluded ? (
              <path d={`M${p.x - 4} ${p.y - 4} l8 8 M${p.x + 4} ${p.y - 4} l-8 8`} stroke={COLORS.excluded} strokeWidth={1.5} />
            ) : (
              <text x={p.x} y={p.y + 3.5} textAnchor="middle" fontSize={9} fontWeight={600} fill={p.units > 0 ? "#fff" : "#303030"}>
                {p.number}
              </text>
            )}
          </g>
        ))}
        {labels.map((label, i) =>
          label ? (
            <text key={`label-${markers[i]!.id}`} x={label.x} y={label.y} textAnchor={label.anchor} fontSize={FONT} fill="#303030" stroke="#ffffff" strokeWidth={3} paintOrder="stroke" strokeLinejoin="round">
              {label.text}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption style={{ fontSize: 12, lineHeight: 1.4, marginTop: 6 }}>
        <div aria-label={t.legend} role="list" style={{ display: "flex", flexWrap: "wrap", gap: "4px 12px" }}>
          <LegendItem label={t.ships}>
            <circle cx={8} cy={8} r={6} fill={COLORS.ships} stroke={COLORS.outline} strokeWidth={1.5} />
          </LegendItem>
          <LegendItem label={t.notUsed}>
            <circle cx={8} cy={8} r={6} fill={COLORS.idle} stroke={COLORS.outline} strokeWidth={1.5} />
          </LegendItem>
          <LegendItem label={t.excluded}>
            <circle cx={8} cy={8} r={6} fill={COLORS.idle} stroke={COLORS.excluded} strokeWidth={1.5} />
            <path d="M4 4 l8 8 M12 4 l-8 8" stroke={COLORS.excluded} strokeWidth={1.5} />
          </LegendItem>
          <LegendItem label={t.destination}>
            <path d="M8 1 L15 14 L1 14 Z" fill={COLORS.destination} />
          </LegendItem>
          <LegendItem label={t.parcel}>
            <line x1={0} y1={8} x2={16} y2={8} stroke={COLORS.ships} strokeWidth={2} strokeDasharray="4 3" />
          </LegendItem>
        </div>
        <ol aria-label={t.key} style={{ margin: "6px 0 0", paddingLeft: 20 }}>
          {markers.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.units > 0 ? ` · ${unitsText(t, p.units)}` : p.excluded ? ` · ${t.excluded}` : ""}
            </li>
          ))}
        </ol>
        <div style={{ color: "#616161", fontSize: 11, marginTop: 4 }}>{t.outline}</div>
      </figcaption>
    </figure>
  );
}

function unitsText(t: typeof en, units: number): string {
  return (units === 1 ? t.units_one : t.units_other).replace("{{count}}", String(units));
}

function LegendItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span role="listitem" style={{ display: "inline-flex", alignItems: "center", gap: 4, whiteSpace: "nowrap" }}>
      <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden="true">
        {children}
      </svg>
      {label}
    </span>
  );
}
