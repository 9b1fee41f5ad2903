/**
 * The ECharts graph of an expansion (canvas renderer, graph series registered here so the shared
 * chart wrapper stays small). Clicking a node or an edge reports it; the `selected` node is
 * outlined through ECharts' own selection (no full redraw); after each render the pixel
 * position of every seed node is written to `data-seed-pixels` ("x,y;x,y"), so a keyboard user's
 * "go to seed" and the browser test can find the seed on the canvas.
 */
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What was clicked. */
export type GraphPick = { readonly type: 'node'; readonly key: string } | { readonly type: 'edge'; readonly id: number };

export function NetworkChart({ option, seeds, selected, height, onPick }: { option: Record<string, unknown>; seeds: readonly string[]; selected: string | null; height: number; onPick: (p: GraphPick) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const seedRef = useRef(seeds);
  seedRef.current = seeds;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const d = p.data as { id?: string; edgeId?: number } | undefined;
      if (p.dataType === 'node' && d?.id) pick.current({ type: 'node', key: d.id });
      else if (p.dataType === 'edge' && d?.edgeId !== undefined) pick.current({ type: 'edge', id: d.edgeId });
    });
    c.on('finished', () => {
      const series = (c.getOption() as { series?: Array<{ data?: Array<{ id: string }> }> }).series?.[0];
      const ids = new Map((series?.data ?? []).map((d, i) => [d.id, i]));
      const model = (c as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): [number, number] | null } } | undefined } }).getModel().getSeriesByIndex(0);
      const view = model?.getData();
      const pixels = seedRef.current.map((k) => {
        const i = ids.get(k);
        const xy = i === undefined || !view ? null : view.getItemLayout(i);
        if (!xy) return null;
        const px = c.convertToPixel({ seriesIndex: 0 }, xy) as number[] | undefined;
        return px ? `${Math.round(px[0]!)},${Math.round(px[1]!)}` : null;
      }).filter(Boolean);
      el.dataset.seedPixels = pixels.join(';');
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // a node picked elsewhere (the explanation panel's relation list) is selected in the graph too
  useEffect(() => {
    const c = chart.current;
    const data = (option.series as Array<{ data?: Array<{ id: string }> }> | undefined)?.[0]?.data ?? [];
    if (!c) return;
    const i = selected === null ? -1 : data.findIndex((d) => d.id === selected);
    if (i >= 0) c.dispatchAction({ type: 'select', seriesIndex: 0, dataIndex: i });
    else c.dispatchAction({ type: 'unselect', seriesIndex: 0, dataIndex: data.map((_, j) => j) });
  }, [selected, option]);

  return <div ref={ref} className="ld-graph" style={{ height }} data-testid="network-graph" />;
}
