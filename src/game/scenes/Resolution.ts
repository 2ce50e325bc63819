/**
 * Resolution: capacity visibly flowing from the departments to the accounts
 * that won it (dots in the receiving KAM's colour and shape), then each
 * department's gauge split by KAM, each account's share delivered and
 * satisfaction change, and badges on who was served most and least. The
 * panel says who got what and why.
 */
import Phaser from 'phaser';
import type { QuarterRecord } from '../../sim/types';
import { app } from '../app';
import { announce, focusHeading } from '../dom';
import { kamTotals } from '../explain';
import { Floor, type Flow, type GaugeSegment } from '../floor/floor';
import { floorData } from '../floor/model';
import { days, pct, pointsDelta, tr } from '../i18n';
import { renderResolution, standings } from '../ui/resolution-panel';
import { showPanel } from '../ui/shell';
import { attach } from './stage';

export class Resolution extends Phaser.Scene {
  private record: QuarterRecord | null = null;
  private floor: Floor | null = null;
  private played = false;

  constructor() {
    super('Resolution');
  }

  init(data: { record?: QuarterRecord }): void {
    this.record = data.record ?? null;
    this.played = false;
  }

  create(): void {
    this.floor = null;
    const a = app();
    const s = a.session;
    const record = this.record ?? s?.state.history[s.state.history.length - 1] ?? null;
    if (!s || !record) {
      a.toTitle();
      return;
    }
    this.record = record;
    const panel = (animating: boolean) => {
      const root = showPanel(
        renderResolution(s, record, {
          animating,
          onSkip: () => this.floor?.skipFlow(),
          onContinue: () => a.go('Report', { record }),
        }),
      );
      return root;
    };
    attach(this, {
      layout: 'split',
      topBar: () => ({ inGame: true, step: tr('step.resolution', { q: record.quarter, total: s.input.quarters }), quarter: record.quarter }),
      panel: () => {
        focusHeading(panel(!this.played && !a.reducedMotion));
      },
      draw: (w, h) =>
        this.draw(w, h, () => {
          const skip = document.querySelector<HTMLElement>('#panel .skip');
          if (skip && document.activeElement === skip) document.querySelector<HTMLElement>('#panel h1')?.focus();
          skip?.remove();
        }),
      describe: () => tr('stage.resolution', { q: record.quarter }),
    });
  }

  private draw(width: number, height: number, afterAnimation: () => void): void {
    const a = app();
    const s = a.session!;
    const record = this.record!;
    const floor = new Floor(this, floorData(s, a.lang, 'results'), width, height);
    this.floor = floor;
    const ownerIndex = new Map<string, number>();
    s.input.kams.forEach((k, ki) => k.accounts.forEach((acc) => ownerIndex.set(acc, ki)));
    const accountIndex = new Map(s.input.accounts.map((x, i) => [x.id, i]));
    const flows: Flow[] = [];
    record.allocations.forEach((alloc, di) => {
      for (const e of alloc.entries) {
        const share = e.received / e.accounts.length;
        for (const acc of e.accounts) flows.push({ department: di, account: accountIndex.get(acc)!, kam: ownerIndex.get(acc)!, days: share });
      }
    });
    // Before the flow: gauges empty, windows dark; after it, the split by KAM.
    record.allocations.forEach((alloc, di) => floor.setGauge(di, [], tr('floor.gauge.asked', { demand: days(alloc.demand), capacity: days(alloc.capacity) })));
    const finish = () => this.finish(floor, record);
    if (this.played || a.reducedMotion) {
      void floor.flow(flows, 0).then(finish);
      return;
    }
    announce(tr('res.flowing'));
    void floor.flow(flows, 3200).then(() => {
      this.played = true;
      finish();
      afterAnimation();
      announce(tr('res.flowDone'));
    });
  }

  private finish(floor: Floor, record: QuarterRecord): void {
    const s = app().session!;
    const kams = s.input.kams.map((k) => k.id);
    record.allocations.forEach((alloc, di) => {
      const totals = kamTotals([alloc], kams);
      const segments: GaugeSegment[] = totals.map((t, ki) => ({ value: t.received, kam: ki })).filter((x) => x.value > 0);
      floor.setGauge(di, segments, [tr('floor.gauge.given', { given: days(alloc.allocated), capacity: days(alloc.capacity) }), tr('floor.gauge.demand', { demand: days(alloc.demand) })], alloc.demand);
    });
    const prev = s.state.history[record.quarter - 2];
    s.input.accounts.forEach((acc, ai) => {
      const row = record.accounts.find((r) => r.account === acc.id);
      if (!row || !row.alive) return;
      const before = prev?.accounts.find((r) => r.account === acc.id)?.satisfaction ?? acc.satisfaction;
      const delivered = row.fulfilment === null ? '—' : pct(row.fulfilment);
      floor.setAccountInfo(ai, tr('floor.delivered', { share: delivered, change: pointsDelta(row.satisfaction - before) }));
    });
    const ranked = standings(record, kams).filter((r) => r.requested > 0);
    if (ranked.length > 1) {
      floor.badgeKam(kams.indexOf(ranked[0]!.kam), `▲ ${tr('res.mostServed')}`, true);
      floor.badgeKam(kams.indexOf(ranked[ranked.length - 1]!.kam), `▼ ${tr('res.leastServed')}`, false);
    }
  }
}
