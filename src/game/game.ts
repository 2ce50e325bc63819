/**
 * The game itself, loaded by main.ts once the engine worker is on its way:
 * the controller, the Phaser game with its eight scenes on the stage, and the
 * DOM shell around it.
 */
import './global-shim';
import Phaser from 'phaser';
import { createApp } from './app';
import { onEngineFailure } from './engine';
import { Boot } from './scenes/Boot';
import { Briefing } from './scenes/Briefing';
import { Debrief } from './scenes/Debrief';
import { Preloader } from './scenes/Preloader';
import { Quarter } from './scenes/Quarter';
import { Report } from './scenes/Report';
import { Resolution } from './scenes/Resolution';
import { Title } from './scenes/Title';
import { showFatal } from './ui/shell';

const app = createApp();
onEngineFailure((message) => showFatal(message));
void app.loadLibrary();

const game = new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'stage',
  backgroundColor: '#f7f5f0',
  banner: false,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  fps: { target: 30, limit: 30 },
  input: { keyboard: false, mouse: true, touch: true, gamepad: false },
  disableContextMenu: false,
  scene: [Boot, Preloader, Title, Briefing, Quarter, Resolution, Report, Debrief],
});

app.setNavigator((key, data) => {
  for (const scene of game.scene.getScenes(true)) game.scene.stop(scene.scene.key);
  game.scene.start(key, data);
});

