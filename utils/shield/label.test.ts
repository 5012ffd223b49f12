import { describe, expect, it } from 'vitest';
import { readableFileName } from './label';

describe('readableFileName', () => {
  it.each([
    ['https://cases.example/files/autopsy-room-2.jpg', 'autopsy-room-2.jpg'],
    ['https://cases.example/files/Exhibit%2012%20scene.png?x=1', 'Exhibit 12 scene.png'],
    ['https://cases.example/photo.jpeg', 'photo.jpeg'],
  ])('keeps a name a person can read: %s', (url, name) => {
    expect(readableFileName(url)).toBe(name);
  });

  it.each([
    'https://pbs.example/media/F3x9aBqZ0kL.jpg',
    'https://cdn.example/a8f3c0d9e1b24f7c9a0e3d2c1b0a9f8e.png',
    'https://cdn.example/',
    'data:image/png;base64,AAAA',
    'blob:https://example.org/6a1f0c3e',
  ])('drops hashes and addresses without a name: %s', (url) => {
    expect(readableFileName(url)).toBeNull();
  });
});
