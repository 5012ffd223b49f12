import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { shieldDefaults } from '../../core/shield/defaults';
import { settle, shieldTest, until, tabTo } from '../testing/harness';

/** A video of a few seconds, made in the page (a canvas stream), so nothing is fetched. */
async function makeVideo(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  recorder.start();
  for (let frame = 0; frame < 20; frame++) {
    context.fillStyle = frame % 2 ? '#ff00ff' : '#00a000';
    context.fillRect(0, 0, 64, 48);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  recorder.stop();
  await new Promise((resolve) => (recorder.onstop = resolve));
  return URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
}

describe('sound and playback', () => {
  it('video and audio start muted and held; the page cannot unmute or play them', async () => {
    const source = await makeVideo();
    const test = shieldTest(`<video id="v" src="${source}" autoplay width="160" height="120"></video><audio id="a" src="${source}" autoplay></audio>`);
    test.answer();
    const video = test.root.querySelector('video')!;
    const audio = test.root.querySelector('audio')!;
    await settle();
    video.muted = false;
    audio.muted = false;
    await video.play().catch(() => undefined);
    await audio.play().catch(() => undefined);
    await settle();
    expect([video.muted, video.paused, audio.muted, audio.paused]).toEqual([true, true, true, true]);
  });

  it('revealing a video never starts it; S gives it sound (and only it), covering takes the sound away again', async () => {
    const source = await makeVideo();
    const test = shieldTest(`<video id="v" src="${source}" width="160" height="120"></video><video id="w" src="${source}" width="160" height="120"></video>`);
    test.answer();
    await settle();
    const [video, other] = test.root.querySelectorAll('video');
    await tabTo(video!);
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Enter}');
    expect(video!.getAttribute(MARK.view)).toBe('outline');
    await settle();
    expect(video!.paused).toBe(true);
    await userEvent.keyboard('s');
    expect(video!.muted).toBe(false);
    expect(other!.muted).toBe(true);
    // No louder than the ceiling (half of its own volume by default), whatever the page asks.
    expect(video!.volume).toBe(0.5);
    video!.volume = 1;
    expect(await until(() => video!.volume === 0.5)).toBe(true);
    test.shield.configure({ ...shieldDefaults, maxVolumePercent: 20 });
    expect(video!.volume).toBeCloseTo(0.2, 5);
    expect(test.recorded.sound).toEqual([true]);
    await userEvent.keyboard('{Escape}');
    expect(video!.muted).toBe(true);
    expect(test.recorded.sound).toEqual([true, false]);
  });

  it('S does nothing while the picture is covered, or when the settings do not allow sound', async () => {
    const source = await makeVideo();
    const test = shieldTest(`<video id="v" src="${source}" width="160" height="120"></video>`);
    test.answer();
    await settle();
    const video = test.root.querySelector('video')!;
    await tabTo(video);
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('s');
    expect(video.muted).toBe(true);
    test.shield.configure({ blurPixels: 28, allowedSteps: ['blur', 'outline', 'full'], recoverAfterSeconds: 10, soundAllowed: false, iconMaxPixels: 32, smallViewPixels: 0, maxVolumePercent: 50 });
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('s');
    expect(await until(() => video.getAttribute(MARK.view) === 'blur')).toBe(true);
    expect(video.muted).toBe(true);
    expect(test.recorded.sound).toEqual([]);
  });

  it('the arrow keys move a revealed video one frame back or on, held still, < and > change its speed; a covered one not at all', async () => {
    const test = shieldTest(`<video id="v" src="${location.origin}/demo/recording.webm" width="160" height="120" preload="auto"></video>`);
    test.answer();
    const video = test.root.querySelector('video')!;
    expect(await until(() => video.readyState >= 1, 5000)).toBe(true);
    await tabTo(video);
    await userEvent.keyboard('{ArrowRight}');
    expect(video.currentTime).toBe(0);
    await userEvent.keyboard('{Enter}');
    expect(video.getAttribute(MARK.view)).not.toBeNull();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(video.currentTime).toBeCloseTo(3 / 30, 3);
    await userEvent.keyboard('{ArrowLeft}');
    expect(video.currentTime).toBeCloseTo(2 / 30, 3);
    expect(video.paused).toBe(true);
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(video.currentTime).toBe(0);
    // < and >: a step slower or faster, from a quarter to double speed, and no further.
    await userEvent.keyboard('<');
    expect(video.playbackRate).toBe(0.75);
    await userEvent.keyboard('<<<<');
    expect(video.playbackRate).toBe(0.25);
    await userEvent.keyboard('>>>>>>>>>');
    expect(video.playbackRate).toBe(2);
    expect(video.paused).toBe(true);
  });
});
