import { useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DayStats } from '../../utils/core/dashboard/aggregate';

export interface ChartText {
  exposure: string;
  late: string;
  checkIn: string;
  hours: string;
}

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/**
 * Exposure per period as bars (late-night time as the darker base of each bar) and check-in
 * ratings as points on their own 0–10 scale. Canvas, drawn by uPlot; the page beside it has the
 * same figures as a table for screen readers and keyboard users.
 */
export function ExposureChart({ rows, labels, text, onDrawn }: { rows: readonly DayStats[]; labels: readonly string[]; text: ChartText; onDrawn?: () => void }) {
  const box = useRef<HTMLDivElement>(null);

  // Drawn before the browser paints, so the sections below never jump when the chart arrives.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const accent = cssVar('--accent') || '#3b5b76';
    const late = cssVar('--late') || '#6b3f5e';
    const fg = cssVar('--fg') || '#1f2328';
    const grid = cssVar('--border') || '#d0d7de';
    const bars = uPlot.paths.bars!({ size: [0.7, 40] });
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 260,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: false, range: () => [-0.5, rows.length - 0.5] }, hours: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max))] }, rating: { range: [0, 10] } },
        axes: [
          { ...axis, values: (_u, splits) => splits.map((i) => labels[i] ?? '') },
          { ...axis, scale: 'hours', label: text.hours },
          { ...axis, scale: 'rating', side: 1, grid: { show: false } },
        ],
        series: [
          {},
          { label: text.exposure, scale: 'hours', fill: accent, stroke: accent, paths: bars, points: { show: false } },
          { label: text.late, scale: 'hours', fill: late, stroke: late, paths: bars, points: { show: false } },
          { label: text.checkIn, scale: 'rating', stroke: fg, width: 0, points: { show: true, size: 7, fill: fg }, spanGaps: false },
        ],
      },
      [
        rows.map((_, i) => i),
        rows.map((row) => row.exposure / 3600),
        rows.map((row) => row.late / 3600),
        rows.map((row) => row.checkIn),
      ],
      element,
    );
    onDrawn?.();
    const resize = () => chart.setSize({ width: Math.max(320, element.clientWidth), height: 260 });
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [rows, labels]);

  // Time runs left to right in the chart in every language; the table follows the page's direction.
  return <div ref={box} class="chart" dir="ltr" aria-hidden="true" data-testid="chart" />;
}
