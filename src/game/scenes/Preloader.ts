/**
 * Preloader: loads the game's drawn assets into Phaser (the only scene that
 * loads assets) and, meanwhile, has the engine worker read the shipped
 * scenario library. Shows progress on the canvas and to screen readers.
 */
import Phaser from 'phaser';
import { app } from '../app';
import { ICON_URLS } from '../assets';
import { h } from '../dom';
import { tr } from '../i18n';
import { COLORS, label } from '../floor/draw';
import { setLayout, showPanel } from '../ui/shell';

export class Preloader extends Phaser.Scene {
  private library: Promise<void> | null = null;

  constructor() {
    super('Preloader');
  }

  preload(): void {
    setLayout('title');
    this.scale.getParentBounds();
    this.scale.refresh();
    showPanel(h('section', { class: 'card loading' }, h('h1', null, tr('app.name')), h('p', { role: 'status' }, tr('loading.status'))));
    this.library = app().libraryReady;
    const { width: W, height: H } = this.scale;
    const bar = this.add.graphics();
    label(this, W / 2, H / 2 - 60, tr('app.name'), { size: 44, bold: true, serif: true });
    this.load.on('progress', (p: number) => {
      bar.clear();
      bar.fillStyle(COLORS.track, 1);
      bar.fillRoundedRect(W / 2 - 160, H / 2, 320, 14, 7);
      bar.fillStyle(COLORS.ink, 1);
      bar.fillRoundedRect(W / 2 - 160, H / 2, Math.max(14, 320 * p), 14, 7);
    });
    for (const [key, url] of Object.entries(ICON_URLS)) this.load.image(key, url);
  }

  async create(): Promise<void> {
    await this.library;
    app().go('Title');
  }
}
