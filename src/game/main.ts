/**
 * The page's entry point (loaded by index.html): starts the engine worker and
 * its reading of the scenario library first, then loads the game itself
 * (Phaser and the views) while the worker works.
 */
import './styles.css';
import { startEngine } from './engine';
import { readLibrary } from './library';

void readLibrary(startEngine());
void import('./game');
