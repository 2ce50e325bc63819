/**
 * The "why" of an allocation: from the engine's factors to reasons, the story
 * of each department, and the sentences the player reads, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { departmentStory, kamTotals, lobbyingEffect, reasonsFor } from '../../src/game/explain.js';
import { pct, setLanguage } from '../../src/game/i18n.js';
import { Names } from '../../src/game/ui/labels.js';
import { favouredSentence, lobbyingSentence, neglectedSentence, reasonText, whySentence, yourSentence } from '../../src/game/ui/why.js';
import { createRun, emptyPlan, step, type AllocationEntry, type AllocationFactors, type DepartmentAllocation } from '../../src/sim/index.js';
import { shipped } from '../helpers.js';

function entry(request: string, kam: string, requested: number, received: number, f: Partial<AllocationFactors> = {}): AllocationEntry {
  const factors: AllocationFactors = {
    size: 1, sponsorship: 1, value: requested * 2, departmentValue: requested * 2, accountValue: requested * 2, visibility: 0.3,
    influence: 1.2, lobbying: 0, relationship: 0.2, lobbyDays: 0, noise: 1, score: 0, ...f,
  };
  return { request, kams: [kam], accounts: [request.split('-q')[0]!], joint: false, requested, received, byChannel: { pool: 0, priority: 0, contest: received }, factors };
}

describe('explain', () => {
  it('reasonsFor() names what lifted a request above the typical one, biggest first', () => {
    const big = entry('globex-q1-1', 'bram', 10, 10, { size: 1.6, lobbying: 0.3, lobbyDays: 6, influence: 1.5 });
    const others = [entry('acme-q1-1', 'you', 10, 5), entry('hooli-q1-1', 'sofia', 10, 5)];
    const reasons = reasonsFor(big, [big, ...others], 'departmental-pnl');
    expect(reasons.map((r) => r.code)).toEqual(['size', 'lobbying']);
    expect(reasons.every((r) => r.sign === 1)).toBe(true);
    expect(reasons[1]!.lobbyDays).toBe(6);
  });

  it('reasonsFor() counts value per expert-day, not the size of the ask', () => {
    const a = entry('acme-q1-1', 'you', 20, 8, { value: 40 });
    const b = entry('hooli-q1-1', 'sofia', 5, 5, { value: 10 });
    expect(reasonsFor(a, [a, b], 'departmental-pnl').map((r) => r.code)).toEqual([]);
    const rich = entry('globex-q1-1', 'bram', 5, 5, { value: 30 });
    expect(reasonsFor(rich, [a, b, rich], 'departmental-pnl')[0]).toMatchObject({ code: 'value', sign: 1 });
    // Utilisation values every day alike: value is never a reason there.
    expect(reasonsFor(rich, [a, b, rich], 'utilization').map((r) => r.code)).not.toContain('value');
  });

  it('departmentStory() finds the favoured and the neglected request and the player’s own', () => {
    const alloc: DepartmentAllocation = {
      department: 'engineering',
      capacity: 20,
      demand: 30,
      allocated: 20,
      entries: [entry('acme-q1-1', 'you', 10, 4), entry('globex-q1-1', 'bram', 10, 10, { size: 2 }), entry('hooli-q1-1', 'sofia', 10, 6)],
    };
    const story = departmentStory(alloc, 'departmental-pnl', 'you');
    expect(story.scarce).toBe(true);
    expect(story.favoured!.entry.request).toBe('globex-q1-1');
    expect(story.neglected!.entry.request).toBe('acme-q1-1');
    expect(story.yours.map((y) => y.fulfilment)).toEqual([0.4]);
  });

  it('kamTotals() adds each KAM’s asks and receipts over departments, half each for a joint request', () => {
    const joint: AllocationEntry = { ...entry('acme-q1-1+stark-q1-1', 'you', 10, 8), kams: ['you', 'daan'], joint: true };
    const totals = kamTotals([{ department: 'x', capacity: 10, demand: 10, allocated: 8, entries: [joint] }], ['you', 'daan', 'bram']);
    expect(totals).toEqual([
      { kam: 'you', requested: 5, received: 4, fulfilment: 0.8 },
      { kam: 'daan', requested: 5, received: 4, fulfilment: 0.8 },
      { kam: 'bram', requested: 0, received: 0, fulfilment: 0 },
    ]);
  });

  it('every department of a real quarter gets sentences in English and Dutch, with no missing message', () => {
    const input = shipped('tutorial').input;
    const plan = emptyPlan('you');
    const own = new Set(['acme', 'borealis']);
    const run = createRun(input, {});
    for (const o of run.opportunities.filter((x) => own.has(x.account))) {
      const capacity: Record<string, number> = {};
      input.departments.forEach((d, i) => o.needs[i]! > 0 && (capacity[d.id] = o.needs[i]!));
      plan.requests.push({ opportunity: o.id, capacity });
    }
    plan.lobbying = { engineering: 8 };
    const { record } = step(run, [plan]);
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      const names = new Names(input, lang);
      for (const alloc of record.allocations) {
        const story = departmentStory(alloc, input.company.regime, 'you');
        const sentences = [favouredSentence(story, input, names), neglectedSentence(story, input, names), ...story.yours.map((y) => yourSentence(y, names.department(alloc.department), input, names))].filter((x): x is string => x !== null);
        expect(sentences.length).toBeGreaterThan(0);
        for (const s of sentences) {
          expect(s).not.toMatch(/\{\w+\}|reason\.|why\./);
          expect(s.length).toBeGreaterThan(20);
        }
      }
    }
    setLanguage('en');
  });

  it('yourSentence() writes the days and the share so that they agree as written, never "10 d of 12 d (84%)"', () => {
    const input = shipped('tutorial').input;
    const sentence = (requested: number, received: number, lang: 'en' | 'nl') => {
      setLanguage(lang);
      return yourSentence({ entry: entry('acme-q1-1', 'you', requested, received), fulfilment: received / requested, reasons: [], lobbying: null }, 'Engineering', input, new Names(input, lang));
    };
    // 10.4 of 12.4 is 84 %; rounded to whole days, 10 of 12 would read as 83 %.
    expect(sentence(12.4, 10.4, 'en')).toMatch(/: got 10\.4\u00a0d of 12\.4\u00a0d\u00a0\(84%\)\./);
    expect(sentence(12.4, 10.4, 'nl')).toMatch(/: kreeg 10,4\u00a0d van 12,4\u00a0d\u00a0\(84%\)\./);
    // Days that agree when rounded stay rounded.
    expect(sentence(84, 46, 'en')).toMatch(/: got 46\u00a0d of 84\u00a0d\u00a0\(55%\)\./);
    expect(sentence(4.6, 4.6, 'en')).toMatch(/: got 4\.6\u00a0d of 4\.6\u00a0d\u00a0\(100%\)\./);
    // Any days: the share of the days as written is the share shown.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const requested = Math.round((0.5 + random() * 60) * 100) / 100;
      const received = requested * random();
      const [, got, asked, share] = sentence(requested, received, 'en').match(/got ([\d.,]+)\u00a0d of ([\d.,]+)\u00a0d\u00a0\((\d+%)\)/)!;
      expect(pct(Number(got) / Number(asked)), `${received} of ${requested}`).toBe(share);
    }
    setLanguage('en');
  });

  it('a joint request’s lobbying and relationship reasons agree with its two KAMs, in English and Dutch', () => {
    const input = shipped('tutorial').input;
    const joint: AllocationEntry = {
      ...entry('acme-q1-1+stark-q1-1', 'bram', 10, 10, { lobbying: 0.4, lobbyDays: 9.1, influence: 1.8, relationship: 0.6 }),
      kams: ['bram', 'daan'],
      joint: true,
    };
    const single = entry('globex-q1-1', 'bram', 10, 10, { lobbying: 0.4, lobbyDays: 6, influence: 1.8, relationship: 0.6 });
    const others = [entry('hooli-q1-1', 'sofia', 10, 4), entry('initech-q1-1', 'you', 10, 4)];
    const words = (e: AllocationEntry, lang: 'en' | 'nl') => {
      setLanguage(lang);
      const names = new Names(input, lang);
      const story = { entry: e, fulfilment: 1, reasons: reasonsFor(e, [e, ...others], 'departmental-pnl'), lobbying: null };
      const text = (code: string) => reasonText(story.reasons.find((r) => r.code === code)!, story, 'departmental-pnl', 'Engineering', names);
      return { lobbying: text('lobbying'), relationship: text('relationship'), kams: e.kams.map((k) => names.kam(k)) };
    };
    const en = words(joint, 'en');
    expect(en.lobbying).toBe(`${en.kams[0]} and ${en.kams[1]} lobbied 9.1\u00a0d between them`);
    expect(en.relationship).toBe(`${en.kams[0]} and ${en.kams[1]}’s relationships with Engineering`);
    const nl = words(joint, 'nl');
    expect(nl.lobbying).toBe(`${nl.kams[0]} en ${nl.kams[1]} lobbyden samen 9,1\u00a0d`);
    expect(nl.relationship).toBe(`de relaties van ${nl.kams[0]} en ${nl.kams[1]} met Engineering`);
    const one = words(single, 'nl');
    expect(one.lobbying).toBe(`${one.kams[0]} lobbyde 6\u00a0d`);
    expect(one.relationship).toBe(`de relatie van ${one.kams[0]} met Engineering`);
    expect(words(single, 'en').lobbying).toMatch(/^\S+ lobbied 6\u00a0d$/);

    // The tutorial's seat is named "You" ("Jij"): a pronoun in the sentence, never "You’s".
    const withYou: AllocationEntry = { ...joint, kams: ['you', 'daan'] };
    const yours: AllocationEntry = { ...single, kams: ['you'] };
    expect(words(withYou, 'en')).toMatchObject({ lobbying: 'you and Daan lobbied 9.1\u00a0d between them', relationship: 'the relationships you and Daan have with Engineering' });
    expect(words(yours, 'en')).toMatchObject({ lobbying: 'you lobbied 6\u00a0d', relationship: 'your relationship with Engineering' });
    expect(words(withYou, 'nl')).toMatchObject({ lobbying: 'jij en Daan lobbyden samen 9,1\u00a0d', relationship: 'de relaties van jou en Daan met Engineering' });
    expect(words(yours, 'nl')).toMatchObject({ lobbying: 'jij lobbyde 6\u00a0d', relationship: 'jouw relatie met Engineering' });
    setLanguage('en');
  });
  it('reasons are listed with semicolons, so each reads on its own (never "no board sponsorship, where others had it and a smaller account")', () => {
    const input = shipped('board-sponsorship').input;
    const mine = entry('birch-q1-1', 'you', 6, 1.8, { size: 0.85, noise: 0.8 });
    const others = [entry('cedar-q1-1', 'olga', 6, 6, { sponsorship: 1.5, size: 1.2 }), entry('aster-q1-1', 'quinn', 6, 4, { sponsorship: 1.5, size: 1.2 })];
    const alloc: DepartmentAllocation = { department: 'x', capacity: 11.8, demand: 18, allocated: 11.8, entries: [mine, ...others] };
    const words = (lang: 'en' | 'nl') => {
      setLanguage(lang);
      const names = new Names(input, lang);
      const story = departmentStory(alloc, 'exec-sponsored', 'you');
      return { why: whySentence(story.yours[0]!, 'Field Service', input, names), worst: neglectedSentence(story, input, names)! };
    };
    const en = words('en');
    expect(en.why).toBe('Held back by: no board sponsorship (others had it); a smaller account (0.8\u00a0× the typical size); the head rating it below its numbers.');
    expect(en.worst).toMatch(/came off worst, with 30%: no board sponsorship \(others had it\); a smaller account \(0\.8\u00a0× the typical size\); the head rating it below its numbers\.$/);
    const nl = words('nl');
    expect(nl.why).toBe('Gehinderd door: geen sponsoring door de directie (anderen hadden die wel); een kleiner account (0,8\u00a0× de gewone omvang); een hoofd dat het lager inschatte dan de cijfers.');
    expect(nl.worst).toMatch(/: geen sponsoring door de directie \(anderen hadden die wel\); een kleiner account/);
    setLanguage('en');
  });
  it('the player’s lobbying is written out on each of their requests, with what it added to influence, even where it did not set the request apart', () => {
    // The tutorial's first quarter, the player lobbying Solution Engineering 10 d as a trainee did.
    const input = shipped('tutorial').input;
    const run = createRun(input, {});
    const plan = emptyPlan('you');
    for (const o of run.opportunities.filter((x) => x.account === 'acme' || x.account === 'borealis')) {
      const capacity: Record<string, number> = {};
      input.departments.forEach((d, i) => o.needs[i]! > 0 && (capacity[d.id] = o.needs[i]!));
      plan.requests.push({ opportunity: o.id, capacity });
    }
    plan.lobbying = { engineering: 10 };
    const { record } = step(run, [plan]);
    const alloc = record.allocations.find((a) => a.department === 'engineering')!;
    const story = departmentStory(alloc, input.company.regime, 'you');
    expect(story.yours).toHaveLength(4);
    for (const y of story.yours) {
      const f = y.entry.factors;
      // Others lobbied too: measured against the average request, 10 d moved the score by less than 8 % and is no reason...
      expect(y.reasons.map((r) => r.code)).not.toContain('lobbying');
      // ...but what it added is there, from the engine's factors.
      expect(y.lobbying).toMatchObject({ days: 10, added: f.lobbying, influence: f.influence, without: f.influence - f.lobbying });
      expect(y.lobbying!.factor).toBeCloseTo(f.influence / (f.influence - f.lobbying), 12);
      expect(y.lobbying!.added).toBeGreaterThan(0);
    }
    const rivals = alloc.entries.filter((e) => !e.kams.includes('you'));
    expect(story.yours[0]!.lobbying!.others).toBeCloseTo(rivals.reduce((s, e) => s + e.factors.lobbying, 0) / rivals.length, 12);

    const l = story.yours[0]!.lobbying!;
    const two = (x: number, lang: 'en' | 'nl') => x.toFixed(2).replace('.', lang === 'en' ? '.' : ',');
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      const names = new Names(input, lang);
      const said = yourSentence(story.yours[0]!, names.department('engineering'), input, names);
      const n = (x: number) => two(x, lang);
      expect(said).toContain(
        lang === 'en'
          ? `You lobbied 10\u00a0d here: +${n(l.added)} influence, from ${n(l.without)} to ${n(l.influence)} (the score ×\u00a0${n(l.factor)}). The other KAMs’ requests here got +${n(l.others!)} from lobbying on average.`
          : `Jij lobbyde hier 10\u00a0d: +${n(l.added)} invloed, van ${n(l.without)} naar ${n(l.influence)} (de score ×\u00a0${n(l.factor)}). De aanvragen van de andere KAM’s kregen hier gemiddeld +${n(l.others!)} door lobbyen.`,
      );
    }
    setLanguage('en');
  });

  it('lobbyingSentence(): a joint request’s KAMs between them, the others not lobbying, a request served in full, and no lobbying reason said twice', () => {
    const input = shipped('tutorial').input;
    const names = new Names(input, 'en');
    setLanguage('en');
    const joint: AllocationEntry = { ...entry('acme-q1-1+stark-q1-1', 'you', 10, 4, { lobbying: 0.5, lobbyDays: 9.1, influence: 1.7 }), kams: ['you', 'daan'], joint: true };
    const other = entry('hooli-q1-1', 'sofia', 10, 10, { lobbying: 0.9, lobbyDays: 12, influence: 2.1, size: 1.5 });
    const all = [joint, other];
    const story = { entry: joint, fulfilment: 0.4, reasons: reasonsFor(joint, all, 'departmental-pnl'), lobbying: lobbyingEffect(joint, all) };
    expect(story.reasons.map((r) => r.code)).toContain('lobbying');
    expect(lobbyingSentence(story, names)).toBe('You and Daan lobbied 9.1\u00a0d here between them: +0.50 influence, from 1.20 to 1.70 (the score ×\u00a01.42). The other KAMs’ requests here got +0.90 from lobbying on average.');
    const why = whySentence(story, 'Engineering', input, names);
    expect(why).not.toContain('less lobbying than the others');
    expect(why.match(/lobbied/g)).toHaveLength(1);
    // Served in full: said so, and what the lobbying added all the same; the others did not lobby.
    const quiet = entry('hooli-q1-1', 'sofia', 10, 10);
    const full = { entry: joint, fulfilment: 1, reasons: [], lobbying: lobbyingEffect(joint, [joint, quiet]) };
    expect(whySentence(full, 'Engineering', input, names)).toBe('Served in full. You and Daan lobbied 9.1\u00a0d here between them: +0.50 influence, from 1.20 to 1.70 (the score ×\u00a01.42). The other KAMs did not lobby here.');
    // The others lobbied too little to show in hundredths: said as such, not as "+0.00".
    const slight = entry('hooli-q1-1', 'sofia', 10, 10, { lobbying: 0.003, lobbyDays: 0.1, influence: 1.203 });
    const little = { entry: joint, fulfilment: 0.4, reasons: [], lobbying: lobbyingEffect(joint, [joint, slight]) };
    expect(lobbyingSentence(little, names)).toMatch(/ The other KAMs’ requests here got less than \+0\.01 from lobbying on average\.$/);
    // No days lobbied: nothing to write out, and "less lobbying than the others" stays a reason.
    const none = entry('acme-q1-1', 'you', 10, 2);
    const plain = { entry: none, fulfilment: 0.2, reasons: reasonsFor(none, [none, other], 'departmental-pnl'), lobbying: lobbyingEffect(none, [none, other]) };
    expect(plain.lobbying).toBeNull();
    expect(whySentence(plain, 'Engineering', input, names)).toContain('less lobbying than the others');
  });
});
