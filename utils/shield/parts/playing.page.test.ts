import { describe, expect, it } from 'vitest';
import { settle, shieldTest } from '../testing/harness';

describe('playing: watching without input is exposure', () => {
  it('tells the background when media starts playing, and when the last one stops', async () => {
    const told: boolean[] = [];
    const test = shieldTest('<video id="a"></video><video id="b"></video>');
    test.env.send.playing = (playing) => void told.push(playing);
    test.answer();
    await settle();
    const [a, b] = test.root.querySelectorAll('video');
    // The events the browser sends as media plays and pauses (no real playback needed).
    Object.defineProperty(a!, 'paused', { value: false, configurable: true });
    Object.defineProperty(b!, 'paused', { value: false, configurable: true });
    a!.dispatchEvent(new Event('playing'));
    b!.dispatchEvent(new Event('playing'));
    a!.dispatchEvent(new Event('pause'));
    b!.dispatchEvent(new Event('ended'));
    expect(told).toEqual([true, false]);
  });
});
