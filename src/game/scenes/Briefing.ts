/**
 * Briefing: the company floor of the scenario with the player's accounts
 * starred and the player's KAM marked; the panel explains the game in plain
 * words before the first quarter.
 */
import Phaser from 'phaser';
import { app } from '../app';
import { focusHeading } from '../dom';
import { Floor } from '../floor/floor';
import { floorData } from '../floor/model';
import { tr } from '../i18n';
import { renderBriefing } from '../ui/briefing-panel';
import { showPanel } from '../ui/shell';
import { attach } from './stage';

export class Briefing extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  create(): void {
    const a = app();
    const s = a.session;
    if (!s) {
      a.toTitle();
      return;
    }
    attach(this, {
      layout: 'split',
      topBar: () => ({ inGame: true, step: tr('step.briefing') }),
      panel: () => {
        const root = showPanel(renderBriefing(s, () => a.go('Quarter')));
        focusHeading(root);
      },
      draw: (w, h) => new Floor(this, floorData(s, a.lang, 'planning'), w, h),
      describe: () => tr('stage.floor', { departments: s.input.departments.length, accounts: s.input.accounts.length, kams: s.input.kams.length }),
    });
  }
}
