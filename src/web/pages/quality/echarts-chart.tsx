import { useEffect, useRef } from 'react';

/**
 * An ECharts chart in the page. ECharts is loaded when the first chart is drawn, so pages without
 * charts do not carry it. The option comes from src/domain/quality/chart-options.ts, as on the server.
 */
export function EChart({ option, label, height = 420, testId }: { option: Record<string, unknown>; label: string; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | null = null;
    const resize = () => chart?.resize();
    void import('echarts').then((echarts) => {
      if (disposed || !element.current) return;
      chart = echarts.init(element.current, null, { renderer: 'svg' });
      chart.setOption(option);
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} data-testid={testId} className="app-quality-chart" style={{ height, width: '100%' }} />;
}
