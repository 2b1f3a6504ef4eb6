import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the quality charts use (src/domain/quality/chart-options.ts: line and scatter
 * series, a title, tooltip, legend and grid, names moved apart by label layout, drawn as SVG), and no
 * more: the whole of ECharts was over a megabyte for the page to load. A chart option that starts using
 * another series type or component needs it added here (echarts-parts.test.ts draws each chart with these).
 */
use([LineChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout, SVGRenderer]);

export { init };
