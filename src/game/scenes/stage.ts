/**
 * What every scene does around its own content: sets the layout and the top
 * bar, mounts its DOM panel, draws its canvas, redraws the canvas when the
 * stage is resized and redraws both when the language changes. Not a scene
 * itself; each scene calls `attach` from `create`.
 */
import type Phaser from 'phaser';
import { app } from '../app';
import { later } from '../dom';
import { describeStage, renderTopBar, setLayout, type Layout, type TopBarOptions } from '../ui/shell';

export interface StageOptions {
  layout: Layout;
  topBar: TopBarOptions | (() => TopBarOptions);
  /** Builds the scene's DOM panel (again after a language change). */
  panel: () => void;
  /** Draws the canvas for the current size (again after a resize or language change). */
  draw: (width: number, height: number) => void;
  /** One sentence for screen readers on what the canvas shows. */
  describe: () => string;
}

export function clearCanvas(scene: Phaser.Scene): void {
  scene.events.emit('clear-canvas');
  scene.tweens.killAll();
  scene.time.removeAllEvents();
  for (const obj of [...scene.children.list]) obj.destroy();
}

export function attach(scene: Phaser.Scene, opts: StageOptions): { redraw: () => void } {
  const a = app();
  setLayout(opts.layout);
  // The stage may have changed size with the layout: measure it now, not on the next frame.
  scene.scale.getParentBounds();
  scene.scale.refresh();
  const top = () => renderTopBar(typeof opts.topBar === 'function' ? opts.topBar() : opts.topBar);
  let drawn = { width: 0, height: 0 };
  const redraw = () => {
    clearCanvas(scene);
    const { width, height } = scene.scale;
    drawn = { width, height };
    if (width > 10 && height > 10) opts.draw(width, height);
    describeStage(opts.describe());
  };
  top();
  // The canvas first; the panel in the next task, so no single task does both.
  redraw();
  let alive = true;
  later(() => {
    if (alive) opts.panel();
  });
  let pending = 0;
  const onResize = () => {
    if (scene.scale.width === drawn.width && scene.scale.height === drawn.height) return;
    window.clearTimeout(pending);
    pending = window.setTimeout(redraw, 120);
  };
  scene.scale.on('resize', onResize);
  const offLang = a.onLangChange(() => {
    top();
    opts.panel();
    redraw();
  });
  scene.events.once('shutdown', () => {
    alive = false;
    window.clearTimeout(pending);
    scene.scale.off('resize', onResize);
    offLang();
  });
  return { redraw };
}
