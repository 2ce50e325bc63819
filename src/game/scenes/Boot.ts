/**
 * Boot: checks that the browser can run the game (workers, IndexedDB,
 * modules) and hands over to the Preloader. Loads nothing itself.
 */
import Phaser from 'phaser';
import { h } from '../dom';
import { tr } from '../i18n';
import { setLayout, showPanel } from '../ui/shell';

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    setLayout('title');
    const missing: string[] = [];
    if (typeof Worker === 'undefined') missing.push('Web Workers');
    if (typeof indexedDB === 'undefined') missing.push('IndexedDB');
    if (missing.length > 0) {
      showPanel(h('section', { class: 'card' }, h('h1', null, tr('boot.unsupported.title')), h('p', null, tr('boot.unsupported.body', { missing: missing.join(', ') }))));
      return;
    }
    this.scene.start('Preloader');
  }
}
