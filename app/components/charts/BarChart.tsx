import { useId } from "react";
import { ChartFrame, type ChartTable, type ChartWords } from "./ChartFrame";
import { AXIS_COLOR, LABEL_COLOR, seriesColor, TEXT_COLOR } from "./scale";

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const WIDTH = 640;
const ROW = 44;
const BAR = 16;
const VALUE_SPACE = 96;

/**
 * Horizontal bars, one per category, the label above its bar and the value after it: long labels
 * (product titles) stay readable at any width.
 */
export function BarChart({
  title,
  description,
  bars,
  formatValue,
  valueHeading,
  table,
  color,
  words,
}: {
  title: string;
  description: string;
  /** The table disclosure's words in the page's language (English by default). */
  words?: ChartWords;
  bars: Bar[];
  formatValue: (value: number) => string;
  /** Heading of the value column of the table fallback. */
  valueHeading: string;
  /** A richer table than label/value, when the chart has more to say. */
  table?: ChartTable;
  color?: string;
}) {
  const id = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW;
  const plotWidth = WIDTH - VALUE_SPACE;
  const summary = bars.map((b) => `${b.label}: ${formatValue(b.value)}`).join("; ");
  return (
    <ChartFrame title={title} description={description} tableLabel={words?.viewTable} table={table ?? { headings: ["", valueHeading], rows: bars.map((b) => [b.label, formatValue(b.value)]) }}>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ display: "block", maxWidth: "100%" }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${summary}`}</desc>
        <line x1={0} x2={0} y1={0} y2={height} stroke={AXIS_COLOR} />
        {bars.map((bar, i) => {
          const y = i * ROW;
          const width = max > 0 ? (bar.value / max) * (plotWidth - 8) : 0;
          return (
            <g key={bar.key} data-bar={bar.key}>
              <text x={4} y={y + 14} fontSize={13} fill={TEXT_COLOR}>
                {bar.label}
              </text>
              <rect x={0} y={y + 20} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={BAR} rx={3} fill={color ?? seriesColor(0, bar.key)} />
              <text x={width + 8} y={y + 33} fontSize={13} fill={LABEL_COLOR}>
                {formatValue(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
