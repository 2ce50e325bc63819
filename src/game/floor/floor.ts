/**
 * The company floor: the two fronts on one canvas. Inside (top), the
 * departments as buildings whose height follows their capacity, with lit
 * windows and a gauge for the capacity asked or given; outside (bottom), the
 * key accounts as towers sized by their wallet, with satisfaction and revenue;
 * on the line between, the KAMs at work. Scenes build it from plain data and
 * update gauges, account figures and KAM positions; the Resolution scene
 * animates capacity flowing from departments to accounts.
 * Imports Phaser, the shared palette and the drawing primitives.
 */
import Phaser from 'phaser';
import { seriesStyle } from '../../charts/palette';
import { COLORS, fit, hex, label, marker, person, star } from './draw';

export interface FloorDepartment {
  id: string;
  name: string;
  capacity: number;
  icon: string;
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
  windows: { x: number; y: number; w: number; h: number }[];
  windowG: Phaser.GameObjects.Graphics;
  gaugeG: Phaser.GameObjects.Graphics;
  gaugeText: Phaser.GameObjects.Text;
  gauge: { x: number; y: number; w: number; h: number };
}

interface AccountView {
  x: number;
  top: number;
  bottom: number;
  width: number;
  meterG: Phaser.GameObjects.Graphics;
  meterText: Phaser.GameObjects.Text;
  infoText: Phaser.GameObjects.Text;
  meter: { x: number; y: number; r: number };
}

interface KamView {
  home: { x: number; y: number };
  g: Phaser.GameObjects.Graphics;
  name: Phaser.GameObjects.Text;
  badge: Phaser.GameObjects.Text | null;
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

  constructor(scene: Phaser.Scene, data: FloorData, width: number, height: number) {
    this.scene = scene;
    this.data = data;
    this.width = width;
    this.height = height;
    this.k = Math.max(0.72, Math.min(1.6, Math.min(width / 1000, height / 640)));
    this.frontY = Math.round(height * 0.5);
    this.drawGrounds();
    this.drawDepartments();
    this.drawAccounts();
    this.drawKams();
    scene.events.on('update', this.onUpdate);
    scene.events.once('shutdown', () => this.destroy());
  }

  /** Stops animations and listeners; the scene removes the drawn objects. */
  destroy(): void {
    this.scene.events.off('update', this.onUpdate);
    for (const v of this.kams) v.tween?.stop();
    this.flowDone = null;
  }

  private drawGrounds(): void {
    const { scene, width: W, height: H, k } = this;
    const g = scene.add.graphics();
    g.fillStyle(COLORS.inside, 1);
    g.fillRect(0, 0, W, this.frontY);
    g.fillStyle(COLORS.outside, 1);
    g.fillRect(0, this.frontY, W, H - this.frontY);
    // A faint floor-plan grid inside, a street outside.
    g.lineStyle(1, COLORS.line, 0.6);
    const step = 32 * k;
    for (let x = step; x < W; x += step) g.lineBetween(x, 0, x, this.frontY);
    for (let y = step; y < this.frontY; y += step) g.lineBetween(0, y, W, y);
    g.fillStyle(0xd5dee4, 1);
    g.fillRect(0, this.frontY + 4, W, 10 * k);
    // The front line: dashed, both fronts meet here.
    g.lineStyle(3, COLORS.ink, 0.8);
    const dash = 14 * k;
    for (let x = 0; x < W; x += dash * 2) g.lineBetween(x, this.frontY, Math.min(W, x + dash), this.frontY);
    const size = 12 * k;
    label(scene, 14, 10, this.data.texts.inside.toUpperCase(), { size, bold: true, color: '#4a5468', align: 'left' });
    label(scene, W - 14, this.frontY + 18 * k, this.data.texts.outside.toUpperCase(), { size, bold: true, color: '#4a5468', align: 'right' });
  }

  private drawDepartments(): void {
    const { scene, width: W, k } = this;
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
      const g = scene.add.graphics();
      g.fillStyle(COLORS.ink, 0.1);
      g.fillEllipse(x, bottom + 2, bw * 1.15, 12 * k);
      g.fillStyle(COLORS.facade, 1);
      g.fillRoundedRect(x - bw / 2, top, bw, bh, 6 * k);
      g.fillStyle(hex(seriesStyle(i + 4).color), 0.22);
      g.fillRect(x - bw / 2, top + 8 * k, bw, bh - 8 * k);
      g.fillStyle(COLORS.ink, 1);
      g.fillRoundedRect(x - bw / 2 - 4 * k, top - 4 * k, bw + 8 * k, 12 * k, 3 * k);
      g.lineStyle(2, COLORS.ink, 1);
      g.strokeRoundedRect(x - bw / 2, top, bw, bh, 6 * k);
      // Door.
      g.fillStyle(COLORS.ink, 0.85);
      g.fillRoundedRect(x - 9 * k, bottom - 22 * k, 18 * k, 22 * k, { tl: 8 * k, tr: 8 * k, bl: 0, br: 0 });
      // Icon plate.
      const iconY = top + 30 * k;
      g.fillStyle(COLORS.white, 1);
      g.fillCircle(x, iconY, 19 * k);
      g.lineStyle(2, COLORS.ink, 1);
      g.strokeCircle(x, iconY, 19 * k);
      const icon = scene.add.image(x, iconY, d.icon);
      icon.setDisplaySize(26 * k, 26 * k);
      // Windows: a grid between the plate and the door; lit in proportion to the capacity in use.
      const windows: DeptView['windows'] = [];
      const wTop = iconY + 26 * k;
      const wBottom = bottom - 30 * k;
      const cols = Math.max(2, Math.floor((bw - 16 * k) / (16 * k)));
      const rows = Math.max(1, Math.floor((wBottom - wTop) / (15 * k)));
      const ww = (bw - 16 * k) / cols;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) windows.push({ x: x - bw / 2 + 8 * k + c * ww + 2 * k, y: wTop + r * 15 * k, w: ww - 4 * k, h: 9 * k });
      }
      const windowG = scene.add.graphics();
      const name = label(scene, x, bottom + 10 * k, d.name, { size: 14 * k, bold: true });
      fit(name, slot - 8);
      const gauge = { x: x - Math.min(slot * 0.84, 210 * k) / 2, y: bottom + 32 * k, w: Math.min(slot * 0.84, 210 * k), h: 12 * k };
      const gaugeG = scene.add.graphics();
      const gaugeText = label(scene, x, gauge.y + gauge.h + 4 * k, this.data.texts.capacity(d.capacity), { size: 12 * k, color: '#4a5468' });
      const view: DeptView = { x, top, bottom, width: bw, windows, windowG, gaugeG, gaugeText, gauge };
      this.depts.push(view);
      this.setGauge(i, [], this.data.texts.capacity(d.capacity));
    });
  }

  /** Fills a department's gauge with segments (days) out of its capacity; `mark` draws a tick at a day count (e.g. last quarter's demand). */
  setGauge(index: number, segments: GaugeSegment[], text: string, mark?: number): void {
    const v = this.depts[index];
    const d = this.data.departments[index];
    if (!v || !d) return;
    const { gaugeG: g, gauge } = v;
    const k = this.k;
    const cap = Math.max(1e-9, d.capacity);
    const total = segments.reduce((s, x) => s + x.value, 0);
    const scale = Math.max(cap, total, mark ?? 0);
    g.clear();
    g.fillStyle(COLORS.track, 1);
    g.fillRoundedRect(gauge.x, gauge.y, gauge.w, gauge.h, gauge.h / 2);
    let x = gauge.x;
    for (const s of segments) {
      const w = (s.value / scale) * gauge.w;
      if (w <= 0.2) continue;
      if (s.kam < 0) {
        g.fillStyle(COLORS.ink, 1);
        g.fillRect(x, gauge.y, w, gauge.h);
        // Hatching marks the player's own ask, so it never depends on colour.
        g.lineStyle(1.5, COLORS.white, 0.8);
        for (let hx = x + 3; hx < x + w; hx += 6) g.lineBetween(hx, gauge.y + gauge.h, Math.min(x + w, hx + gauge.h * 0.7), gauge.y);
      } else {
        g.fillStyle(hex(seriesStyle(s.kam).color), 1);
        g.fillRect(x, gauge.y, w, gauge.h);
        g.lineStyle(1, COLORS.white, 1);
        g.lineBetween(x + w, gauge.y, x + w, gauge.y + gauge.h);
      }
      x += w;
    }
    // Capacity limit: where the gauge would overflow.
    const capX = gauge.x + (cap / scale) * gauge.w;
    g.lineStyle(2, COLORS.ink, 1);
    g.strokeRoundedRect(gauge.x, gauge.y, gauge.w, gauge.h, gauge.h / 2);
    if (capX < gauge.x + gauge.w - 1) {
      g.lineStyle(3, COLORS.bad, 1);
      g.lineBetween(capX, gauge.y - 4 * k, capX, gauge.y + gauge.h + 4 * k);
    }
    if (mark !== undefined && mark > 0) {
      const mx = gauge.x + (mark / scale) * gauge.w;
      g.fillStyle(COLORS.ink, 1);
      g.fillTriangle(mx, gauge.y - 1, mx - 5 * k, gauge.y - 8 * k, mx + 5 * k, gauge.y - 8 * k);
    }
    v.gaugeText.setText(text);
    this.lightWindows(index, Math.min(1, total / cap));
  }

  private lightWindows(index: number, share: number): void {
    const v = this.depts[index]!;
    const g = v.windowG;
    g.clear();
    const lit = Math.round(share * v.windows.length);
    // Light from the bottom up: the building fills as work comes in.
    const order = v.windows.map((_, i) => i).reverse();
    order.forEach((wi, n) => {
      const w = v.windows[wi]!;
      g.fillStyle(n < lit ? COLORS.lit : COLORS.window, 1);
      g.fillRect(w.x, w.y, w.w, w.h);
    });
  }

  private drawAccounts(): void {
    const { scene, width: W, height: H, k } = this;
    const list = this.data.accounts;
    const n = Math.max(1, list.length);
    const cols = Math.min(n, Math.max(1, Math.floor((W - 24) / (112 * k))));
    const rows = Math.ceil(n / cols);
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
      const g = scene.add.graphics();
      const owner = seriesStyle(a.owner);
      g.fillStyle(COLORS.ink, 0.1);
      g.fillEllipse(x, bottom + 2, tw * 1.4, 10 * k);
      g.fillStyle(a.alive ? COLORS.glass : COLORS.track, 1);
      g.fillRect(x - tw / 2, top, tw, th);
      g.fillStyle(a.alive ? COLORS.glassDark : COLORS.window, 1);
      for (let y = top + 6 * k; y < bottom - 6 * k; y += 9 * k) g.fillRect(x - tw / 2 + 5 * k, y, tw - 10 * k, 4 * k);
      g.lineStyle(a.mine ? 4 : 2, COLORS.ink, 1);
      g.strokeRect(x - tw / 2, top, tw, th);
      // The owner's flag: colour and marker shape.
      g.lineStyle(2, COLORS.ink, 1);
      g.lineBetween(x + tw / 2 - 4 * k, top, x + tw / 2 - 4 * k, top - 20 * k);
      g.fillStyle(hex(owner.color), 1);
      g.fillRect(x + tw / 2 - 4 * k, top - 20 * k, 18 * k, 12 * k);
      g.lineStyle(1, COLORS.ink, 1);
      g.strokeRect(x + tw / 2 - 4 * k, top - 20 * k, 18 * k, 12 * k);
      g.fillStyle(COLORS.white, 1);
      marker(g, owner.marker, x + tw / 2 + 5 * k, top - 14 * k, 3.6 * k);
      if (a.mine) {
        g.fillStyle(0xf0e442, 1);
        g.lineStyle(1.5, COLORS.ink, 1);
        star(g, x - tw / 2 - 2 * k, top - 2 * k, 10 * k, 4.5 * k, 5);
        g.strokePoints(starPoints(x - tw / 2 - 2 * k, top - 2 * k, 10 * k, 4.5 * k), true);
      }
      if (!a.alive) {
        g.lineStyle(4, COLORS.bad, 1);
        g.lineBetween(x - tw / 2, top, x + tw / 2, bottom);
        g.lineBetween(x + tw / 2, top, x - tw / 2, bottom);
      }
      const name = label(scene, x, bottom + 6 * k, a.name, { size: 13 * k, bold: a.mine });
      fit(name, slot - 6);
      const info = label(scene, x, bottom + 23 * k, a.alive ? (a.revenueText ?? '') : this.data.texts.lost, {
        size: 12 * k,
        color: a.alive ? '#4a5468' : '#a03c00',
        bold: !a.alive,
      });
      fit(info, slot - 6);
      const meter = { x: x - tw / 2 - 22 * k, y: top + 30 * k, r: 15 * k };
      const meterG = scene.add.graphics();
      const meterText = label(scene, meter.x, meter.y + 2 * k, '', { size: 11 * k, bold: true });
      const view: AccountView = { x, top, bottom, width: tw, meterG, meterText, infoText: info, meter };
      this.accounts.push(view);
      this.setSatisfaction(i, a.alive ? a.satisfaction : null);
    });
  }

  /** The satisfaction meter: a half dial with the share written under it. */
  setSatisfaction(index: number, share: number | null): void {
    const v = this.accounts[index];
    if (!v) return;
    const { meterG: g, meter } = v;
    g.clear();
    if (share === null) {
      v.meterText.setText('');
      return;
    }
    const k = this.k;
    g.lineStyle(6 * k, COLORS.track, 1);
    g.beginPath();
    g.arc(meter.x, meter.y, meter.r, Math.PI, 2 * Math.PI, false);
    g.strokePath();
    const col = share >= 0.6 ? COLORS.good : share >= 0.4 ? 0xe69f00 : COLORS.bad;
    g.lineStyle(6 * k, col, 1);
    g.beginPath();
    g.arc(meter.x, meter.y, meter.r, Math.PI, Math.PI + Math.PI * Math.max(0.02, Math.min(1, share)), false);
    g.strokePath();
    v.meterText.setText(this.data.texts.satisfaction(share));
  }

  setAccountInfo(index: number, text: string): void {
    const v = this.accounts[index];
    if (!v) return;
    v.infoText.setText(text);
  }

  private drawKams(): void {
    const { scene, k } = this;
    const size = 46 * k;
    const used: number[] = [];
    this.data.kams.forEach((kam, i) => {
      const own = this.data.accounts.map((a, ai) => ({ a, ai })).filter((x) => x.a.owner === i);
      let x = own.length > 0 ? own.reduce((s, x) => s + this.accounts[x.ai]!.x, 0) / own.length : this.width * ((i + 0.5) / this.data.kams.length);
      // Keep figures apart when two KAMs' accounts are interleaved.
      while (used.some((u) => Math.abs(u - x) < size * 0.9)) x += size * 0.9;
      used.push(x);
      const y = this.frontY + 66 * k;
      const g = scene.add.graphics();
      const name = label(scene, x, y + 3 * k, kam.name, { size: 13 * k, bold: true, background: kam.mine ? '#f0e442' : '#ffffffcc' });
      const badge = kam.mine ? label(scene, x, y - size - 20 * k, `▼ ${this.data.texts.you}`, { size: 12 * k, bold: true }) : null;
      const view: KamView = { home: { x, y }, g, name, badge, pos: { x, y }, tween: null };
      this.kams.push(view);
      this.placeKam(i, x, y);
      if (badge) {
        scene.tweens.add({ targets: badge, y: badge.y - 5 * k, duration: 700, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
      }
    });
  }

  private placeKam(i: number, x: number, y: number): void {
    const v = this.kams[i]!;
    const kam = this.data.kams[i]!;
    v.pos = { x, y };
    v.g.clear();
    person(v.g, x, y, 46 * this.k, seriesStyle(i), kam.mine);
    v.name.setPosition(x, y + 3 * this.k);
    if (v.badge) v.badge.setX(x);
  }

  kamPosition(i: number): { x: number; y: number } {
    return this.kams[i]?.pos ?? { x: 0, y: 0 };
  }

  /** Walks a KAM to a department's door (index), or home (null); loops there and back when `loop`. */
  walk(i: number, department: number | null, opts: { loop?: boolean; delay?: number; instant?: boolean } = {}): void {
    const v = this.kams[i];
    if (!v) return;
    v.tween?.stop();
    const target = department === null ? v.home : { x: this.depts[department]!.x + ((i % 3) - 1) * 16 * this.k, y: this.depts[department]!.bottom + 74 * this.k };
    if (opts.instant) {
      this.placeKam(i, target.x, target.y);
      return;
    }
    const from = { ...v.pos };
    const state = { t: 0 };
    v.tween = this.scene.tweens.add({
      targets: state,
      t: 1,
      delay: opts.delay ?? 0,
      duration: 1400 + Math.abs(target.x - from.x) * 2,
      ease: 'Sine.easeInOut',
      yoyo: opts.loop ?? false,
      hold: 1600,
      repeat: opts.loop ? -1 : 0,
      repeatDelay: 2200,
      onUpdate: () => {
        const bob = Math.abs(Math.sin(state.t * Math.PI * 8)) * 3 * this.k;
        this.placeKam(i, from.x + (target.x - from.x) * state.t, from.y + (target.y - from.y) * state.t - bob);
      },
    });
  }

  /** A badge over a KAM's head (who won, who lost); text, not colour, carries the meaning. */
  badgeKam(i: number, text: string, good: boolean): void {
    const v = this.kams[i];
    if (!v) return;
    const k = this.k;
    label(this.scene, v.pos.x, v.pos.y + 24 * k, text, {
      size: 12 * k,
      bold: true,
      color: '#ffffff',
      background: good ? '#006e52' : '#a03c00',
    });
  }

  /**
   * Capacity flowing from departments to accounts: one dot (in the receiving
   * KAM's colour and shape) per few expert-days. Resolves when every dot has
   * arrived; `skip` ends it at once.
   */
  flow(flows: readonly Flow[], duration: number): Promise<void> {
    const total = flows.reduce((s, f) => s + f.days, 0);
    const unit = Math.max(0.5, total / 220);
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

  /** Centre of a department's door and an account's roof, for scenes that draw on top. */
  departmentAnchor(i: number): { x: number; y: number } {
    const d = this.depts[i]!;
    return { x: d.x, y: d.top };
  }

  accountAnchor(i: number): { x: number; y: number } {
    const a = this.accounts[i]!;
    return { x: a.x, y: a.top };
  }
}

function starPoints(x: number, y: number, outer: number, inner: number): Phaser.Math.Vector2[] {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(new Phaser.Math.Vector2(x + Math.cos(a) * r, y + Math.sin(a) * r));
  }
  return pts;
}
