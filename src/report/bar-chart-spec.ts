import type { TopLevelSpec } from "vega-lite";
import { CHART_FONT_FAMILY } from "./svg-to-png.ts";
import { wrapText } from "./wrap-text.ts";

/** What a bar chart shows: one bar per category and series; several series are drawn side by side. */
export interface BarChartSpec {
  title: string;
  /** How values are read: a share in percent (0–100), a number of respondents, or a mean rank. */
  unit: "%" | "count" | "rank";
  categories: string[];
  /** Each series has one value per category, in the same order. */
  series: { name: string; values: number[] }[];
  /** Smaller values are better (a mean rank): the axis runs right to left so the best bar is the longest. */
  lowerIsBetter?: boolean;
}

const WIDTH = 900;
const LABEL_CHARACTERS = 28;
const TITLE_CHARACTERS = 60;
const LABEL_FONT_SIZE = 16;
const LABEL_LINE_HEIGHT = 19;
const BAR_THICKNESS = 26;
const BAND_PADDING = 0.25;
/** Room beyond the longest bar for its value label. */
const HEADROOM = 0.18;
/** Room beyond the worst value on a reversed axis, so that even the worst value gets a visible bar. */
const STUB = 0.06;
const SINGLE_COLOUR = "#3182bd";
const SERIES_COLOURS = ["#9ecae1", "#2166ac", "#f4a582", "#b2182b", "#a6dba0", "#1b7837"];

/**
 * The vega-lite specification of a horizontal bar chart about 900 px wide whose height grows with the
 * number of categories. Category labels are wrapped onto several lines instead of being cut.
 */
export function barChartSpec(chart: BarChartSpec): TopLevelSpec {
  const keys = chart.categories.map((_, index) => String(index));
  const labels = chart.categories.map((category) => wrapText(category, LABEL_CHARACTERS));
  const seriesNames = chart.series.map((series) => series.name);
  const grouped = chart.series.length > 1;
  const values = chart.series.flatMap((series) =>
    keys.map((key, index) => {
      const value = series.values[index] ?? 0;
      return { key, series: series.name, value, label: formatValue(value, chart.unit) };
    }),
  );
  const maxLines = Math.max(1, ...labels.map((lines) => lines.length));
  const step = Math.max(
    maxLines * LABEL_LINE_HEIGHT + 24,
    (Math.max(1, chart.series.length) * BAR_THICKNESS) / (1 - BAND_PADDING),
  );
  const axis = valueAxis(
    chart,
    values.map((row) => row.value),
  );
  return {
    width: WIDTH,
    height: Math.round(step * Math.max(1, keys.length)),
    autosize: { type: "fit-x", contains: "padding" },
    padding: 16,
    background: "white",
    title: { text: wrapText(chart.title, TITLE_CHARACTERS), anchor: "start", fontSize: 20, offset: 14 },
    data: { values },
    encoding: {
      y: {
        field: "key",
        type: "nominal",
        sort: keys,
        scale: { paddingInner: BAND_PADDING, paddingOuter: BAND_PADDING },
        axis: {
          title: null,
          labelExpr: `${JSON.stringify(labels)}[toNumber(datum.value)]`,
          // Vega draws the first line of a multi-line label at the band's middle; shift it up to centre the block.
          labelOffset: {
            expr: `-${LABEL_LINE_HEIGHT / 2} * (${JSON.stringify(labels.map((lines) => lines.length))}[toNumber(datum.value)] - 1)`,
          },
          labelLimit: 0,
          labelFontSize: LABEL_FONT_SIZE,
          labelLineHeight: LABEL_LINE_HEIGHT,
          labelPadding: 8,
          labelColor: "#222",
          ticks: false,
          domain: false,
        },
      },
      x: {
        field: "value",
        type: "quantitative",
        scale: axis.scale,
        axis: {
          title: null,
          labelFontSize: 14,
          labelColor: "#555",
          labelExpr: axis.labelExpr,
          tickMinStep: chart.unit === "%" ? 0 : 1,
          ...(axis.values ? { values: axis.values } : {}),
        },
      },
      ...(grouped ? { yOffset: { field: "series", type: "nominal" as const, sort: seriesNames } } : {}),
      color: grouped
        ? {
            field: "series",
            type: "nominal",
            sort: seriesNames,
            scale: { domain: seriesNames, range: SERIES_COLOURS },
            legend: {
              orient: "top",
              title: null,
              labelFontSize: LABEL_FONT_SIZE,
              labelLimit: 0,
              symbolSize: 200,
            },
          }
        : { value: SINGLE_COLOUR },
    },
    layer: [
      {
        mark: { type: "bar" },
        ...(axis.baseline === undefined ? {} : { encoding: { x2: { datum: axis.baseline } } }),
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 15 },
        encoding: { text: { field: "label" }, color: { value: "#222" } },
      },
    ],
    config: {
      font: CHART_FONT_FAMILY,
      title: { font: CHART_FONT_FAMILY, color: "#111" },
      axis: { labelFont: CHART_FONT_FAMILY, titleFont: CHART_FONT_FAMILY, gridColor: "#e6e6e6" },
      legend: { labelFont: CHART_FONT_FAMILY, titleFont: CHART_FONT_FAMILY },
      text: { font: CHART_FONT_FAMILY },
      view: { stroke: null },
    },
  };
}

interface ValueAxis {
  scale: { domain: number[]; nice: false; zero: false; reverse?: boolean };
  labelExpr: string;
  /** Where bars start when it is not zero. */
  baseline?: number;
  values?: number[];
}

function valueAxis(chart: BarChartSpec, values: number[]): ValueAxis {
  const suffix = chart.unit === "%" ? " + '%'" : "";
  const largest = Math.max(0, ...values);
  if (!chart.lowerIsBetter) {
    const top = largest > 0 ? largest : 1;
    return {
      scale: { domain: [Math.min(0, ...values), top * (1 + HEADROOM)], nice: false, zero: false },
      labelExpr: `datum.value < 0 ? '' : datum.label${suffix}`,
    };
  }
  const best = chart.unit === "rank" ? 1 : 0;
  const worst = Math.max(Math.ceil(largest), chart.unit === "rank" ? chart.categories.length : 0, best + 1);
  const edge = worst + (worst - best) * STUB;
  return {
    scale: { domain: [best - (worst - best) * HEADROOM, edge], nice: false, zero: false, reverse: true },
    labelExpr: `datum.value < ${best} || datum.value > ${worst} ? '' : datum.label${suffix}`,
    baseline: edge,
    ...(chart.unit === "rank"
      ? { values: Array.from({ length: worst - best + 1 }, (_, i) => best + i) }
      : {}),
  };
}

function formatValue(value: number, unit: BarChartSpec["unit"]): string {
  if (unit === "count") return String(Math.round(value));
  const digits = unit === "%" ? 1 : 2;
  const text = String(Number(value.toFixed(digits)));
  return unit === "%" ? `${text}%` : text;
}
