import { useId } from "react";
import { ChartFrame, type ChartWords } from "./ChartFrame";
import { AXIS_COLOR, LABEL_COLOR, labelIndexes, niceScale, seriesColor } from "./scale";

export interface StackSeries {
  key: string;
  label: string;
  /** One value per category, aligned with `categories`. */
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;

/** Columns per category (day), each stacked by series (location), with a legend and a table. */
export function StackedBarChart({
  title,
  description,
  categories,
  series,
  formatValue,
  categoryHeading,
  integer = false,
  words,
}: {
  title: string;
  description: string;
  /** The table disclosure's words in the page's language (English by default). */
  words?: ChartWords;
  /** Category labels, e.g. days ("Nov 24"). */
  categories: { key: string; label: string }[];
  series: StackSeries[];
  formatValue: (value: number) => string;
  categoryHeading: string;
  /** Values are counts: whole-number gridlines. */
  integer?: boolean;
}) {
  const id = useId();
  const totals = categories.map((_, i) => series.reduce((s, serie) => s + (serie.values[i] ?? 0), 0));
  const scale = niceScale(Math.max(0, ...totals), 4, integer);
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = WIDTH - LEFT - RIGHT;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(1, Math.min(36, slot * 0.7));
  const y = (v: number) => TOP + plotH - (v / scale.max) * plotH;
  const colors = series.map((s, i) => seriesColor(i, s.key));
  const grand = totals.reduce((a, b) => a + b, 0);
  const summary = `${series.map((s) => `${s.label}: ${formatValue(s.values.reduce((a, b) => a + b, 0))}`).join("; ")}. ${words?.total ?? "Total"} ${formatValue(grand)}.`;
  return (
    <ChartFrame
      title={title}
      description={description}
      tableLabel={words?.viewTable}
      legend={series.map((s, i) => ({ label: s.label, color: colors[i]! }))}
      table={{
        headings: [categoryHeading, ...series.map((s) => s.label), words?.total ?? "Total"],
        rows: categories.map((c, i) => [c.label, ...series.map((s) => formatValue(s.values[i] ?? 0)), formatValue(totals[i]!)]),
        totals: ["", ...series.map((s) => formatValue(s.values.reduce((a, b) => a + b, 0))), formatValue(grand)],
      }}
    >
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ display: "block", maxWidth: "100%" }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${summary}`}</desc>
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke={AXIS_COLOR} />
            <text x={LEFT - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill={LABEL_COLOR}>
              {formatValue(t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          let base = 0;
          const cx = LEFT + slot * i + (slot - barW) / 2;
          return (
            <g key={c.key}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return <rect key={s.key} x={cx} y={top} width={barW} height={Math.max(h, 0.5)} fill={colors[j]} />;
              })}
            </g>
          );
        })}
        {labelIndexes(categories.length, 7).map((i) => (
          <text key={categories[i]!.key} x={LEFT + slot * i + slot / 2} y={HEIGHT - 8} fontSize={11} textAnchor="middle" fill={LABEL_COLOR}>
            {categories[i]!.label}
          </text>
        ))}
      </svg>
    </ChartFrame>
  );
}
