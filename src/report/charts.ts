import { type BarChartSpec, barChartSpec } from "./bar-chart-spec.ts";
import { svgToPng } from "./svg-to-png.ts";

export type { BarChartSpec } from "./bar-chart-spec.ts";

/**
 * Draws a horizontal bar chart as a PNG: one series gives plain bars with value labels, several series
 * (wave 1, wave 2) give grouped bars with a legend.
 *
 * @example
 * const png = await renderBarChart({
 *   title: "Кедергілер",
 *   unit: "%",
 *   categories: ["Электрондық құжаттардың болмауы", "Мемлекеттік тілді білмеу"],
 *   series: [{ name: "1-толқын", values: [62.5, 40] }],
 * });
 */
export async function renderBarChart(chart: BarChartSpec): Promise<Buffer> {
  // Loaded on first use: vega is heavy and most bot updates never draw a chart.
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = vegaLite.compile(barChartSpec(chart));
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    return await svgToPng(await view.toSVG());
  } finally {
    view.finalize();
  }
}
