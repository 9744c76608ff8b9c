import { useId } from "react";
import { ChartFrame, type ChartTable, type ChartWords } from "./ChartFrame";
import { AXIS_COLOR, LABEL_COLOR, labelIndexes, niceScale, SERIES_COLORS } from "./scale";

export interface Point {
  key: string;
  /** Axis and table label, e.g. "Nov 24". */
  label: string;
  /** null: nothing to measure that day (the line breaks). */
  value: number | null;
}

const WIDTH = 640;
const LEFT = 44;
const RIGHT = 12;
const TOP = 10;

/**
 * A line over days with a light area under it. `sparkline` drops axes and labels (a small trend
 * beside a figure); the table fallback is there either way.
 */
export function LineChart({
  title,
  description,
  points,
  formatValue,
  valueHeading,
  sparkline = false,
  integer = false,
  table,
  words,
}: {
  title: string;
  description: string;
  /** The table disclosure's words in the page's language (English by default). */
  words?: ChartWords;
  points: Point[];
  formatValue: (value: number) => string;
  valueHeading: string;
  sparkline?: boolean;
  /** Values are counts: whole-number gridlines. */
  integer?: boolean;
  table?: ChartTable;
}) {
  const id = useId();
  const height = sparkline ? 48 : 200;
  const bottom = sparkline ? 4 : 26;
  const left = sparkline ? 2 : LEFT;
  const right = sparkline ? 2 : RIGHT;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const scale = niceScale(Math.max(0, ...values), 4, integer);
  const plotH = height - TOP - bottom;
  const plotW = WIDTH - left - right;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => TOP + plotH - (v / scale.max) * plotH;
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const line = segments.join(" ");
  const area = segments
    .map((seg) => {
      const coords = seg.slice(1).split(/L/).map((c) => c.split(",").map(Number) as [number, number]);
      const first = coords[0]!;
      const last = coords[coords.length - 1]!;
      return `${seg} L${last[0]},${TOP + plotH} L${first[0]},${TOP + plotH} Z`;
    })
    .join(" ");
  const peak = values.length ? Math.max(...values) : null;
  const summary = `${points.length} days; ${values.length ? `highest ${formatValue(peak!)}, latest ${formatValue(values[values.length - 1]!)}` : "no data"}.`;
  const color = SERIES_COLORS[0];
  return (
    <ChartFrame title={title} description={description} tableLabel={words?.viewTable} table={table ?? { headings: ["Day", valueHeading], rows: points.map((p) => [p.label, p.value === null ? "—" : formatValue(p.value)]) }}>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ display: "block", maxWidth: "100%" }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${summary}`}</desc>
        {!sparkline &&
          scale.ticks.map((t) => (
            <g key={t}>
              <line x1={left} x2={WIDTH - right} y1={y(t)} y2={y(t)} stroke={AXIS_COLOR} />
              <text x={left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill={LABEL_COLOR}>
                {formatValue(t)}
              </text>
            </g>
          ))}
        {area && <path d={area} fill={color} fillOpacity={0.12} />}
        {line && <path d={line} fill="none" stroke={color} strokeWidth={sparkline ? 2 : 2.5} strokeLinejoin="round" strokeLinecap="round" />}
        {!sparkline &&
          points.length <= 31 &&
          points.map((p, i) => (p.value === null ? null : <circle key={p.key} cx={x(i)} cy={y(p.value)} r={3} fill={color} />))}
        {!sparkline &&
          labelIndexes(points.length, 7).map((i) => (
            <text key={points[i]!.key} x={x(i)} y={height - 8} fontSize={11} textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"} fill={LABEL_COLOR}>
              {points[i]!.label}
            </text>
          ))}
      </svg>
    </ChartFrame>
  );
}
