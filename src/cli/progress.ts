/**
 * Progress of a long command on stderr. On a terminal: one line redrawn in
 * place, with a bar, runs done/total, runs per second and the time left.
 * Elsewhere (a log file, CI, Slurm): a plain line every few seconds. Quiet:
 * nothing but the line that says how to go on after a stop. The rate is
 * measured over the last stretch of work, not since the start, so the
 * estimate follows the machine's current pace. The words are in the
 * command's language.
 */
import { t, tn, type Lang } from './lang.js';
import { fixed } from './table.js';

export type ProgressMode = 'tty' | 'plain' | 'quiet';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}

export class Progress {
  private samples: { t: number; done: number }[] = [];
  private lastDraw = 0;
  private readonly started: number;
  private doneNow: number;

  constructor(
    readonly label: string,
    readonly total: number,
    private readonly startDone: number,
    readonly mode: ProgressMode,
    private readonly lang: Lang = 'en',
    private readonly stream: ProgressStream = process.stderr,
    private readonly plainEveryMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    this.doneNow = startDone;
    this.samples.push({ t: this.started, done: startDone });
    if (mode === 'plain' && startDone > 0) stream.write(`${t('cli.progress.resuming', { label, done: startDone, total }, lang)}\n`);
  }

  static modeFor(stream: ProgressStream, quiet: boolean): ProgressMode {
    if (quiet) return 'quiet';
    return stream.isTTY ? 'tty' : 'plain';
  }

  /** Runs per second over the last ~10 seconds. */
  rate(): number {
    const t = this.now();
    while (this.samples.length > 2 && t - this.samples[0]!.t > 10_000) this.samples.shift();
    const first = this.samples[0]!;
    const dt = (t - first.t) / 1000;
    return dt > 0 ? (this.doneNow - first.done) / dt : 0;
  }

  line(): string {
    const rate = this.rate();
    const left = this.total - this.doneNow;
    const eta = rate > 0 ? formatDuration(left / rate) : '–';
    const pct = this.total > 0 ? (100 * this.doneNow) / this.total : 100;
    const perSecond = rate >= 10 ? Math.round(rate) : fixed(rate, 1, this.lang);
    return t('cli.progress.line', { done: this.doneNow, total: this.total, pct: fixed(pct, 1, this.lang), rate: perSecond, eta }, this.lang);
  }

  update(done: number): void {
    this.doneNow = done;
    const t = this.now();
    if (t - this.samples[this.samples.length - 1]!.t > 250) this.samples.push({ t, done });
    if (this.mode === 'tty' && t - this.lastDraw > 100) {
      this.lastDraw = t;
      this.draw();
    } else if (this.mode === 'plain' && t - this.lastDraw > this.plainEveryMs) {
      this.lastDraw = t;
      this.stream.write(`${this.label}: ${this.line()}\n`);
    }
  }

  private draw(): void {
    const text = this.line();
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - this.label.length - 6));
    const filled = this.total > 0 ? Math.round((width * this.doneNow) / this.total) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r\x1b[2K${this.label} ${bar} ${text}`);
  }

  /** The closing line of a stopped command: written also when quiet, which keeps progress off the screen, not the way to go on. */
  stopped(message: string): void {
    if (this.mode === 'quiet') this.stream.write(`${this.label}: ${message}\n`);
    else this.finish(message);
  }

  finish(message: string): void {
    if (this.mode === 'quiet') return;
    const seconds = (this.now() - this.started) / 1000;
    const runs = this.doneNow - this.startDone;
    const summary = tn('cli.progress.summary', runs, { message, time: formatDuration(seconds), rate: seconds > 0 ? Math.round(runs / seconds) : 0 }, this.lang);
    if (this.mode === 'tty') this.stream.write(`\r\x1b[2K${this.label}: ${summary}\n`);
    else this.stream.write(`${this.label}: ${summary}\n`);
  }
}
