/**
 * The title screen's panel: language, the saved game (resume or why it cannot
 * be resumed), the scenario library with each scenario's summary, and a
 * trainer's own file with its problems listed by file, line and column.
 * Scenario text is only ever put in text nodes.
 */
import type { FileIssue } from '../../scenario/document';
import { word } from '../../scenario/messages';
import type { Lang } from '../../i18n/index';
import { app, type LibraryEntry } from '../app';
import { announce, focusHeading, h, mount, uniqueId } from '../dom';
import { dateTime, language, tr, trn } from '../i18n';
import { headTitle, type SavePeek } from '../save';
import { textOf } from '../text';
import { showPanel } from './shell';

export interface TitleActions {
  play(entry: LibraryEntry, source: { kind: 'library'; file: string } | { kind: 'file'; name: string }): void;
  resume(): void;
}

let ownFile: LibraryEntry | null = null;
let ownIssues: { file: string; issues: FileIssue[] } | null = null;
let ownWarnings: FileIssue[] = [];

function facts(entry: LibraryEntry): string {
  const i = entry.input;
  return tr('title.facts', {
    quarters: i.quarters,
    kams: i.kams.length,
    departments: i.departments.length,
    accounts: i.accounts.length,
    regime: tr(`regime.${i.company.regime}`),
  });
}

function scenarioCard(entry: LibraryEntry, source: { kind: 'library'; file: string } | { kind: 'file'; name: string }, actions: TitleActions, lang: Lang): HTMLElement {
  const title = textOf(entry.scenario.title, lang);
  const headingId = uniqueId('scenario');
  return h(
    'li',
    { class: 'scenario-card' },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('h3', { id: headingId }, title),
      h('p', { class: 'summary' }, textOf(entry.scenario.summary, lang) || tr('title.noSummary')),
      h('p', { class: 'facts' }, facts(entry)),
      h('button', { type: 'button', class: 'primary', 'aria-label': tr('title.playNamed', { title }), on: { click: () => actions.play(entry, source) } }, tr('title.play')),
    ),
  );
}

/** The problem in the player's language (the loader gives English text and a code to word it otherwise). */
function problem(i: FileIssue): string {
  const lang = app().lang;
  if (lang === 'en' || !i.code) return i.message;
  const worded = word(i.code, i.params ?? {}, lang);
  return worded.startsWith('issue.') ? i.message : worded;
}

function issueList(file: string, issues: FileIssue[], warnings = false): HTMLElement {
  return h(
    'div',
    // Problems stop the file; warnings do not, so they are announced politely.
    { class: warnings ? 'file-issues file-warnings' : 'file-issues', role: warnings ? 'status' : 'alert' },
    h('h3', null, trn(warnings ? 'title.file.warnings' : 'title.file.problems', issues.length, { file })),
    h(
      'ol',
      null,
      issues.map((i) =>
        h(
          'li',
          null,
          h('span', { class: 'where' }, tr('title.file.where', { file: i.file, line: i.line, col: i.col })),
          i.path ? h('code', { class: 'path' }, i.path) : null,
          h('span', { class: 'message' }, problem(i)),
        ),
      ),
    ),
    h('p', { class: 'hint' }, tr(warnings ? 'title.file.warnings-hint' : 'title.file.fix')),
  );
}

function saveCard(saved: SavePeek, actions: TitleActions): HTMLElement | null {
  if (saved.ok) {
    const hd = saved.head;
    // Stopped on the last quarter's results or report: that is where Continue goes.
    const midQuarter = hd.played > 0 && (saved.screen === 'results' || saved.screen === 'report');
    // Played to the end and past the last report: the debrief has been shown (a new game no longer asks before replacing it).
    const finished = hd.played >= hd.quarters && !midQuarter;
    const where = midQuarter
      ? saved.screen === 'results'
        ? 'title.resume.results'
        : 'title.resume.report'
      : finished
        ? 'title.resume.finished'
        : saved.screen === 'briefing'
          ? 'title.resume.briefing'
          : 'title.resume.where';
    return h(
      'section',
      { class: 'card resume', 'aria-labelledby': 'resume-title' },
      h('h2', { id: 'resume-title' }, tr('title.resume.title')),
      h('p', null, tr(where, { title: headTitle(hd, language()), q: hd.played, next: hd.played + 1, quarters: hd.quarters })),
      h('p', { class: 'hint' }, tr('title.resume.saved', { when: dateTime(hd.savedAt) })),
      h('button', { type: 'button', class: 'primary', on: { click: () => actions.resume() } }, tr(finished ? 'title.resume.debrief' : 'title.resume.button')),
    );
  }
  if (saved.refusal.reason === 'none') return null;
  const reason =
    saved.refusal.reason === 'format'
      ? tr('title.refused.format', { found: saved.refusal.found })
      : saved.refusal.reason === 'model'
        ? tr('title.refused.model')
        : tr('title.refused.damaged');
  const box = h(
    'section',
    { class: 'card refused', role: 'status', 'aria-labelledby': 'refused-title' },
    h('h2', { id: 'refused-title' }, tr('title.refused.title')),
    h('p', null, reason),
    h('p', { class: 'hint' }, tr('title.refused.advice')),
    h(
      'button',
      {
        type: 'button',
        on: {
          click: async () => {
            await app().discardSave();
            box.remove();
            announce(tr('title.refused.removed'));
          },
        },
      },
      tr('title.refused.remove'),
    ),
  );
  return box;
}

/** Set when the player picks a language here, so the panel drawn again in it puts focus back on the choice. */
let languageChosen = false;

/** Draws the title screen; `takeFocus` moves the focus to its heading (when coming back from a game). */
export async function renderTitlePanel(actions: TitleActions, takeFocus = false): Promise<void> {
  const a = app();
  const lang = a.lang;
  const saved = await a.peekSave();
  const fileStatus = h('div', { class: 'file-status', 'aria-live': 'polite' });
  const ownList = h('ul', { class: 'library' });
  const renderOwn = () => {
    mount(fileStatus, ownIssues ? issueList(ownIssues.file, ownIssues.issues) : ownFile && ownWarnings.length ? issueList(ownFile.file, ownWarnings, true) : null);
    mount(ownList, ownFile ? scenarioCard(ownFile, { kind: 'file', name: ownFile.file }, actions, lang) : null);
  };
  const inputId = uniqueId('own-file');
  const readFile = async (file: File) => {
    mount(fileStatus, h('p', { role: 'status' }, tr('title.file.reading', { file: file.name })));
    const r = await a.readFile(file);
    if (r.ok) {
      ownFile = r.entry;
      ownIssues = null;
      ownWarnings = r.warnings;
      announce(tr('title.file.ok', { title: textOf(r.entry.scenario.title, a.lang) }));
    } else {
      ownFile = null;
      ownIssues = { file: file.name, issues: r.issues };
      ownWarnings = [];
    }
    renderOwn();
  };
  // The browser's own file button speaks the browser's language ("Choose File"), not the game's: it is hidden
  // from sight (not from the keyboard or screen readers) and a button-like face in the game's words stands in.
  const input = h('input', {
    id: inputId,
    type: 'file',
    class: 'visually-hidden',
    accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain',
    on: {
      change: () => {
        const f = input.files?.[0];
        if (f) void readFile(f);
        input.value = '';
      },
    },
  });
  const drop = h(
    'div',
    {
      class: 'drop-zone',
      on: {
        dragover: (e) => {
          e.preventDefault();
          drop.classList.add('over');
        },
        dragleave: () => drop.classList.remove('over'),
        drop: (e) => {
          e.preventDefault();
          drop.classList.remove('over');
          const f = (e as DragEvent).dataTransfer?.files[0];
          if (f) void readFile(f);
        },
      },
    },
    h('label', { for: inputId }, tr('title.file.label')),
    input,
    h('span', { class: 'file-choose', 'aria-hidden': 'true', on: { click: () => input.click() } }, tr('title.file.choose')),
    h('p', { class: 'hint' }, tr('title.file.hint')),
  );
  const langs: Lang[] = ['en', 'nl'];
  const panel = h(
    'div',
    { class: 'title-panel' },
    h('header', { class: 'title-head' }, h('h1', null, tr('app.name')), h('p', { class: 'tagline' }, tr('app.tagline')), h('p', { class: 'intro' }, tr('title.intro'))),
    h(
      'fieldset',
      { class: 'lang-choice' },
      h('legend', null, tr('title.language')),
      langs.map((l) =>
        h(
          'label',
          null,
          h('input', {
            type: 'radio',
            name: 'title-lang',
            value: l,
            checked: lang === l,
            on: {
              change: () => {
                languageChosen = true;
                a.setLang(l);
              },
            },
          }),
          ' ',
          h('span', { lang: l }, tr(`lang.${l}`)),
        ),
      ),
    ),
    saveCard(saved, actions),
    h(
      'section',
      { 'aria-labelledby': 'library-title' },
      h('h2', { id: 'library-title' }, tr('title.library')),
      h('ul', { class: 'library' }, a.library.map((e) => scenarioCard(e, { kind: 'library', file: e.file }, actions, lang))),
      a.libraryProblems.length > 0
        ? h('details', { class: 'hint' }, h('summary', null, trn('title.libraryProblems', a.libraryProblems.length)), a.libraryProblems.map((p) => issueList(p.file, p.issues)))
        : null,
    ),
    h('section', { 'aria-labelledby': 'own-title' }, h('h2', { id: 'own-title' }, tr('title.own')), h('p', null, tr('title.own.intro')), drop, fileStatus, ownList),
  );
  showPanel(panel);
  renderOwn();
  // The panel was drawn again in the language just chosen: focus stays on the choice, not lost to the page.
  if (languageChosen) {
    languageChosen = false;
    panel.querySelector<HTMLInputElement>('input[name="title-lang"]:checked')?.focus();
  } else if (takeFocus && (document.activeElement === null || document.activeElement === document.body)) focusHeading(panel);
}
