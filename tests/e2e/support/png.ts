import { inflateSync } from 'node:zlib';
import { encodePng } from '../../../scripts/lib/png.mjs';

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  pixels: Uint8Array;
}

/** Decodes the 8-bit, non-interlaced RGB/RGBA PNGs that browsers send as screenshots. */
export function decodePng(data: Buffer): Bitmap {
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs are supported');
      colorType = body[9]!;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[y * stride + x] = value & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 4] = rows[i * channels]!;
    pixels[i * 4 + 1] = rows[i * channels + 1]!;
    pixels[i * 4 + 2] = rows[i * channels + 2]!;
    pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width, height, pixels };
}

/**
 * The fixtures' test pattern is pure magenta (#ff00ff): nothing in Gauze's cover, blur
 * (greyscale) or outline views is that colour, so a magenta pixel on screen is unprotected media.
 */
export function countPatternPixels({ pixels }: Bitmap): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) if (isPattern(pixels, i)) count++;
  return count;
}

const isPattern = (pixels: Uint8Array | Uint8ClampedArray, i: number) => pixels[i]! > 200 && pixels[i + 1]! < 70 && pixels[i + 2]! > 200;

/** The width and height of the box around every test-pattern pixel (0 × 0: none painted). */
export function patternExtent({ width, pixels }: Bitmap): { width: number; height: number } {
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let i = 0; i < pixels.length; i += 4) {
    if (!isPattern(pixels, i)) continue;
    const x = (i / 4) % width;
    const y = Math.floor(i / 4 / width);
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  }
  return right < 0 ? { width: 0, height: 0 } : { width: right - left + 1, height: bottom - top + 1 };
}

/** Pixels of a colour, within a small tolerance (the cover's placeholders: a blank page has none). */
export function countColourPixels({ pixels }: Bitmap, [r, g, b]: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (Math.abs(pixels[i]! - r!) < 10 && Math.abs(pixels[i + 1]! - g!) < 10 && Math.abs(pixels[i + 2]! - b!) < 10) count++;
  }
  return count;
}

export function patternPng(width: number, height: number, rgb: [number, number, number] = [255, 0, 255]): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([...rgb, 255], i * 4);
  return encodePng(width, height, pixels);
}
