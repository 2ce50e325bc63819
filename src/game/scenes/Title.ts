/**
 * Title: the company floor of the first scenario as the backdrop, with the
 * KAMs going about their work; the panel offers the language, the saved game,
 * the scenario library and loading one's own file.
 */
import Phaser from 'phaser';
import { app, type LibraryEntry } from '../app';
import { announce } from '../dom';
import { Floor } from '../floor/floor';
import { floorFromInput } from '../floor/model';
import { language, tr } from '../i18n';
import { headTitle, whatANewGameReplaces, type ScenarioSource } from '../save';
import { confirmDialog } from '../ui/shell';
import { renderTitlePanel } from '../ui/title-panel';
import { attach } from './stage';

export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    const a = app();
    // Back from a game: the title screen takes the focus at its heading, as every other screen does.
    let focusHeadingOnce = a.session !== null;
    a.session = null;
    const actions = {
      play: (entry: LibraryEntry, source: ScenarioSource) => void this.play(entry, source),
      resume: () => void this.resume(),
    };
    attach(this, {
      layout: 'title',
      topBar: { inGame: false },
      panel: () => {
        void renderTitlePanel(actions, focusHeadingOnce);
        focusHeadingOnce = false;
      },
      draw: (w, h) => this.draw(w, h),
      describe: () => tr('stage.title'),
    });
  }

  private draw(width: number, height: number): void {
    const a = app();
    const sample = a.library[0];
    if (!sample) return;
    const floor = new Floor(this, floorFromInput(sample.input, a.lang, null), width, height);
    if (!a.reducedMotion) {
      sample.input.kams.forEach((_, i) => floor.walk(i, (i * 3 + 1) % sample.input.departments.length, { loop: true, delay: 600 + i * 900 }));
    }
    // No title banner on the floor: the panel beside it carries the title, and a banner would hide the capacity labels and the KAMs.
  }

  private async play(entry: LibraryEntry, source: ScenarioSource): Promise<void> {
    const a = app();
    const saved = await a.savedGame();
    const loses = saved.ok ? whatANewGameReplaces(saved.head, saved.screen) : null;
    if (saved.ok && loses) {
      const body = loses === 'quarters' ? tr('title.replace.body', { title: headTitle(saved.head, language()), next: saved.head.played + 1, quarters: saved.head.quarters }) : tr('title.replace.debrief', { title: headTitle(saved.head, language()) });
      const yes = await confirmDialog(tr('title.replace.title'), body, tr('title.replace.confirm'));
      if (!yes) return;
    }
    announce(tr('title.starting'));
    await a.newGame(entry, source);
    a.go('Briefing');
  }

  private async resume(): Promise<void> {
    const a = app();
    const r = await a.resume();
    if (!r.ok) {
      await renderTitlePanel({ play: (e, s) => void this.play(e, s), resume: () => void this.resume() });
      announce(tr('title.refused.title'));
      return;
    }
    a.go(r.scene);
  }
}
