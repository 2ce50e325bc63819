/**
 * Report: the 7S internal-alignment radar of the quarter against the one
 * before, and the alignment index over the quarters so far (a measure of
 * progress, not a target state). The panel holds the KPIs.
 */
import Phaser from 'phaser';
import type { QuarterRecord } from '../../sim/types';
import { app } from '../app';
import { focusHeading } from '../dom';
import { COLORS, label, marker } from '../floor/draw';
import { drawRadar } from '../floor/radar';
import { seriesOf, sevenS, valueOf } from '../figures';
import { num, tr } from '../i18n';
import { renderReport } from '../ui/report-panel';
import { showPanel } from '../ui/shell';
import { attach } from './stage';

export class Report extends Phaser.Scene {
  private record: QuarterRecord | null = null;

  constructor() {
    super('Report');
  }

  init(data: { record?: QuarterRecord }): void {
    this.record = data.record ?? null;
  }

  create(): void {
    const a = app();
    const s = a.session;
    const record = this.record ?? s?.state.history[s.state.history.length - 1] ?? null;
    if (!s || !record) {
      a.toTitle();
      return;
    }
    const last = record.quarter >= s.input.quarters;
    attach(this, {
      layout: 'split',
      topBar: () => ({ inGame: true, step: tr('step.report', { q: record.quarter, total: s.input.quarters }), quarter: record.quarter }),
      panel: () => {
        const root = showPanel(renderReport(s, record, () => a.go(last ? 'Debrief' : 'Quarter')));
        focusHeading(root);
      },
      draw: (w, h) => this.draw(w, h, record),
      describe: () => tr('stage.report', { q: record.quarter }),
    });
  }

  private draw(width: number, height: number, record: QuarterRecord): void {
    const s = app().session!;
    const k = Math.max(0.75, Math.min(1.5, Math.min(width / 900, height / 640)));
    const bg = this.add.graphics();
    bg.fillStyle(COLORS.inside, 1);
    bg.fillRect(0, 0, width, height);
    const elements = sevenS(s.names);
    const prev = s.state.history[record.quarter - 2];
    label(this, width / 2, 16 * k, tr('report.canvas.title', { q: record.quarter }), { size: 20 * k, bold: true, serif: true });
    const chartH = height * 0.2;
    const r = Math.min(width * 0.3, (height - chartH) * 0.32);
    const cy = 70 * k + r * 1.2;
    drawRadar(
      this,
      width / 2,
      cy,
      r,
      elements.map((e) => tr(`7s.${e}`)),
      [
        { kind: 0, values: elements.map((e) => valueOf(s.names, record, `align.${e}`)) },
        ...(prev ? [{ kind: 1 as const, values: elements.map((e) => valueOf(s.names, prev, `align.${e}`)) }] : []),
      ],
      k,
    );
    // Legend: words and shapes, not colour alone.
    const lg = this.add.graphics();
    const ly = cy + r * 1.22 + 10 * k;
    lg.fillStyle(COLORS.focus, 1);
    marker(lg, 'circle', width / 2 - 150 * k, ly + 8 * k, 5 * k);
    label(this, width / 2 - 140 * k, ly, tr('report.canvas.now', { q: record.quarter }), { size: 13 * k, align: 'left' });
    if (prev) {
      lg.fillStyle(0xe69f00, 1);
      marker(lg, 'square', width / 2 + 40 * k, ly + 8 * k, 5 * k);
      label(this, width / 2 + 50 * k, ly, tr('report.canvas.before', { q: record.quarter - 1 }), { size: 13 * k, align: 'left' });
    }
    // The alignment index so far: a small line with a dot per quarter.
    const series = seriesOf(s.names, s.state.history.slice(0, record.quarter), 'alignmentIndex');
    const x0 = width * 0.15;
    const x1 = width * 0.85;
    const y1 = height - 30 * k;
    const y0 = Math.max(ly + 40 * k, y1 - chartH);
    const g = this.add.graphics();
    g.lineStyle(1, COLORS.line, 1);
    g.lineBetween(x0, y1, x1, y1);
    g.lineBetween(x0, y0, x0, y1);
    label(this, x0, y0 - 20 * k, tr('report.canvas.index'), { size: 13 * k, bold: true, align: 'left' });
    const n = s.input.quarters;
    const px = (i: number) => x0 + ((i + 0.5) / n) * (x1 - x0);
    const py = (v: number) => y1 - v * (y1 - y0);
    g.lineStyle(3, COLORS.ink, 1);
    g.beginPath();
    series.forEach((v, i) => (i === 0 ? g.moveTo(px(i), py(v)) : g.lineTo(px(i), py(v))));
    g.strokePath();
    series.forEach((v, i) => {
      g.fillStyle(COLORS.ink, 1);
      g.fillCircle(px(i), py(v), 4.5 * k);
      label(this, px(i), py(v) - 20 * k, num(v * 100, 0), { size: 11 * k, color: '#4a5468' });
    });
    for (let q = 0; q < n; q++) label(this, px(q), y1 + 4 * k, tr('report.canvas.q', { q: q + 1 }), { size: 10 * k, color: '#4a5468' });
  }
}
