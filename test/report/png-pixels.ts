import { Resvg } from "@resvg/resvg-js";

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Number of pixels darker than light grey: drawn text and bars, not the white background. */
export function inkPixels(png: Buffer): number {
  const { width, height } = pngSize(png);
  // resvg decodes an embedded PNG for us, which saves writing an inflate-and-unfilter decoder in a test.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  let ink = 0;
  for (let offset = 0; offset < pixels.length; offset += 4) {
    const alpha = pixels[offset + 3]! / 255;
    const lightness =
      (pixels[offset]! + pixels[offset + 1]! + pixels[offset + 2]!) * alpha + 3 * 255 * (1 - alpha);
    if (lightness < 3 * 200) ink++;
  }
  return ink;
}
