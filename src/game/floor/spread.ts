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

export interface Caption {
  /** The centre of what it names. */
  x: number;
  /** Its width at full size. */
  width: number;
  /** The room it has when every caption keeps to its own slot. */
  room: number;
}

export interface CaptionPlace {
  x: number;
  /** The width it may take; narrower than its full width, it is drawn smaller and then shortened. */
  room: number;
}

/**
 * Where a row of centred captions go (names under the account towers): a
 * caption too wide for its slot borrows room its neighbours leave unused,
 * moving off its tower's centre by at most `maxShift`. Captions never come
 * closer than `gap` and stay within [left, right]. Where borrowing is not
 * enough, the long captions are given less room step by step, down to their
 * own slots (as if nothing were borrowed), so the result is never worse than
 * slots alone. Items come in the order of their x.
 */
export function placeCaptions(items: readonly Caption[], left: number, right: number, gap: number, maxShift: number): CaptionPlace[] {
  const own = items.map((c) => ({ x: c.x, room: c.room }));
  if (items.every((c) => c.width <= c.room)) return own;
  for (const share of [1, 0.75, 0.5, 0.25]) {
    const widths = items.map((c) => (c.width <= c.room ? c.width : c.room + (c.width - c.room) * share));
    const xs = packRow(
      items.map((c) => c.x),
      widths,
      left,
      right,
      gap,
    );
    // A name that fits its slot keeps the slot as its room; a long one gets the width it was packed at.
    if (xs && xs.every((x, i) => Math.abs(x - items[i]!.x) <= maxShift)) return items.map((c, i) => ({ x: xs[i]!, room: Math.max(c.room, widths[i]!) }));
  }
  return own;
}

/**
 * Intervals of the given widths, in order and `gap` apart, each as near its
 * wanted centre as the others allow (least squares): neighbours that would
 * overlap are merged into one block centred on its members' wishes, then
 * kept within [left, right]. Undefined when they do not fit at all.
 */
function packRow(wanted: readonly number[], widths: readonly number[], left: number, right: number, gap: number): number[] | undefined {
  const total = widths.reduce((s, w) => s + w, 0) + gap * Math.max(0, widths.length - 1);
  if (total > right - left) return undefined;
  interface Block {
    first: number;
    count: number;
    width: number;
    /** Sum over members of (wanted centre − offset of its centre from the block's left edge). */
    sum: number;
    start: number;
  }
  const blocks: Block[] = [];
  const place = (b: Block) => {
    b.start = Math.min(right - b.width, Math.max(left, b.sum / b.count));
  };
  widths.forEach((w, i) => {
    const b: Block = { first: i, count: 1, width: w, sum: wanted[i]! - w / 2, start: 0 };
    place(b);
    for (let prev = blocks.at(-1); prev && prev.start + prev.width + gap > b.start; prev = blocks.at(-1)) {
      blocks.pop();
      // b's members sit prev.width + gap further right inside the merged block.
      const shift = prev.width + gap;
      b.sum = prev.sum + b.sum - shift * b.count;
      b.first = prev.first;
      b.count += prev.count;
      b.width += shift;
      place(b);
    }
    blocks.push(b);
  });
  const xs: number[] = [];
  for (const b of blocks) {
    let at = b.start;
    for (let i = b.first; i < b.first + b.count; i++) {
      xs.push(at + widths[i]! / 2);
      at += widths[i]! + gap;
    }
  }
  return xs;
}

export interface Point {
  x: number;
  y: number;
}

export interface WalkPath {
  /** Its length in pixels. */
  length: number;
  /** The point a share t (0 to 1) of the way along. */
  at(t: number): Point;
}

/**
 * A KAM's way across the floor: straight along the street outside; to a place
 * inside (a department, above `frontY`) down to the street first, along it, and
 * up at the place's x. Walking only up and down beside the buildings, a
 * figure never crosses the labels and gauges under them.
 */
export function walkPath(from: Point, to: Point, streetY: number, frontY: number): WalkPath {
  const points: Point[] = [from];
  if (from.y < frontY) points.push({ x: from.x, y: streetY });
  if (to.y < frontY) points.push({ x: to.x, y: streetY });
  points.push(to);
  const legs = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const length = legs.reduce((s, d) => s + d, 0);
  return {
    length,
    at(t) {
      let left = Math.min(1, Math.max(0, t)) * length;
      for (let i = 0; i < legs.length; i++) {
        const a = points[i]!;
        const b = points[i + 1]!;
        if (left <= legs[i]! || i === legs.length - 1) {
          const f = legs[i]! > 0 ? Math.min(1, left / legs[i]!) : 1;
          return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
        }
        left -= legs[i]!;
      }
      return { ...to };
    },
  };
}

/** Half the width of a KAM's figure (46 px at scale 1), with a little air. */
export const FIGURE_HALF = 12;

/** How far the figure's head reaches above its feet, and the ring round the player's figure above and to each side, in figure heights (draw.ts's person). */
export const FIGURE_TOP = 1.01;
export const PLAYER_RING_TOP = 1.14;
export const PLAYER_RING_HALF = 0.62;

/** The x nearest `x` at which something `half` wide either side lies within [0, width] (centred when it is wider). */
export function keepWithin(x: number, half: number, width: number): number {
  return half * 2 >= width ? width / 2 : Math.min(width - half, Math.max(half, x));
}

/**
 * Where a visitor stands beside a department: clear of the building and of the
 * gauge under it (which is wider), on the left (side −1) or right (+1), so the
 * walk up from the street passes neither.
 */
export function besideBuilding(x: number, buildingWidth: number, gaugeWidth: number, k: number, side: -1 | 1): number {
  return x + side * Math.max(buildingWidth / 2 + 13 * k, gaugeWidth / 2 + FIGURE_HALF * k);
}

/**
 * A caption too wide for its room, broken into two lines that each fit
 * (`fits` says whether a line does): at a " · " between two figures by
 * preference (which the break then replaces), else at the last space that
 * lets the first line fit. Undefined when no break gives two lines that fit.
 */
export function breakInTwo(caption: string, fits: (line: string) => boolean): [string, string] | undefined {
  const at = caption.lastIndexOf(' · ');
  if (at > 0) {
    const lines: [string, string] = [caption.slice(0, at), caption.slice(at + 3)];
    if (lines.every(fits)) return lines;
  }
  for (let i = caption.lastIndexOf(' '); i > 0; i = caption.lastIndexOf(' ', i - 1)) {
    const lines: [string, string] = [caption.slice(0, i), caption.slice(i + 1)];
    if (fits(lines[0])) return fits(lines[1]) ? lines : undefined;
  }
  return undefined;
}
