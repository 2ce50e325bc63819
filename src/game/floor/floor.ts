/**
 * The company floor: the two fronts on one canvas. Inside (top), the
 * departments as buildings whose height follows their capacity, with lit
 * windows and a gauge for the capacity asked or given; outside (bottom), the
 * key accounts as towers sized by their wallet, with satisfaction and revenue;
 * on the line between, the KAMs at work. Scenes build it from plain data and
 * update gauges, account figures and KAM positions; the Resolution scene
 * animates capacity flowing from departments to accounts.
 *
 * Drawing: what never changes is painted once on a plain canvas ("base");
 * gauges, windows, meters and the lines under the accounts are painted on a
 * second canvas ("overlay") only when they change; Phaser shows both as
 * images and animates only the people and the flowing capacity. A frame is
 * cheap and no task blocks the page, even with software rendering.
 * Imports Phaser, the shared palette and the painting primitives.
 */
import Phaser from 'phaser';
import { seriesStyle } from '../../charts/palette';
import { COLORS, hex, label, marker, person } from './draw';
import { besideBuilding, FIGURE_HALF, FIGURE_TOP, keepWithin, placeCaptions, PLAYER_RING_HALF, PLAYER_RING_TOP, spreadApart, walkPath, type CaptionPlace } from './spread';
import { css, font, markerPath, roundRect, starPath, text, textLines, type Ctx, type TextStyle } from './paint';

/** The least space between two account names, and between a name and the floor's edge. */
const CAPTION_GAP = 6;

export interface FloorDepartment {
  id: string;
  name: string;
  capacity: number;
  /** The icon of what the department does, or null where none clearly fits: the plate then bears its initials. */
  icon: string | null;
  initials: string;
}

export interface FloorAccount {
  id: string;
  name: string;
  owner: number;
  mine: boolean;
  alive: boolean;
  wallet: number;
  satisfaction: number;
  /** Revenue last quarter, shown under the tower; null before the first quarter. */
  revenueText: string | null;
}

export interface FloorKam {
  id: string;
  name: string;
  mine: boolean;
}

export interface FloorTexts {
  inside: string;
  outside: string;
  capacity: (days: number) => string;
  satisfaction: (share: number) => string;
  lost: string;
  you: string;
}

export interface FloorData {
  departments: FloorDepartment[];
  accounts: FloorAccount[];
  kams: FloorKam[];
  texts: FloorTexts;
}

export interface GaugeSegment {
  value: number;
  /** KAM index for colour and pattern, or −1 for the player's draft. */
  kam: number;
}

interface DeptView {
  x: number;
  top: number;
  bottom: number;
  width: number;
  slot: number;
  windows: { x: number; y: number; w: number; h: number }[];
  gauge: { x: number; y: number; w: number; h: number };
  segments: GaugeSegment[];
  /** One or two lines under the gauge. */
  text: string[];
  mark: number | undefined;
}

interface AccountView {
  x: number;
  top: number;
  bottom: number;
  width: number;
  slot: number;
  meter: { x: number; y: number; r: number };
  satisfaction: number | null;
  info: string;
  alive: boolean;
}

interface KamView {
  home: { x: number; y: number };
  g: Phaser.GameObjects.Graphics;
  name: Phaser.GameObjects.Text;
  badge: Phaser.GameObjects.Text | null;
  /** The badge's bob, added to where placeKam puts it. */
  bob: { dy: number };
  pos: { x: number; y: number };
  tween: Phaser.Tweens.Tween | null;
}

interface Particle {
  x0: number;
  y0: number;
  cx: number;
  cy: number;
  x1: number;
  y1: number;
  delay: number;
  kam: number;
}

export interface Flow {
  department: number;
  account: number;
  kam: number;
  days: number;
}

let floorCount = 0;

interface Layer {
  canvas: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
}

export class Floor {
  readonly scene: Phaser.Scene;
  readonly data: FloorData;
  readonly width: number;
  readonly height: number;
  readonly k: number;
  readonly frontY: number;
  private depts: DeptView[] = [];
  private accounts: AccountView[] = [];
  private kams: KamView[] = [];
  private flowG: Phaser.GameObjects.Graphics | null = null;
  private particles: Particle[] = [];
  private flowStart = 0;
  private flowDuration = 0;
  private flowDone: (() => void) | null = null;
  private readonly onUpdate = () => this.tick();
  private readonly res: number;
  private readonly keys: string[] = [];
  private base: Layer;
  private basePainted = false;
  private overlay: Layer;
  private overlayDirty = true;
  private badges: { x: number; y: number; text: string; good: boolean }[] = [];

  constructor(scene: Phaser.Scene, data: FloorData, width: number, height: number) {
    this.scene = scene;
    this.data = data;
    this.width = width;
    this.height = height;
    this.k = Math.max(0.72, Math.min(1.6, Math.min(width / 1000, height / 640)));
    this.frontY = Math.round(height * 0.5);
    // Phaser's canvas is drawn at CSS pixel size, so the layers are too (more would be scaled away).
    this.res = 1;
    this.layoutDepartments();
    this.layoutAccounts();
    // The layers are painted on the first two frames, one each, so no single task does all the painting.
    this.base = this.layer();
    this.overlay = this.layer();
    this.drawKams();
    scene.events.on('update', this.onUpdate);
    scene.events.once('shutdown', () => this.destroy());
    scene.events.once('clear-canvas', () => this.destroy());
  }

  /**
   * A plain canvas the size of the floor, shown as an image, at the screen's
   * pixel density. (Not a Phaser CanvasTexture: that reads every pixel back on
   * creation and refresh. The Canvas renderer draws this canvas as it is, so
   * repainting it is all an update takes.)
   */
  private layer(): Layer {
    floorCount++;
    const key = `floor-layer-${floorCount}`;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(this.width * this.res);
    canvas.height = Math.ceil(this.height * this.res);
    const context = canvas.getContext('2d')!;
    context.setTransform(this.res, 0, 0, this.res, 0, 0);
    this.scene.textures.addImage(key, canvas as unknown as HTMLImageElement);
    this.scene.add.image(0, 0, key).setOrigin(0, 0).setScale(1 / this.res).setDepth(-10 + this.keys.length);
    this.keys.push(key);
    return { canvas, context };
  }

  /** Stops animations and listeners and frees the layers; the scene removes the drawn objects. */
  destroy(): void {
    this.scene.events.off('update', this.onUpdate);
    for (const v of this.kams) v.tween?.stop();
    this.flowDone = null;
    // The images showing the layers are destroyed with the scene's objects right after, before any frame is drawn.
    for (const key of this.keys.splice(0)) if (this.scene.textures.exists(key)) this.scene.textures.remove(key);
  }

  // --- Layout ------------------------------------------------------------------------------

  private layoutDepartments(): void {
    const { width: W, k } = this;
    const list = this.data.departments;
    const n = Math.max(1, list.length);
    const slot = (W - 24) / n;
    const bw = Math.min(slot * 0.7, 190 * k);
    const maxCap = Math.max(1, ...list.map((d) => d.capacity));
    const bottom = this.frontY - 86 * k;
    const tallest = bottom - 40 * k;
    list.forEach((d, i) => {
      const x = 12 + slot * (i + 0.5);
      const bh = tallest * (0.45 + 0.55 * Math.sqrt(d.capacity / maxCap));
      const top = bottom - bh;
      const windows: DeptView['windows'] = [];
      const wTop = top + 56 * k;
      const wBottom = bottom - 30 * k;
      const cols = Math.max(2, Math.min(6, Math.floor((bw - 16 * k) / (22 * k))));
      const rows = Math.max(1, Math.min(9, Math.floor((wBottom - wTop) / (19 * k))));
      const ww = (bw - 16 * k) / cols;
      const wh = (wBottom - wTop) / rows;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) windows.push({ x: x - bw / 2 + 8 * k + c * ww + 3 * k, y: wTop + r * wh, w: ww - 6 * k, h: wh * 0.62 });
      }
      const gw = Math.min(slot * 0.84, 210 * k);
      this.depts.push({
        x,
        top,
        bottom,
        width: bw,
        slot,
        windows,
        gauge: { x: x - gw / 2, y: bottom + 32 * k, w: gw, h: 12 * k },
        segments: [],
        text: [this.data.texts.capacity(d.capacity)],
        mark: undefined,
      });
    });
  }

  private layoutAccounts(): void {
    const { width: W, height: H, k } = this;
    const list = this.data.accounts;
    const n = Math.max(1, list.length);
    // As many per row as fit, spread evenly over the rows needed.
    const fits = Math.min(n, Math.max(1, Math.floor((W - 24) / (104 * k))));
    const rows = Math.ceil(n / fits);
    const cols = Math.ceil(n / rows);
    const areaTop = this.frontY + 86 * k;
    const rowH = (H - areaTop - 8) / rows;
    const slot = (W - 24) / cols;
    const maxWallet = Math.max(1, ...list.map((a) => a.wallet));
    list.forEach((a, i) => {
      const row = Math.floor(i / cols);
      const inRow = Math.min(cols, n - row * cols);
      const col = i - row * cols;
      const x = 12 + (W - 24 - inRow * slot) / 2 + slot * (col + 0.5);
      const bottom = areaTop + rowH * row + rowH - 44 * k;
      const tw = Math.min(slot * 0.42, 58 * k);
      const th = Math.max(26 * k, (rowH - 96 * k) * (0.35 + 0.65 * Math.sqrt(a.wallet / maxWallet)));
      const top = bottom - th;
      this.accounts.push({
        x,
        top,
        bottom,
        width: tw,
        slot,
        meter: { x: x - tw / 2 - 22 * k, y: top + 30 * k, r: 15 * k },
        satisfaction: a.alive ? a.satisfaction : null,
        info: a.alive ? (a.revenueText ?? '') : this.data.texts.lost,
        alive: a.alive,
      });
    });
  }

  // --- The base layer: painted once ---------------------------------------------------------

  private paintBase(ctx: Ctx): void {
    const { width: W, height: H, k } = this;
    ctx.fillStyle = css(COLORS.inside);
    ctx.fillRect(0, 0, W, this.frontY);
    ctx.fillStyle = css(COLORS.outside);
    ctx.fillRect(0, this.frontY, W, H - this.frontY);
    // A faint floor-plan grid inside, a street outside.
    ctx.strokeStyle = css(COLORS.line, 0.6);
    ctx.lineWidth = 1;
    ctx.beginPath();
    const step = 32 * k;
    for (let x = step; x < W; x += step) {
      ctx.moveTo(Math.round(x) + 0.5, 0);
      ctx.lineTo(Math.round(x) + 0.5, this.frontY);
    }
    for (let y = step; y < this.frontY; y += step) {
      ctx.moveTo(0, Math.round(y) + 0.5);
      ctx.lineTo(W, Math.round(y) + 0.5);
    }
    ctx.stroke();
    ctx.fillStyle = '#d5dee4';
    ctx.fillRect(0, this.frontY + 3, W, 15 * k);
    // The front line: dashed, where both fronts meet.
    ctx.strokeStyle = css(COLORS.ink, 0.8);
    ctx.lineWidth = 3;
    ctx.setLineDash([14 * k, 14 * k]);
    ctx.beginPath();
    ctx.moveTo(0, this.frontY);
    ctx.lineTo(W, this.frontY);
    ctx.stroke();
    ctx.setLineDash([]);
    text(ctx, this.data.texts.inside.toUpperCase(), 14, 10, { size: 12 * k, bold: true, color: '#4a5468', align: 'left' });
    text(ctx, this.data.texts.outside.toUpperCase(), W - 14, this.frontY + 5, { size: 11 * k, bold: true, color: '#4a5468', align: 'right' });
    this.data.departments.forEach((d, i) => this.paintBuilding(ctx, d, this.depts[i]!, i));
    const captions = this.captionPlaces(ctx);
    this.data.accounts.forEach((a, i) => this.paintTower(ctx, a, this.accounts[i]!, captions[i]!));
  }

  private nameStyle(a: FloorAccount): TextStyle {
    return { size: 13 * this.k, bold: a.mine, shrink: 0.7 };
  }

  /** Where each account's name goes: a long name borrows room a short neighbour leaves (tower by tower, row by row). */
  private captionPlaces(ctx: Ctx): CaptionPlace[] {
    const out: CaptionPlace[] = [];
    const rows = new Map<number, number[]>();
    this.accounts.forEach((v, i) => {
      const row = rows.get(v.bottom);
      if (row) row.push(i);
      else rows.set(v.bottom, [i]);
    });
    for (const members of rows.values()) {
      const items = members.map((i) => {
        const v = this.accounts[i]!;
        ctx.font = font(this.nameStyle(this.data.accounts[i]!));
        return { x: v.x, width: ctx.measureText(this.data.accounts[i]!.name).width, room: v.slot - CAPTION_GAP };
      });
      const slot = this.accounts[members[0]!]!.slot;
      placeCaptions(items, CAPTION_GAP, this.width - CAPTION_GAP, CAPTION_GAP, slot * 0.3).forEach((p, n) => (out[members[n]!] = p));
    }
    return out;
  }

  private paintBuilding(ctx: Ctx, d: FloorDepartment, v: DeptView, i: number): void {
    const k = this.k;
    const { x, top, bottom, width: bw } = v;
    const bh = bottom - top;
    ctx.fillStyle = css(COLORS.ink, 0.1);
    ctx.beginPath();
    ctx.ellipse(x, bottom + 2, (bw * 1.15) / 2, 6 * k, 0, 0, Math.PI * 2);
    ctx.fill();
    roundRect(ctx, x - bw / 2, top, bw, bh, 6 * k);
    ctx.fillStyle = css(COLORS.facade);
    ctx.fill();
    ctx.fillStyle = css(hex(seriesStyle(i + 4).color), 0.22);
    ctx.fillRect(x - bw / 2, top + 8 * k, bw, bh - 8 * k);
    roundRect(ctx, x - bw / 2, top, bw, bh, 6 * k);
    ctx.strokeStyle = css(COLORS.ink);
    ctx.lineWidth = 2;
    ctx.stroke();
    roundRect(ctx, x - bw / 2 - 4 * k, top - 4 * k, bw + 8 * k, 12 * k, 3 * k);
    ctx.fillStyle = css(COLORS.ink);
    ctx.fill();
    // Door.
    roundRect(ctx, x - 9 * k, bottom - 22 * k, 18 * k, 22 * k, [8 * k, 8 * k, 0, 0]);
    ctx.fillStyle = css(COLORS.ink, 0.85);
    ctx.fill();
    // Icon plate.
    const iconY = top + 30 * k;
    ctx.beginPath();
    ctx.arc(x, iconY, 19 * k, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = css(COLORS.ink);
    ctx.lineWidth = 2;
    ctx.stroke();
    const icon = d.icon !== null && this.scene.textures.exists(d.icon) ? (this.scene.textures.get(d.icon).getSourceImage() as CanvasImageSource) : null;
    if (icon) ctx.drawImage(icon, x - 13 * k, iconY - 13 * k, 26 * k, 26 * k);
    // No icon that would say something wrong: the department's initials on the plate.
    else text(ctx, d.initials, x, iconY - 7.5 * k, { size: 15 * k, bold: true, shrink: 0.7 }, 32 * k);
    text(ctx, d.name, x, bottom + 10 * k, { size: 14 * k, bold: true }, v.slot - 8);
  }

  private paintTower(ctx: Ctx, a: FloorAccount, v: AccountView, caption: CaptionPlace): void {
    const k = this.k;
    const { x, top, bottom, width: tw } = v;
    const th = bottom - top;
    const owner = seriesStyle(a.owner);
    ctx.fillStyle = css(COLORS.ink, 0.1);
    ctx.beginPath();
    ctx.ellipse(x, bottom + 2, tw * 0.7, 5 * k, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = css(a.alive ? COLORS.glass : COLORS.track);
    ctx.fillRect(x - tw / 2, top, tw, th);
    ctx.fillStyle = css(a.alive ? COLORS.glassDark : COLORS.window);
    for (let y = top + 6 * k; y < bottom - 6 * k; y += 9 * k) ctx.fillRect(x - tw / 2 + 5 * k, y, tw - 10 * k, 4 * k);
    ctx.strokeStyle = css(COLORS.ink);
    ctx.lineWidth = a.mine ? 4 : 2;
    ctx.strokeRect(x - tw / 2, top, tw, th);
    // The owner's flag: colour and marker shape.
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x + tw / 2 - 4 * k, top);
    ctx.lineTo(x + tw / 2 - 4 * k, top - 20 * k);
    ctx.stroke();
    ctx.fillStyle = owner.color;
    ctx.fillRect(x + tw / 2 - 4 * k, top - 20 * k, 18 * k, 12 * k);
    ctx.lineWidth = 1;
    ctx.strokeRect(x + tw / 2 - 4 * k, top - 20 * k, 18 * k, 12 * k);
    ctx.fillStyle = '#ffffff';
    markerPath(ctx, owner.marker, x + tw / 2 + 5 * k, top - 14 * k, 3.6 * k);
    ctx.fill();
    if (a.mine) {
      starPath(ctx, x - tw / 2 - 2 * k, top - 2 * k, 10 * k, 4.5 * k);
      ctx.fillStyle = '#f0e442';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    if (!a.alive) {
      ctx.strokeStyle = css(COLORS.bad);
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(x - tw / 2, top);
      ctx.lineTo(x + tw / 2, bottom);
      ctx.moveTo(x + tw / 2, top);
      ctx.lineTo(x - tw / 2, bottom);
      ctx.stroke();
    }
    text(ctx, a.name, caption.x, bottom + 6 * k, this.nameStyle(a), caption.room);
  }

  // --- The overlay: repainted when something on it changes --------------------------------

  private invalidate(): void {
    this.overlayDirty = true;
  }

  private paintOverlay(): void {
    this.overlayDirty = false;
    const ctx = this.overlay.context;
    ctx.clearRect(0, 0, this.width, this.height);
    this.depts.forEach((v, i) => this.paintGauge(ctx, v, i));
    this.accounts.forEach((v) => this.paintAccountStatus(ctx, v));
    const k = this.k;
    for (const b of this.badges) text(ctx, b.text, b.x, b.y, { size: 12 * k, bold: true, color: '#ffffff', background: b.good ? '#006e52' : '#a03c00' });
  }

  private paintGauge(ctx: Ctx, v: DeptView, index: number): void {
    const d = this.data.departments[index]!;
    const k = this.k;
    const { gauge, segments } = v;
    const cap = Math.max(1e-9, d.capacity);
    const total = segments.reduce((s, x) => s + x.value, 0);
    const scale = Math.max(cap, total, v.mark ?? 0);
    // Windows light up from the bottom as work comes in.
    const lit = Math.round(Math.min(1, total / cap) * v.windows.length);
    for (let n = 0; n < v.windows.length; n++) {
      const w = v.windows[v.windows.length - 1 - n]!;
      ctx.fillStyle = css(n < lit ? COLORS.lit : COLORS.window);
      ctx.fillRect(w.x, w.y, w.w, w.h);
    }
    roundRect(ctx, gauge.x, gauge.y, gauge.w, gauge.h, gauge.h / 2);
    ctx.fillStyle = css(COLORS.track);
    ctx.fill();
    ctx.save();
    roundRect(ctx, gauge.x, gauge.y, gauge.w, gauge.h, gauge.h / 2);
    ctx.clip();
    let x = gauge.x;
    for (const s of segments) {
      const w = (s.value / scale) * gauge.w;
      if (w <= 0.2) continue;
      if (s.kam < 0) {
        ctx.fillStyle = css(COLORS.ink);
        ctx.fillRect(x, gauge.y, w, gauge.h);
        // Hatching marks the player's own ask, so it never depends on colour.
        ctx.strokeStyle = 'rgba(255,255,255,0.8)';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        for (let hx = x + 3; hx < x + w; hx += 6) {
          ctx.moveTo(hx, gauge.y + gauge.h);
          ctx.lineTo(Math.min(x + w, hx + gauge.h * 0.7), gauge.y);
        }
        ctx.stroke();
      } else {
        const style = seriesStyle(s.kam);
        ctx.fillStyle = style.color;
        ctx.fillRect(x, gauge.y, w, gauge.h);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(x + w - 1, gauge.y, 1, gauge.h);
        // The KAM's marker shape on their share, so the split never depends on colour alone.
        if (w > gauge.h * 1.4) {
          markerPath(ctx, style.marker, x + w / 2, gauge.y + gauge.h / 2, gauge.h * 0.32);
          ctx.fill();
        }
      }
      x += w;
    }
    ctx.restore();
    roundRect(ctx, gauge.x, gauge.y, gauge.w, gauge.h, gauge.h / 2);
    ctx.strokeStyle = css(COLORS.ink);
    ctx.lineWidth = 2;
    ctx.stroke();
    // Capacity limit: where demand overflows it.
    const capX = gauge.x + (cap / scale) * gauge.w;
    if (capX < gauge.x + gauge.w - 1) {
      ctx.strokeStyle = css(COLORS.bad);
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(capX, gauge.y - 4 * k);
      ctx.lineTo(capX, gauge.y + gauge.h + 4 * k);
      ctx.stroke();
    }
    if (v.mark !== undefined && v.mark > 0) {
      const mx = gauge.x + (v.mark / scale) * gauge.w;
      ctx.fillStyle = css(COLORS.ink);
      ctx.beginPath();
      ctx.moveTo(mx, gauge.y - 1);
      ctx.lineTo(mx - 5 * k, gauge.y - 8 * k);
      ctx.lineTo(mx + 5 * k, gauge.y - 8 * k);
      ctx.closePath();
      ctx.fill();
    }
    v.text.forEach((line, n) => text(ctx, line, v.x, gauge.y + gauge.h + (4 + n * 14) * k, { size: 12 * k, color: n === 0 ? '#4a5468' : '#6b7385' }, v.slot - 6));
  }

  private paintAccountStatus(ctx: Ctx, v: AccountView): void {
    const k = this.k;
    // Too long for its slot ("got 98% · +12 pts" at 1024 px, longer in Dutch), it takes two lines rather than lose the change.
    textLines(ctx, v.info, v.x, v.bottom + 22 * k, { size: 11 * k, color: v.alive ? '#4a5468' : '#a03c00', bold: !v.alive, shrink: 0.7 }, v.slot - 4, 12 * k);
    if (v.satisfaction === null) return;
    const { meter } = v;
    ctx.lineWidth = 6 * k;
    ctx.lineCap = 'butt';
    ctx.strokeStyle = css(COLORS.track);
    ctx.beginPath();
    ctx.arc(meter.x, meter.y, meter.r, Math.PI, 2 * Math.PI);
    ctx.stroke();
    const share = v.satisfaction;
    ctx.strokeStyle = css(share >= 0.6 ? COLORS.good : share >= 0.4 ? 0xe69f00 : COLORS.bad);
    ctx.beginPath();
    ctx.arc(meter.x, meter.y, meter.r, Math.PI, Math.PI + Math.PI * Math.max(0.02, Math.min(1, share)));
    ctx.stroke();
    text(ctx, this.data.texts.satisfaction(share), meter.x, meter.y + 2 * k, { size: 11 * k, bold: true });
  }

  /** Fills a department's gauge with segments (days) out of its capacity; `mark` draws a tick at a day count (e.g. last quarter's demand). */
  setGauge(index: number, segments: GaugeSegment[], label: string | string[], mark?: number): void {
    const v = this.depts[index];
    if (!v) return;
    v.segments = segments;
    v.text = typeof label === 'string' ? [label] : label.slice(0, 2);
    v.mark = mark;
    this.invalidate();
  }

  /** The satisfaction meter: a half dial with the share written under it (null: no meter). */
  setSatisfaction(index: number, share: number | null): void {
    const v = this.accounts[index];
    if (!v) return;
    v.satisfaction = share;
    this.invalidate();
  }

  setAccountInfo(index: number, info: string): void {
    const v = this.accounts[index];
    if (!v) return;
    v.info = info;
    this.invalidate();
  }

  // --- People -------------------------------------------------------------------------------

  private drawKams(): void {
    const { scene, k } = this;
    const size = 46 * k;
    const y = this.frontY + 66 * k;
    const names = this.data.kams.map((kam) => label(scene, 0, y + 3 * k, kam.name, { size: 13 * k, bold: true, background: kam.mine ? '#f0e442' : '#ffffffcc' }));
    // Each KAM under its accounts, kept apart by its figure or its name, whichever is wider.
    const xs = spreadApart(
      this.data.kams.map((_, i) => {
        const own = this.data.accounts.map((a, ai) => ({ a, ai })).filter((x) => x.a.owner === i);
        const x = own.length > 0 ? own.reduce((s, x) => s + this.accounts[x.ai]!.x, 0) / own.length : this.width * ((i + 0.5) / this.data.kams.length);
        return { x, half: Math.max(size * 0.45, names[i]!.width / 2 + 2 * k) };
      }),
    );
    this.data.kams.forEach((kam, i) => {
      const g = scene.add.graphics();
      // Names and the "▼ you" marker over the figures, never behind them.
      const name = names[i]!.setDepth(1);
      const badge = kam.mine ? label(scene, 0, 0, `▼ ${this.data.texts.you}`, { size: 12 * k, bold: true }).setDepth(1) : null;
      const view: KamView = { home: { x: 0, y }, g, name, badge, bob: { dy: 0 }, pos: { x: 0, y }, tween: null };
      this.kams.push(view);
      const x = this.onCanvas(i, xs[i]!);
      view.home.x = x;
      this.placeKam(i, x, y);
      // The "▼ you" marker bobs over the player's figure wherever it walks.
      if (badge) scene.tweens.add({ targets: view.bob, dy: -5 * k, duration: 700, yoyo: true, repeat: -1, ease: 'Sine.easeInOut', onUpdate: () => this.placeBadge(view, i) });
    });
  }

  /** How far above the feet a KAM's figure reaches: the head, or the ring round the player's. */
  private figureTop(i: number): number {
    return FIGURE_TOP * 46 * this.k * (this.data.kams[i]!.mine ? PLAYER_RING_TOP / FIGURE_TOP : 1);
  }

  /** The x nearest `x` at which a KAM's figure, name and badge are wholly on the canvas. */
  private onCanvas(i: number, x: number): number {
    const v = this.kams[i]!;
    const half = Math.max(46 * this.k * (this.data.kams[i]!.mine ? PLAYER_RING_HALF : FIGURE_HALF / 46), v.name.width / 2, (v.badge?.width ?? 0) / 2) + 2 * this.k;
    return keepWithin(x, half, this.width);
  }

  private placeKam(i: number, x: number, y: number): void {
    const v = this.kams[i]!;
    const kam = this.data.kams[i]!;
    const k = this.k;
    v.pos = { x, y };
    v.g.clear();
    person(v.g, x, y, 46 * k, seriesStyle(i), kam.mine);
    // Inside (visiting a department) the name goes above the figure, clear of the department's labels.
    v.name.setPosition(x, y < this.frontY ? y - this.figureTop(i) - v.name.height - 2 * k : y + 3 * k);
    this.placeBadge(v, i);
  }

  /** Over the figure at home; over the name when the name is over the figure (visiting a department). */
  private placeBadge(v: KamView, i: number): void {
    if (!v.badge) return;
    const k = this.k;
    const { x, y } = v.pos;
    const over = y < this.frontY ? v.name.y : y - this.figureTop(i);
    v.badge.setPosition(x, over - v.badge.height - 2 * k + v.bob.dy);
  }

  kamPosition(i: number): { x: number; y: number } {
    return this.kams[i]?.pos ?? { x: 0, y: 0 };
  }

  /** Walks a KAM to a department's door (index), or home (null); loops there and back when `loop`. */
  walk(i: number, department: number | null, opts: { loop?: boolean; delay?: number; instant?: boolean } = {}): void {
    const v = this.kams[i];
    if (!v) return;
    v.tween?.stop();
    // Visitors stand beside the building's base, left or right by turn, clear of the labels under it.
    const d = department === null ? null : this.depts[department]!;
    // On the other side where that keeps the figure and its labels on the canvas (the leftmost department's left is at its edge).
    const side = i % 2 === 0 ? -1 : 1;
    const beside = (s: -1 | 1) => (d === null ? v.home.x : besideBuilding(d.x, d.width, d.gauge.w, this.k, s));
    const x = this.onCanvas(i, beside(side)) === beside(side) ? beside(side) : this.onCanvas(i, beside(side === -1 ? 1 : -1));
    const target = d === null ? v.home : { x, y: d.bottom + 2 * this.k };
    if (opts.instant) {
      this.placeKam(i, target.x, target.y);
      return;
    }
    // The way goes along the street and up beside the building (down and along, going back),
    // so a walking figure never crosses the departments' names and gauges.
    const path = walkPath(v.pos, target, v.home.y, this.frontY);
    const state = { t: 0 };
    v.tween = this.scene.tweens.add({
      targets: state,
      t: 1,
      delay: opts.delay ?? 0,
      duration: 1400 + path.length * 2,
      ease: 'Sine.easeInOut',
      yoyo: opts.loop ?? false,
      hold: 1600,
      repeat: opts.loop ? -1 : 0,
      repeatDelay: 2200,
      onUpdate: () => {
        const bob = Math.abs(Math.sin(state.t * Math.PI * 8)) * 3 * this.k;
        const at = path.at(state.t);
        this.placeKam(i, at.x, at.y - bob);
      },
    });
  }

  /** A badge under a KAM's name (who won, who lost); text, not colour, carries the meaning. */
  badgeKam(i: number, text: string, good: boolean): void {
    const v = this.kams[i];
    if (!v) return;
    this.badges.push({ x: v.home.x, y: v.home.y + 28 * this.k, text, good });
    this.invalidate();
  }

  // --- Flowing capacity ---------------------------------------------------------------------

  /**
   * Capacity flowing from departments to accounts: one dot (in the receiving
   * KAM's colour and shape) per few expert-days. Resolves when every dot has
   * arrived; `skipFlow` ends it at once.
   */
  flow(flows: readonly Flow[], duration: number): Promise<void> {
    const total = flows.reduce((s, f) => s + f.days, 0);
    const unit = Math.max(0.5, total / 130);
    const k = this.k;
    this.particles = [];
    let n = 0;
    for (const f of flows) {
      const d = this.depts[f.department];
      const a = this.accounts[f.account];
      if (!d || !a || f.days <= 0) continue;
      const count = Math.max(1, Math.round(f.days / unit));
      for (let c = 0; c < count; c++) {
        // Spread without randomness: the same quarter always animates the same way.
        const jitter = ((n * 37) % 11) - 5;
        this.particles.push({
          x0: d.x + jitter * k,
          y0: d.bottom - 6 * k,
          cx: (d.x + a.x) / 2 + jitter * 3 * k,
          cy: this.frontY + ((n * 13) % 7) * 3 * k,
          x1: a.x + jitter * 0.6 * k,
          y1: a.top - 4 * k,
          delay: (c / count) * 0.55 + ((n * 7) % 10) * 0.004,
          kam: f.kam,
        });
        n++;
      }
    }
    this.flowG?.destroy();
    this.flowG = this.scene.add.graphics();
    this.flowStart = -1;
    this.flowDuration = Math.max(1, duration);
    return new Promise((resolve) => {
      this.flowDone = resolve;
      if (duration <= 0) this.finishFlow();
    });
  }

  skipFlow(): void {
    if (this.flowDone) this.finishFlow();
  }

  get flowing(): boolean {
    return this.flowDone !== null;
  }

  private finishFlow(): void {
    this.particles = [];
    this.flowG?.clear();
    const done = this.flowDone;
    this.flowDone = null;
    done?.();
  }

  private tick(): void {
    if (!this.basePainted) {
      this.basePainted = true;
      this.paintBase(this.base.context);
      return;
    }
    if (this.overlayDirty) this.paintOverlay();
    if (!this.flowDone || !this.flowG) return;
    // The scene clock starts with the first frame: time the flow from there.
    if (this.flowStart < 0) this.flowStart = this.scene.time.now;
    const t = (this.scene.time.now - this.flowStart) / this.flowDuration;
    if (t >= 1) {
      this.finishFlow();
      return;
    }
    const g = this.flowG;
    g.clear();
    const r = 4 * this.k;
    for (const p of this.particles) {
      const u = (t - p.delay) / 0.45;
      if (u <= 0 || u >= 1) continue;
      const e = u < 0.5 ? 2 * u * u : 1 - Math.pow(-2 * u + 2, 2) / 2;
      const x = (1 - e) * (1 - e) * p.x0 + 2 * (1 - e) * e * p.cx + e * e * p.x1;
      const y = (1 - e) * (1 - e) * p.y0 + 2 * (1 - e) * e * p.cy + e * e * p.y1;
      const style = seriesStyle(p.kam);
      g.fillStyle(COLORS.ink, 1);
      marker(g, style.marker, x, y, r + 1.3);
      g.fillStyle(hex(style.color), 1);
      marker(g, style.marker, x, y, r);
    }
  }

  /** Where a department's roof and an account's roof are, for scenes that draw on top. */
  departmentAnchor(i: number): { x: number; y: number } {
    const d = this.depts[i]!;
    return { x: d.x, y: d.top };
  }

  accountAnchor(i: number): { x: number; y: number } {
    const a = this.accounts[i]!;
    return { x: a.x, y: a.top };
  }
}

