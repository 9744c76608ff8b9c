import { useId } from "react";

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Units this location ships in the plan (0 = not used). */
  units: number;
  excluded: boolean;
}

const WIDTH = 360;
const HEIGHT = 220;
const PAD = 18;

/**
 * A plain-SVG sketch of where the parcels come from: locations (filled when they ship, hollow when
 * not, crossed when excluded), the destination, and a line per parcel. Equirectangular over the
 * points' bounding box: good enough to see "near" and "far", not a map.
 */
export function RoutingMap({ points, destination, title }: { points: MapPoint[]; destination: { lat: number; lon: number }; title: string }) {
  const titleId = useId();
  const all = [...points, { lat: destination.lat, lon: destination.lon }];
  const minLat = Math.min(...all.map((p) => p.lat));
  const maxLat = Math.max(...all.map((p) => p.lat));
  const minLon = Math.min(...all.map((p) => p.lon));
  const maxLon = Math.max(...all.map((p) => p.lon));
  const spanLon = Math.max(maxLon - minLon, 0.5);
  const spanLat = Math.max(maxLat - minLat, 0.5);
  const x = (lon: number) => PAD + ((lon - minLon) / spanLon) * (WIDTH - 2 * PAD);
  const y = (lat: number) => HEIGHT - PAD - ((lat - minLat) / spanLat) * (HEIGHT - 2 * PAD);
  const dx = x(destination.lon);
  const dy = y(destination.lat);

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} style={{ background: "#f6f6f7", borderRadius: 8 }}>
      <title id={titleId}>{title}</title>
      {points
        .filter((p) => p.units > 0)
        .map((p) => (
          <line key={`line-${p.id}`} x1={x(p.lon)} y1={y(p.lat)} x2={dx} y2={dy} stroke="#008060" strokeWidth={2} strokeDasharray="4 3" />
        ))}
      {points.map((p) => (
        <g key={p.id}>
          <circle
            cx={x(p.lon)}
            cy={y(p.lat)}
            r={p.units > 0 ? 7 : 5}
            fill={p.units > 0 ? "#008060" : "#fff"}
            stroke={p.excluded ? "#8e1f0b" : "#5c5f62"}
            strokeWidth={1.5}
          >
            <title>{`${p.name}${p.units > 0 ? `: ${p.units} unit(s)` : p.excluded ? ": excluded" : ""}`}</title>
          </circle>
          {p.excluded && (
            <path d={`M${x(p.lon) - 4} ${y(p.lat) - 4} l8 8 M${x(p.lon) + 4} ${y(p.lat) - 4} l-8 8`} stroke="#8e1f0b" strokeWidth={1.5} />
          )}
        </g>
      ))}
      <path d={`M${dx} ${dy - 9} L${dx + 8} ${dy + 6} L${dx - 8} ${dy + 6} Z`} fill="#2c6ecb">
        <title>Destination</title>
      </path>
    </svg>
  );
}
