/**
 * Debrief: the final standings as a podium on the canvas banner; below it the
 * debrief itself, whose charts (d3) are loaded only now, as a separate chunk.
 */
import Phaser from 'phaser';
import { seriesStyle } from '../../charts/palette';
import { app } from '../app';
import { focusHeading, h } from '../dom';
import { COLORS, hex, label, person } from '../floor/draw';
import { kamRanking } from '../figures';
import { money, tr } from '../i18n';
import { Names } from '../ui/labels';
import { showPanel } from '../ui/shell';
import { attach } from './stage';

export class Debrief extends Phaser.Scene {
  constructor() {
    super('Debrief');
  }

  create(): void {
    const a = app();
    const s = a.session;
    if (!s || s.state.history.length === 0) {
      a.toTitle();
      return;
    }
    let alive = true;
    this.events.once('shutdown', () => (alive = false));
    attach(this, {
      layout: 'banner',
      topBar: () => ({ inGame: true, step: tr('step.debrief') }),
      panel: () => {
        showPanel(h('p', { role: 'status', class: 'loading' }, tr('debrief.loading')));
        void import('../debrief/debrief-panel').then(({ renderDebrief }) => {
          if (!alive || a.session !== s) return;
          const root = showPanel(renderDebrief(s));
          focusHeading(root);
        });
      },
      draw: (w, h2) => this.draw(w, h2),
      describe: () => tr('stage.debrief'),
    });
  }

  private draw(width: number, height: number): void {
    const s = app().session!;
    const lang = app().lang;
    const ranking = kamRanking(s.names, s.state.history, s.input.kams.map((k) => k.id));
    const k = Math.max(0.7, Math.min(1.4, height / 220));
    const g = this.add.graphics();
    g.fillStyle(COLORS.inside, 1);
    g.fillRect(0, 0, width, height);
    label(this, 16, 10, tr('debrief.podium'), { size: 15 * k, bold: true, align: 'left', serif: true });
    // Podium order: second, first, third, then the rest on the floor.
    const order = [1, 0, 2, ...ranking.map((_, i) => i).slice(3)].filter((i) => i < ranking.length);
    const slot = Math.min(170 * k, (width - 40) / order.length);
    const x0 = width / 2 - (slot * order.length) / 2;
    const ground = height - 8;
    order.forEach((rankIndex, pos) => {
      const r = ranking[rankIndex]!;
      const ki = s.input.kams.findIndex((x) => x.id === r.kam);
      const kam = s.input.kams[ki]!;
      const x = x0 + slot * (pos + 0.5);
      // Every step holds its number: the lowest one is as tall as the number's line (18 × 1.2) plus its margins.
      const stepH = rankIndex === 0 ? 70 * k : rankIndex === 1 ? 52 * k : rankIndex === 2 ? 38 * k : 28 * k;
      g.fillStyle(rankIndex === 0 ? 0xf0e442 : rankIndex === 1 ? 0xd9dde3 : rankIndex === 2 ? 0xe2b88a : COLORS.track, 1);
      g.fillRect(x - slot * 0.42, ground - stepH, slot * 0.84, stepH);
      g.lineStyle(2, COLORS.ink, 1);
      g.strokeRect(x - slot * 0.42, ground - stepH, slot * 0.84, stepH);
      label(this, x, ground - stepH + 4 * k, `${rankIndex + 1}`, { size: 18 * k, bold: true });
      const fg = this.add.graphics();
      person(fg, x, ground - stepH - 4 * k, 52 * k, seriesStyle(ki), kam.id === s.seat);
      const nameText = new Names(s.input, lang).kamYou(kam.id, s.seat);
      label(this, x, ground - stepH - 92 * k, `${nameText} · ${money(r.total)}`, { size: 12 * k, bold: true, background: kam.id === s.seat ? '#f0e442' : '#ffffffdd' });
      g.fillStyle(hex(seriesStyle(ki).color), 1);
    });
  }
}
