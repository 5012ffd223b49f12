import { describe, expect, it } from 'vitest';
import { holdWebAudio } from './web-audio';

/** A fresh window (its own AudioNode), so holding its Web Audio leaves the test page's alone. */
function freshWindow(): Window & typeof globalThis {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return frame.contentWindow as Window & typeof globalThis;
}

/** What reaches a context's destination from a page's tone at half level: the loudest sample. */
async function loudest(scope: Window & typeof globalThis, build?: (context: OfflineAudioContext, tone: OscillatorNode) => void): Promise<number> {
  const context = new scope.OfflineAudioContext(1, 4410, 44_100);
  const tone = context.createOscillator();
  if (build) build(context, tone);
  else {
    const level = context.createGain();
    level.gain.value = 0.5;
    const returned = tone.connect(level).connect(context.destination);
    expect(returned).toBe(context.destination);
  }
  tone.start();
  const rendered = await context.startRendering();
  return Math.max(...rendered.getChannelData(0).map(Math.abs));
}

describe('Web Audio on a flagged page', () => {
  it('reaches the loudspeakers silent, whatever the page connects; the page\'s graph works as it expects', async () => {
    // Control: without Gauze, the tone is heard.
    expect(await loudest(freshWindow())).toBeGreaterThan(0.4);
    const held = freshWindow();
    holdWebAudio(held, { offline: true });
    expect(await loudest(held)).toBe(0);
    // Connected straight, disconnected from the destination and connected again: still silent, no error.
    expect(await loudest(held, (context, tone) => {
      tone.connect(context.destination);
      tone.disconnect(context.destination);
      tone.connect(context.destination, 0, 0);
    })).toBe(0);
    // Connections elsewhere (an analyser, a parameter) are the page's own and untouched.
    expect(await loudest(held, (context, tone) => {
      const analyser = context.createAnalyser();
      const lfo = context.createOscillator();
      const level = context.createGain();
      lfo.connect(level.gain);
      tone.connect(analyser);
      analyser.connect(level).connect(context.destination);
      lfo.start();
    })).toBe(0);
    expect(held.AudioNode.prototype.connect.name).toBe('connect');
  });

  it('leaves offline rendering (never heard) alone', async () => {
    const held = freshWindow();
    holdWebAudio(held);
    expect(await loudest(held)).toBeGreaterThan(0.4);
  });
});
