import { useEffect, useRef } from 'react';
import type { ChartLayout } from '../../../domain/quality/chart-options.js';

/** Narrower than this (a phone), a chart is laid out for a narrow column. */
const NARROW_WIDTH = 600;

/**
 * On a phone the chart's title would run off it and the legend over the axis name. The page's
 * heading and the text beside every chart already say what the title says, so there the title is
 * left out and the legend wraps onto as many lines as it needs below the plot (a scrolling legend
 * hid most of its entries behind "1/3").
 */
function fitted(option: Record<string, unknown>, width: number): Record<string, unknown> {
  if (width >= NARROW_WIDTH) return option;
  return {
    ...option,
    ...(option.title ? { title: { ...(option.title as Record<string, unknown>), show: false } } : {}),
    ...(option.legend ? { legend: { ...(option.legend as Record<string, unknown>), type: 'plain', left: 0, right: 0, itemGap: 8, textStyle: { fontSize: 11 } } } : {}),
    ...(option.grid ? { grid: { ...(option.grid as Record<string, unknown>), left: 48, right: 16, top: 36, bottom: 112 } } : {}),
  };
}

/**
 * An ECharts chart in the page. ECharts is loaded when the first chart is drawn, so pages without
 * charts do not carry it. The option comes from src/domain/quality/chart-options.ts, as on the server;
 * given as a function, it is asked for the layout the chart's width calls for.
 */
export function EChart({ option, label, height = 420, testId }: { option: Record<string, unknown> | ((layout: ChartLayout) => Record<string, unknown>); label: string; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown, notMerge?: boolean): void; dispose(): void; resize(): void } | null = null;
    let drawnFor: ChartLayout | null = null;
    // A window that crosses the phone width (a phone turned on its side, a window made narrower)
    // lays the chart out again for its new width, not only stretches the one it had.
    const draw = () => {
      if (!chart || !element.current) return;
      chart.resize();
      const width = element.current.clientWidth;
      const layout: ChartLayout = width < NARROW_WIDTH ? 'narrow' : 'wide';
      if (layout === drawnFor) return;
      drawnFor = layout;
      chart.setOption(fitted(typeof option === 'function' ? option(layout) : option, width), true);
    };
    void import('./echarts-parts.js').then(({ init }) => {
      if (disposed || !element.current) return;
      chart = init(element.current, null, { renderer: 'svg' });
      draw();
      window.addEventListener('resize', draw);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', draw);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} data-testid={testId} className="app-quality-chart" style={{ height, width: '100%' }} />;
}
