export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export function render(width: number, height: number, shade: (x: number, y: number) => [number, number, number, number]): Uint8Array;
