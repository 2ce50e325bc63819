/**
 * Quarter: the company floor while the player plans. Department gauges show
 * what the player is asking of each (hatched) against its capacity, with last
 * quarter's total demand marked; colleagues walk to the department they
 * lobbied last quarter; the player's figure goes where the player's time goes.
 * The planning panel is the DOM view beside it.
 */
import Phaser from 'phaser';
import { app } from '../app';
import { announce, focusHeading } from '../dom';
import { Floor } from '../floor/floor';
import { floorData } from '../floor/model';
import { days, tr } from '../i18n';
import { askedOf, type Draft } from '../plan-draft';
import { focusDepartment, renderPlanPanel } from '../ui/plan-panel';
import { showPanel } from '../ui/shell';
import { attach } from './stage';

export class Quarter extends Phaser.Scene {
  private floor: Floor | null = null;
  private playerAt: number | null = null;

  constructor() {
    super('Quarter');
  }

  create(): void {
    // A scene object lives on between visits: forget the floor of the last one.
    this.floor = null;
    this.playerAt = null;
    const a = app();
    const s = a.session;
    if (!s) {
      a.toTitle();
      return;
    }
    if (s.state.quarter >= s.input.quarters) {
      a.go('Debrief');
      return;
    }
    const q = s.state.quarter + 1;
    attach(this, {
      layout: 'split',
      topBar: () => ({ inGame: true, step: tr('step.planning', { q, total: s.input.quarters }) }),
      panel: () => {
        const root = showPanel(
          renderPlanPanel(s, {
            changed: (draft) => this.showDraft(draft),
            resolved: (record) => a.go('Resolution', { record }),
          }),
        );
        focusHeading(root);
        announce(tr('plan.announce', { q }));
      },
      draw: (w, h) => this.draw(w, h),
      describe: () => tr('stage.quarter', { q }),
    });
  }

  private draw(width: number, height: number): void {
    const a = app();
    const s = a.session!;
    this.floor = new Floor(this, floorData(s, a.lang, 'planning'), width, height);
    this.playerAt = null;
    const last = s.state.history[s.state.history.length - 1];
    const seat = s.input.kams.findIndex((k) => k.id === s.seat);
    if (!a.reducedMotion) {
      s.input.kams.forEach((k, i) => {
        if (i === seat) return;
        const plan = last?.plans.find((p) => p.kam === k.id);
        let target = (i * 2 + 1) % s.input.departments.length;
        if (plan) {
          let most = -1;
          s.input.departments.forEach((d, di) => {
            const x = (plan.lobbying[d.id] ?? 0) + (plan.relationship[d.id] ?? 0) * 0.5;
            if (x > most) {
              most = x;
              target = di;
            }
          });
        }
        this.floor!.walk(i, target, { loop: true, delay: 400 + i * 700 });
      });
    }
    if (s.draft) this.showDraft(s.draft);
  }

  private showDraft(draft: Draft): void {
    const floor = this.floor;
    const s = app().session;
    if (!floor || !s) return;
    const last = s.state.history[s.state.history.length - 1];
    const mine = new Set(s.input.kams.find((k) => k.id === s.seat)?.accounts ?? []);
    const own = s.state.opportunities.filter((o) => mine.has(o.account));
    s.input.departments.forEach((d, di) => {
      const ask = askedOf(draft, own, d.id, di);
      const demand = last?.allocations[di]?.demand;
      const text = [tr('floor.gauge.ask', { ask: days(ask), capacity: days(d.capacity) })];
      if (demand !== undefined) text.push(tr('floor.gauge.lastQuarter', { demand: days(demand) }));
      floor.setGauge(di, [{ value: ask, kam: -1 }], text, demand);
    });
    const seat = s.input.kams.findIndex((k) => k.id === s.seat);
    const target = focusDepartment(draft, s.input.departments.map((d) => d.id));
    if (target !== this.playerAt) {
      this.playerAt = target;
      floor.walk(seat, target, { instant: app().reducedMotion });
    }
  }
}
