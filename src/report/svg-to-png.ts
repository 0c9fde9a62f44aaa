import { createRequire } from "node:module";

/** The font every chart is drawn with; DejaVu Sans covers the Kazakh letters ә ғ қ ң ө ұ ү һ і. */
export const CHART_FONT_FAMILY = "DejaVu Sans";

/** Paths of the regular and bold DejaVu Sans files shipped by the `dejavu-fonts-ttf` package. */
export function chartFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
    require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
  );
}

/**
 * Rasterises an SVG onto a white background. System fonts are never loaded, so the output is the same on
 * every machine; without `fontFiles` text is not drawn at all.
 */
export async function svgToPng(svg: string, fontFiles: string[] = chartFontFiles()): Promise<Buffer> {
  // Loaded on first use, like vega: a native library that most bot updates never need.
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    background: "white",
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
