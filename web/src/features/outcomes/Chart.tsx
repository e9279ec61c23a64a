import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TableRegion } from './TableRegion';

export type ChartSeries = {
  label: string;
  /** null: not shown (fewer than 5 people) — a gap in the chart, the table says why. */
  values: readonly (number | null)[];
};

const palette = ['#8c2f39', '#1a5fb4', '#2f7d4a', '#b35c00', '#6b4fa0'];

/**
 * A bar or line chart with the same numbers in a table under it. The table is what screen readers
 * and print read (the canvas is hidden from them), so nothing the chart says is only in the picture.
 */
export function Chart(props: {
  caption: string;
  /** The categories along the bottom (funnel steps, weeks, cohorts). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  kind?: 'bars' | 'line';
  /** How a value appears in the table (a hidden one as 5人未満, a share as %). */
  format(value: number | null, series: number, row: number): string;
  /** Columns only the table has (a conversion rate beside counts), one text per label. */
  extraColumns?: readonly { label: string; cells: readonly string[] }[];
  /** The header of the first column. */
  labelHeader: string;
}) {
  const { caption, labels, series, kind = 'bars', format, labelHeader, extraColumns = [] } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target || labels.length === 0) return;
    const bars = uPlot.paths.bars?.({ size: [0.7 / Math.max(series.length, 1), 64], gap: 2 });
    const plot = new uPlot(
      {
        width: Math.max(target.clientWidth, 280),
        height: 220,
        legend: { show: series.length > 1 },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(max, 1) * 1.1] },
        },
        axes: [
          {
            values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? (labels[tick] ?? '') : '')),
            incrs: [1],
            size: 40,
          },
          { size: 56 },
        ],
        series: [
          {},
          ...series.map((entry, index) => ({
            label: entry.label,
            stroke: palette[index % palette.length],
            fill: kind === 'bars' ? `${palette[index % palette.length]}cc` : undefined,
            width: kind === 'bars' ? 0 : 2,
            paths: kind === 'bars' ? bars : undefined,
            points: { show: kind === 'line' },
          })),
        ],
      },
      [labels.map((_, index) => index), ...series.map((entry) => [...entry.values])] as uPlot.AlignedData,
      target,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(target.clientWidth, 280), height: 220 }),
    );
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels, series, kind]);
  return (
    <figure className="outcome-chart">
      <div ref={box} className="outcome-chart-canvas" aria-hidden="true" />
      <TableRegion label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((entry) => (
                <th key={entry.label} scope="col">
                  {entry.label}
                </th>
              ))}
              {extraColumns.map((column) => (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((entry, column) => (
                  <td key={entry.label} className="number">
                    {format(entry.values[row] ?? null, column, row)}
                  </td>
                ))}
                {extraColumns.map((column) => (
                  <td key={column.label} className="number">
                    {column.cells[row]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  );
}
