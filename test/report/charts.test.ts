import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BarChartSpec, renderBarChart } from "../../src/report/charts.ts";
import { svgToPng } from "../../src/report/svg-to-png.ts";
import { inkPixels, pngSize } from "./png-pixels.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const kazakhChart: BarChartSpec = {
  title: "Балаларды мектепке қабылдаудағы негізгі кедергілер (сарапшылардың үлесі)",
  unit: "%",
  categories: [
    "Электрондық құжаттардың болмауы",
    "Мемлекеттік тілді білмеу",
    "Уақытша тіркеудің болмауы: ә ғ қ ң ө ұ ү һ і",
    "Отсутствие мест в школах и большое расстояние до ближайшей школы",
  ],
  series: [{ name: "1-толқын", values: [62.5, 40, 12, 100] }],
};

describe("renderBarChart", () => {
  it("draws a PNG about 900 px wide with Kazakh labels", async () => {
    const png = await renderBarChart(kazakhChart);
    writeFileSync("/tmp/chart-check.png", png);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(850);
    expect(width).toBeLessThanOrEqual(950);
    expect(height).toBeGreaterThan(250);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("draws the label glyphs", async () => {
    const labelled = await renderBarChart(kazakhChart);
    const blank = await renderBarChart({ ...kazakhChart, categories: kazakhChart.categories.map(() => "") });
    expect(labelled.equals(blank)).toBe(false);
    expect(inkPixels(labelled) - inkPixels(blank)).toBeGreaterThan(3_000);
  });

  it("grows with the number of categories and draws grouped bars for two waves", async () => {
    const categories = Array.from({ length: 12 }, (_, index) => `Санат ${index + 1}`);
    const small = await renderBarChart({ ...kazakhChart, categories: categories.slice(0, 3), series: [] });
    const large = await renderBarChart({
      title: "Орташа ранг",
      unit: "rank",
      lowerIsBetter: true,
      categories,
      series: [
        { name: "1-толқын", values: categories.map((_, index) => index + 1) },
        { name: "2-толқын", values: categories.map((_, index) => 12 - index) },
      ],
    });
    expect(pngSize(large).height).toBeGreaterThan(2 * pngSize(small).height);
  });
});

describe("svgToPng", () => {
  const word = (fill: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="80">` +
    `<text x="10" y="55" font-family="DejaVu Sans" font-size="36" fill="${fill}">Қазақ әғқңөұүһі</text></svg>`;

  it("draws Kazakh text with the bundled fonts and nothing without them", async () => {
    expect(inkPixels(await svgToPng(word("black")))).toBeGreaterThan(1_000);
    expect(inkPixels(await svgToPng(word("black"), []))).toBe(0);
  });
});
