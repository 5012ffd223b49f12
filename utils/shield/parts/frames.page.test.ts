import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { settle, shieldTest, until } from '../testing/harness';

describe('frames', () => {
  it('a frame is released only when the background confirms its own document is protected', async () => {
    const frameIds = new Map<Element, number>();
    const test = shieldTest('', { frameIds, protectedFrames: [7] });
    test.answer();
    const protectedFrame = document.createElement('iframe');
    const other = document.createElement('iframe');
    frameIds.set(protectedFrame, 7);
    frameIds.set(other, 8);
    test.root.append(protectedFrame, other);
    expect(await until(() => protectedFrame.getAttribute(MARK.frame) === 'inner')).toBe(true);
    await settle();
    expect(other.hasAttribute(MARK.frame)).toBe(false);
  });

  it('a released frame sent to a new address is covered at once, and stays covered while it loads', async () => {
    const frameIds = new Map<Element, number>();
    const test = shieldTest('', { frameIds, protectedFrames: [7] });
    test.answer();
    const frame = document.createElement('iframe');
    frameIds.set(frame, 7);
    test.root.append(frame);
    await until(() => frame.getAttribute(MARK.frame) === 'inner');
    frame.srcdoc = '<p>next</p>';
    await Promise.resolve();
    expect(frame.hasAttribute(MARK.frame)).toBe(false);
    // The old document's word does not count while the frame navigates.
    test.shield.frameState(7, true);
    expect(frame.hasAttribute(MARK.frame)).toBe(false);
    // Once loaded and confirmed, it is released again.
    expect(await until(() => frame.getAttribute(MARK.frame) === 'inner')).toBe(true);
  });

  it('the background saying a frame\'s document left covers it; a page writing the mark does nothing', async () => {
    const frameIds = new Map<Element, number>();
    const test = shieldTest('', { frameIds, protectedFrames: [7] });
    test.answer();
    const frame = document.createElement('iframe');
    frameIds.set(frame, 7);
    test.root.append(frame);
    await until(() => frame.getAttribute(MARK.frame) === 'inner');
    test.shield.frameState(7, false);
    expect(frame.hasAttribute(MARK.frame)).toBe(false);
    const forged = document.createElement('iframe');
    forged.setAttribute(MARK.frame, 'inner');
    test.root.append(forged);
    await Promise.resolve();
    expect(forged.hasAttribute(MARK.frame)).toBe(false);
  });
});
