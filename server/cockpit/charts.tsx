/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

// Charts as plain SVG (no library): horizontal stacked bars, one row per label, one colour per
// series, a legend and each row's total. The SVG is an image named by its <title> and described
// by its <desc>; the numbers are always also in a table next to it (the page's job).

/** Colours with ≥ 3:1 contrast on white, distinguishable side by side. */
export const PALETTE = ['#0b4f8a', '#b35c00', '#2e7d32', '#7b3fa0', '#a01c4b', '#4d4d4d', '#00798c', '#8a6d00'];

export interface StackedRow {
  label: string;
  values: number[];
}

export interface StackedBarProps {
  id: string;
  title: string;
  desc: string;
  series: string[];
  rows: StackedRow[];
}

const WIDTH = 640;
const LABEL = 150;
const TOTAL = 56;
const ROW = 26;
const LEGEND_LINE = 20;
/** About the width of a character of the 12 px chart text. */
const CHAR = 7;

export function StackedBarChart(p: StackedBarProps) {
  const max = Math.max(1, ...p.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  // As many legend entries on a line as their longest name allows (3, 2 or 1).
  const longest = Math.max(0, ...p.series.map((name) => name.length)) * CHAR + 24;
  const LEGEND_PER_LINE = longest <= WIDTH / 3 ? 3 : longest <= WIDTH / 2 ? 2 : 1;
  const legendLines = Math.ceil(p.series.length / LEGEND_PER_LINE);
  const top = legendLines * LEGEND_LINE + 8;
  const height = top + p.rows.length * ROW + 4;
  const bar = WIDTH - LABEL - TOTAL;
  const legendWidth = WIDTH / LEGEND_PER_LINE;
  return (
    <svg
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      class="chart"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.series.map((name, i) => (
        <g transform={`translate(${(i % LEGEND_PER_LINE) * legendWidth} ${Math.floor(i / LEGEND_PER_LINE) * LEGEND_LINE})`}>
          <rect width="12" height="12" y="2" fill={PALETTE[i % PALETTE.length]} />
          <text x="18" y="12">
            {name}
          </text>
        </g>
      ))}
      {p.rows.map((row, r) => {
        const y = top + r * ROW;
        let x = LABEL;
        const total = row.values.reduce((a, b) => a + b, 0);
        return (
          <g>
            <text x="0" y={y + 15}>
              {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
            </text>
            {row.values.map((v, i) => {
              const w = (v / max) * bar;
              const rect = v > 0 ? <rect x={x.toFixed(1)} y={y + 3} width={Math.max(w, 1).toFixed(1)} height={ROW - 8} fill={PALETTE[i % PALETTE.length]} /> : null;
              x += w;
              return rect;
            })}
            <text x={(x + 6).toFixed(1)} y={y + 15}>
              {total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
