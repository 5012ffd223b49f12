// A minimal PNG writer (RGBA, 8 bits per channel) for the generated icons and demo pictures,
// so the repository needs no image tool to regenerate them.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes width x height RGBA pixels (a Uint8Array of width * height * 4) as a PNG file. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Renders a picture from a colour function with 4x4 supersampling for smooth edges.
 * `shade(x, y)` gets coordinates in 0..1 and returns [r, g, b, a] with channels in 0..255.
 */
export function render(width, height, shade) {
  const pixels = new Uint8Array(width * height * 4);
  const n = 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = shade((x + (sx + 0.5) / n) / width, (y + (sy + 0.5) / n) / height);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const i = (y * width + x) * 4;
      const alpha = sum[3] / (n * n);
      pixels[i] = sum[3] ? Math.round(sum[0] / sum[3]) : 0;
      pixels[i + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0;
      pixels[i + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}
