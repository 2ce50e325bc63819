/**
 * Where the KAMs stand on the floor: each under its accounts, moved right
 * past any KAM already placed that it would overlap. A KAM takes the room of
 * its figure or of its name label, whichever is wider, so names never run
 * into each other (two KAMs whose accounts interleave stood a figure apart,
 * and their names overlapped).
 */
export function spreadApart(items: readonly { x: number; half: number }[]): number[] {
  const placed: { x: number; half: number }[] = [];
  for (const item of items) {
    let x = item.x;
    // Touching is no overlap: a millipixel of slack, or rounding would find the same clash for ever.
    const clashing = () => placed.find((p) => Math.abs(p.x - x) < p.half + item.half - 1e-3);
    for (let clash = clashing(); clash; clash = clashing()) x = clash.x + clash.half + item.half;
    placed.push({ x, half: item.half });
  }
  return placed.map((p) => p.x);
}
