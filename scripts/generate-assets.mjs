#!/usr/bin/env node
// Regenerates Gauze's icons and the demo case file's placeholder media. The outputs are committed;
// run this only to change them: `node scripts/generate-assets.mjs`. The demo video needs ffmpeg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng, render } from './lib/png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const write = (path, data) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), data);
  console.log('wrote', path);
};

// Icon: a rounded square of soft slate blue with a loose woven grid, like a layer of gauze.
const icon = (x, y) => {
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
  const weave = (v) => Math.abs(((v * 4.5) % 1) - 0.5) < 0.09;
  const inner = x > 0.14 && x < 0.86 && y > 0.14 && y < 0.86;
  if (inner && (weave(x + 0.06) || weave(y + 0.06))) return [236, 241, 245, 255];
  return [59, 91, 118, 255];
};
for (const size of [16, 32, 48, 96, 128]) write(`public/icon/${size}.png`, encodePng(size, size, render(size, size, icon)));

// Demo exhibits: calm abstract compositions. No real or graphic content.
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const exhibits = [
  { name: 'exhibit-1', sky: [176, 196, 214], ground: [120, 131, 110], sun: [240, 214, 160] },
  { name: 'exhibit-2', sky: [235, 232, 224], ground: [214, 208, 196], sun: [150, 160, 175] },
  { name: 'exhibit-3', sky: [160, 178, 190], ground: [96, 104, 112], sun: [205, 120, 90] },
  { name: 'exhibit-4', sky: [214, 200, 180], ground: [150, 124, 100], sun: [250, 240, 220] },
  { name: 'exhibit-5', sky: [70, 80, 120], ground: [40, 44, 60], sun: [240, 170, 110] },
  { name: 'exhibit-6', sky: [190, 210, 200], ground: [110, 140, 120], sun: [230, 230, 200] },
];
exhibits.forEach(({ name, sky, ground, sun }, index) => {
  const horizon = 0.55 + 0.05 * Math.sin(index);
  const picture = (x, y) => {
    const hill = horizon + 0.06 * Math.sin(x * 6 + index);
    if (Math.hypot(x - 0.7 + index * 0.05, (y - 0.3) * 0.66) < 0.08) return [...sun, 255];
    if (y > hill) return [...mix(ground, [30, 30, 30], (y - hill) * 0.8), 255];
    const block = Math.abs(x - 0.3) < 0.08 && y > hill - 0.18 + 0.02 * index && y <= hill;
    if (block) return [...mix(ground, [60, 60, 70], 0.5), 255];
    return [...mix(sky, [255, 255, 255], y * 0.4), 255];
  };
  write(`public/demo/${name}.png`, encodePng(480, 320, render(480, 320, picture)));
});

// Demo recording: six seconds of a moving test pattern with a steady 440 Hz tone, so a person
// can check that the sound stays off until they turn it on.
try {
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=15:duration=6',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=6',
    '-c:v', 'libvpx', '-b:v', '150k', '-c:a', 'libopus', '-b:a', '32k', '-shortest',
    join(root, 'public/demo/recording.webm'),
  ]);
  console.log('wrote public/demo/recording.webm');
} catch (error) {
  console.warn('ffmpeg is not available; kept the committed recording.webm', error.message);
}
