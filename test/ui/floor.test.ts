/** The floor's layout arithmetic: KAMs kept apart by their figures or their names, whichever is wider; the words of the report's 7S radar kept apart. */
import { describe, expect, it } from 'vitest';
import { overlaps, radarLayout, radarPoint, type RadarLayout } from '../../src/game/floor/radar-layout.js';
import { besideBuilding, breakInTwo, FIGURE_HALF, keepWithin, placeCaptions, spreadApart, walkPath, type CaptionPlace } from '../../src/game/floor/spread.js';
import { floorData, floorFromInput } from '../../src/game/floor/model.js';
import { departmentIcon, departmentIcons, departmentInitials } from '../../src/game/assets.js';
import type { Session } from '../../src/game/app.js';
import { money, setLanguage } from '../../src/game/i18n.js';
import { createRun, step } from '../../src/sim/index.js';
import { shipped, shippedIds } from '../helpers.js';

describe('floor layout', () => {
  it('spreadApart() leaves KAMs under their accounts when they have room', () => {
    expect(spreadApart([{ x: 100, half: 21 }, { x: 300, half: 21 }])).toEqual([100, 300]);
  });

  it('spreadApart() moves a KAM right past the ones it would overlap, names included', () => {
    // Two names 56 px wide, wanted 33 px apart (accounts that interleave): the second moves to touch the first, not onto it.
    const [a, b] = spreadApart([{ x: 489, half: 28 }, { x: 522, half: 28 }]);
    expect(a).toBe(489);
    expect(b! - a!).toBeGreaterThanOrEqual(56);
    // A third wanted between them goes past both.
    const xs = spreadApart([{ x: 100, half: 20 }, { x: 140, half: 20 }, { x: 120, half: 20 }]);
    expect(xs).toEqual([100, 140, 180]);
  });

  it('spreadApart() ends with sizes that do not add up exactly in floating point', () => {
    // 489.123 + 50.7 − 489.123 is a hair under 50.7: touching must not count as a clash again.
    const xs = spreadApart([{ x: 489.123, half: 25.35 }, { x: 500.1, half: 25.35 }, { x: 510.7, half: 25.35 }]);
    expect(xs[1]! - xs[0]!).toBeCloseTo(50.7, 6);
    expect(xs[2]! - xs[1]!).toBeCloseTo(50.7, 6);
  });
});

describe('a KAM on the canvas', () => {
  it('keepWithin() moves a figure with its labels off an edge, and leaves one with room where it is', () => {
    expect(keepWithin(14, 29, 625)).toBe(29);
    expect(keepWithin(610, 29, 625)).toBe(596);
    expect(keepWithin(160, 29, 625)).toBe(160);
    expect(keepWithin(10, 400, 625)).toBe(312.5);
  });
});

describe('a KAM walking to a department', () => {
  const FRONT = 400;
  const STREET = 466;
  const home = { x: 100, y: STREET };
  const door = { x: 300, y: 340 };
  const other = { x: 620, y: 330 };

  it('goes along the street, then up beside the building, and back the same way', () => {
    const there = walkPath(home, door, STREET, FRONT);
    expect(there.length).toBeCloseTo(200 + 126, 9);
    expect(there.at(0)).toEqual(home);
    expect(there.at(1)).toEqual(door);
    expect(there.at(100 / 326)).toEqual({ x: 200, y: STREET });
    const back = walkPath(door, home, STREET, FRONT);
    expect(back.at(63 / 326)).toEqual({ x: 300, y: 403 });
    expect(back.at(1)).toEqual(home);
  });

  it('is never inside the company except straight above the place it goes to or comes from', () => {
    for (const [from, to] of [[home, door], [door, home], [door, other], [home, other]] as const) {
      const path = walkPath(from, to, STREET, FRONT);
      for (let t = 0; t <= 1; t += 1 / 256) {
        const p = path.at(t);
        if (p.y < FRONT) expect([from.x, to.x]).toContain(p.x);
      }
    }
    // Along the street only, it goes straight.
    expect(walkPath(home, { x: 500, y: STREET }, STREET, FRONT).at(0.5)).toEqual({ x: 300, y: STREET });
  });
});

describe('where a visitor stands beside a department', () => {
  it('clear of the building and of the gauge under it, as the floor lays them out at 1280, 1024 and 1920 px', () => {
    // The floor's department row: slot = (W − 24) / 4, building min(0.7 slot, 190k), gauge min(0.84 slot, 210k); k = max(0.72, min(W / 1000, H / 640)).
    for (const [W, k] of [[794, 0.794], [624, 0.72], [1190, 1.19]] as const) {
      const slot = (W - 24) / 4;
      const building = Math.min(slot * 0.7, 190 * k);
      const gauge = Math.min(slot * 0.84, 210 * k);
      for (const side of [-1, 1] as const) {
        const x = besideBuilding(500, building, gauge, k, side);
        const near = Math.abs(x - 500) - FIGURE_HALF * k;
        expect(near + 1e-9, `${W} px`).toBeGreaterThanOrEqual(gauge / 2);
        expect(near + 1e-9, `${W} px`).toBeGreaterThanOrEqual(building / 2);
        // …and not past the middle of the gap to the next department's gauge.
        expect(Math.abs(x - 500) + FIGURE_HALF * k, `${W} px`).toBeLessThanOrEqual(slot - gauge / 2);
      }
    }
  });
});

describe('account names under the towers', () => {
  // Eight towers 97 px apart, as at 1280 px: each name's own room is 91 px.
  const xs = Array.from({ length: 8 }, (_, i) => 60 + 97 * i);
  const row = (widths: number[]) => widths.map((width, i) => ({ x: xs[i]!, width, room: 91 }));
  /** The drawn extent of each caption: its full width when it has the room, else the room it got. */
  const extents = (widths: number[], places: CaptionPlace[]) =>
    places.map((p, i) => {
      const w = Math.min(widths[i]!, p.room);
      return [p.x - w / 2, p.x + w / 2] as const;
    });

  it('leaves names that fit their own slot where they are', () => {
    const widths = [60, 80, 40, 91, 50, 70, 60, 30];
    expect(placeCaptions(row(widths), 6, 794, 6, 29)).toEqual(row(widths).map((c) => ({ x: c.x, room: 91 })));
  });

  it('gives a long name the room its neighbours leave, near its tower and never touching another', () => {
    // "Acme Industries" and "Borealis Energy" side by side, then short names.
    const widths = [100, 98, 40, 45, 90, 38, 84, 96];
    const places = placeCaptions(row(widths), 6, 794, 6, 29);
    expect(places[0]!.room).toBeGreaterThanOrEqual(100);
    expect(places[1]!.room).toBeGreaterThanOrEqual(98);
    expect(places[7]!.room).toBeGreaterThanOrEqual(96);
    const ext = extents(widths, places);
    for (let i = 1; i < ext.length; i++) expect(ext[i]![0] - ext[i - 1]![1]).toBeGreaterThanOrEqual(6 - 1e-9);
    expect(ext[0]![0]).toBeGreaterThanOrEqual(6);
    expect(ext[7]![1]).toBeLessThanOrEqual(794);
    places.forEach((p, i) => expect(Math.abs(p.x - xs[i]!)).toBeLessThanOrEqual(29));
    // Names with room to spare do not move further than they must.
    expect(places[4]!.x).toBe(xs[4]);
  });

  it('shares out what room there is when every name is long, and never gives less than the slot', () => {
    const widths = Array(8).fill(130) as number[];
    const places = placeCaptions(row(widths), 6, 794, 6, 29);
    places.forEach((p, i) => {
      expect(p.room).toBeGreaterThanOrEqual(91);
      expect(Math.abs(p.x - xs[i]!)).toBeLessThanOrEqual(29);
    });
    const ext = extents(widths, places);
    for (let i = 1; i < ext.length; i++) expect(ext[i]![0] - ext[i - 1]![1]).toBeGreaterThanOrEqual(6 - 1e-9);
    // Long names between long names cannot borrow: they keep their slots.
    expect(places[3]).toEqual({ x: xs[3], room: 91 });
  });
});

describe('what an account got, under its tower', () => {
  /** Lines of at most `n` characters fit. */
  const upTo = (n: number) => (line: string) => line.length <= n;

  it('breaks between the share and the change, where the dot was', () => {
    expect(breakInTwo('got 98% · +12 pts', upTo(12))).toEqual(['got 98%', '+12 pts']);
    expect(breakInTwo('kreeg 79% · +6 ptn', upTo(10))).toEqual(['kreeg 79%', '+6 ptn']);
  });

  it('breaks at the last space that lets the first line fit when there is no dot', () => {
    expect(breakInTwo('€1.2M revenue this quarter', upTo(14))).toEqual(['€1.2M revenue', 'this quarter']);
  });

  it('gives up when two lines are not enough', () => {
    expect(breakInTwo('got 98% · +12 pts', upTo(5))).toBeUndefined();
    expect(breakInTwo('Unbreakable', upTo(5))).toBeUndefined();
  });
});

describe('the 7S radar on the report', () => {
  /** Text sizes as the canvas draws them, near enough: a digit or letter about 0.62 of the font size wide, a line 1.25 high. */
  const text = (s: string, size: number) => ({ w: s.length * size * 0.62, h: size * 1.25 });
  const NAMES = ['Strategy', 'Structure', 'Systems', 'Shared values', 'Style', 'Staff', 'Skills'];
  const RINGS = [0.25, 0.5, 0.75, 1];

  function layoutOf(values: number[], previous: number[] | null, r: number, k: number) {
    const geometry = {
      cx: 400, cy: 300, r, k, rings: RINGS,
      ringSizes: RINGS.map((x) => text(String(x * 100), 10 * k)),
      nameSizes: NAMES.map((x) => text(x, 13 * k)),
      values, previous,
      valueSizes: values.map((v) => text(String(Math.round(v * 100)), 11 * k)),
      markerRadius: 5.5 * k,
    };
    return { geometry, layout: radarLayout(geometry) };
  }

  /** Every pair of words that overlap, and every value on a marker. */
  function clashes({ rings, names, markers, values }: RadarLayout): string[] {
    const words = [...rings.map((b, j) => ['ring ' + RINGS[j]! * 100, b] as const), ...names.map((b, i) => [NAMES[i]!, b] as const), ...values.map((b, i) => [`value of ${NAMES[i]}`, b] as const)];
    const found: string[] = [];
    words.forEach(([a, boxA], i) => words.slice(i + 1).forEach(([b, boxB]) => overlaps(boxA, boxB) && found.push(`${a} on ${b}`)));
    values.forEach((v, i) => markers.forEach((m, j) => overlaps(v, m) && found.push(`value of ${NAMES[i]} on marker ${j}`)));
    return found;
  }

  it('radarLayout() writes a value beside the "25" ring label, not on it (quarter 10 of the P&L trap)', () => {
    const values = [0.4, 0, 0.7, 0.47, 0.57, 0.55, 0.43];
    const { geometry, layout } = layoutOf(values, [0.15, 0, 0.75, 0.48, 0.57, 0.54, 0.43], 171, 0.88);
    // Where the radar wrote them before: the value under its marker, the ring label 4 px right of the axis; one on the other.
    const size = geometry.valueSizes[0]!;
    const under = { x: 400 - size.w / 2, y: 300 - 0.4 * 171 + 7 * 0.88, ...size };
    expect(overlaps(under, { ...layout.rings[0]!, x: 404 })).toBe(true);
    expect(clashes(layout)).toEqual([]);
  });

  it('radarLayout() keeps every word clear of the others and of the markers, each value near its marker, at any values and sizes', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const cases: [number[], number[] | null][] = [
      [Array(7).fill(0), Array(7).fill(0)],
      [Array(7).fill(1), Array(7).fill(1)],
      [Array(7).fill(0.25), Array(7).fill(0.26)],
      [[0.26, 0.24, 0.5, 0.51, 0.75, 0.74, 1], null],
    ];
    for (let i = 0; i < 300; i++) cases.push([NAMES.map(() => random()), random() < 0.2 ? null : NAMES.map(() => random())]);
    for (const [r, k] of [[151, 0.75], [171, 0.88], [260, 1.5]] as const) {
      for (const [values, previous] of cases) {
        const { layout } = layoutOf(values, previous, r, k);
        expect(clashes(layout), `${values.join(' ')} | ${previous?.join(' ')} at r ${r}`).toEqual([]);
        layout.values.forEach((box, i) => {
          const p = radarPoint({ cx: 400, cy: 300, r }, i, 7, values[i]!);
          const far = Math.max(Math.abs(box.x + box.w / 2 - p.x) - box.w / 2, Math.abs(box.y + box.h / 2 - p.y) - box.h / 2);
          expect(far, `value of ${NAMES[i]}`).toBeLessThan(24 * k);
        });
      }
    }
  });
});

describe('the floor of a game in progress', () => {
  const input = shipped('tutorial').input;
  const state = step(createRun(input, {}), []).state;
  const session = { input, scenario: input, state, seat: 'you' } as unknown as Session;

  it('shows each account’s wallet while the player plans, and the quarter’s revenue on its results', () => {
    setLanguage('en');
    const planning = floorData(session, 'en', 'planning').accounts;
    const results = floorData(session, 'en', 'results').accounts;
    const row = state.history[0]!.accounts.find((r) => r.account === input.accounts[0]!.id)!;
    expect(planning[0]!.revenueText).toBe(`wallet ${money(state.accounts.wallet[0]!)}`);
    expect(results[0]!.revenueText).toBe(`${money(row.revenue)} revenue`);
    expect(row.revenue).not.toBe(state.accounts.wallet[0]);
  });
});

describe('department icons', () => {
  const iconsOf = (id: string) => floorFromInput(shipped(id).input, 'en', 'you').departments.map((d) => d.icon ?? d.initials);

  it('each shipped scenario’s departments get the icon their name calls for, or their initials, never an icon by position', () => {
    // Regulatory Affairs once got a wrench, Field Service a lab flask and Clinical Training the scales, by position.
    expect(iconsOf('board-sponsorship')).toEqual(['gear', 'scales', 'wrench', 'cap']);
    expect(iconsOf('tutorial')).toEqual(['gear', 'wrench', 'flask', 'scales']);
    expect(iconsOf('pnl-trap')).toEqual(['gear', 'wrench', 'flask', 'truck', 'scales']);
    expect(iconsOf('arms-race')).toEqual(['gear', 'chip', 'wrench', 'scales']);
    expect(iconsOf('growth-market')).toEqual(['gear', 'SI', 'wrench', 'coins']);
    expect(iconsOf('mature-market')).toEqual(['gear', 'LI', 'wrench', 'coins']);
    for (const id of shippedIds()) {
      const icons = floorFromInput(shipped(id).input, 'en', 'you').departments.map((d) => d.icon).filter((x) => x !== null);
      expect(new Set(icons).size, id).toBe(icons.length);
    }
  });

  it('departmentIcon() reads the id and the English name; departmentIcons() gives an icon once and no icon by position', () => {
    expect(departmentIcon('ra', 'Regulatory Affairs')).toBe('scales');
    expect(departmentIcon('compliance')).toBe('scales');
    expect(departmentIcon('academy')).toBe('cap');
    expect(departmentIcon('customer-service')).toBe('wrench');
    expect(departmentIcon('board-office', 'Board Office')).toBeNull();
    expect(departmentIcon('audit')).toBeNull();
    expect(departmentIcons([{ id: 'regulatory' }, { id: 'service' }, { id: 'field-service' }, { id: 'hr', name: 'People & Culture' }])).toEqual(['scales', 'wrench', null, null]);
  });

  it('departmentInitials() gives up to three initials, skipping small words, or two letters of a one-word name', () => {
    expect(departmentInitials('Systems Integration')).toBe('SI');
    expect(departmentInitials('Regulatory Affairs')).toBe('RA');
    expect(departmentInitials('Research and Development of Tools')).toBe('RDT');
    expect(departmentInitials('Commissioning')).toBe('Co');
    expect(departmentInitials('Lijnintegratie')).toBe('Li');
    expect(departmentInitials('Mensen & Cultuur')).toBe('MC');
  });

  it('the floor writes the initials of the name in the player’s language', () => {
    setLanguage('nl');
    const input = shipped('growth-market').input;
    const floor = floorFromInput(input, 'nl', 'you');
    expect(floor.departments[1]).toMatchObject({ icon: null, initials: 'Sy', name: 'Systeemintegratie' });
    setLanguage('en');
  });
});
