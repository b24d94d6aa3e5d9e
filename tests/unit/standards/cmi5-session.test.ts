/**
 * The learner's session (src/session/session.ts) over the cmi5 adapter,
 * against the local LRS: what a whole course sends (practice checks and the
 * final assessment answered, reflections written), in which order; success
 * judged by the mastery score the LMS names; and an end that does not wait
 * on the network, so "terminated" and what precedes it leave at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../src/cli/lrs/lrs';
import { judge, type AnsweredCheck, type Check, type ResponseOf } from '../../../src/questions/registry';
import { createSession, type Session } from '../../../src/session/session';
import { createCmi5Adapter } from '../../../src/standards/cmi5/adapter';
import { VERBS } from '../../../src/standards/cmi5/vocabulary';
import { silentLogger } from '../../../src/standards/log';
import { matchingCheck, multipleCheck, singleCheck, trueFalseCheck } from '../../support/checks';
import { allSlides, outline, pool, rightAnswers } from '../../support/course';
import { startTestLms, tabStorage, type TestLms } from '../../fixtures/cmi5/lms';
import { requirements } from '../../fixtures/cmi5/requirements';

let lms: TestLms;
beforeAll(async () => {
  lms = await startTestLms();
});
afterAll(() => lms.close());
afterEach(() => {
  expect(lms.lrs.rejections(), 'the LMS refused nothing').toEqual([]);
});

function answered<C extends Check>(check: C, response: ResponseOf<C['type']>) {
  const judged = judge({ check, response } as AnsweredCheck);
  if (!judged) throw new Error(`${check.id}: an incomplete answer`);
  return judged;
}

async function open(request: Parameters<TestLms['launch']>[0] = {}) {
  const launched = lms.launch(request);
  const adapter = createCmi5Adapter({ launch: launched.parameters, idNamespace: 'rct-intro', storage: tabStorage(), fetch: (i, init) => fetch(i, init), logger: silentLogger });
  // The course.yaml mastery score is 75; the LMS's may differ.
  const session = await createSession({ adapter, course: outline, masteryScore: 75, logger: silentLogger, commitDelayMs: 10, maxCommitDelayMs: 50 });
  return { launched, session };
}

const verbs = (sessionId: string) =>
  lms.lrs
    .statements()
    .filter((s) => s.sessionId === sessionId && ![VERBS.launched, VERBS.abandoned].includes((s.statement.verb as Json).id as never))
    .map((s) => String((s.statement.verb as Json).id).split('/').pop());

/** A right and a wrong response for each pool question, by the practice check it copies (tests/support/course.ts). */
const responses: Record<string, { right: unknown; wrong: unknown }> = {
  [singleCheck.id]: { right: rightAnswers.single, wrong: 'separation' },
  [multipleCheck.id]: { right: [...rightAnswers.multiple], wrong: ['self-reliance'] },
  [trueFalseCheck.id]: { right: rightAnswers.trueFalse, wrong: !rightAnswers.trueFalse },
  [matchingCheck.id]: { right: { ...rightAnswers.matching }, wrong: { ...rightAnswers.matching, zest: 'disconnection' } },
};

/** The practice checks answered right, then an attempt at the final assessment with its first `right` questions right; handed in. */
function answerAll(s: Session, right = 4) {
  s.answer(answered(singleCheck, rightAnswers.single));
  s.answer(answered(multipleCheck, [...rightAnswers.multiple]));
  s.answer(answered(trueFalseCheck, rightAnswers.trueFalse));
  s.answer(answered(matchingCheck, { ...rightAnswers.matching }));
  s.startAssessment(1000);
  const drawn = s.summary().assessment?.current?.drawn ?? [];
  if (drawn.length === 0) throw new Error('no attempt could start');
  drawn.forEach((id, i) => {
    const r = responses[id.replace(/-[ab]$/, '')]!;
    const judged = judge({ check: pool.find((c) => c.id === id)!, response: i < right ? r.right : r.wrong } as AnsweredCheck);
    if (!judged) throw new Error(`${id}: incomplete`);
    s.answerAssessment(judged);
  });
  return s.finishAssessment();
}

const settled = () => new Promise((r) => setTimeout(r, 150));

/** initialized first, terminated last, each defined verb once, completed before passed, and at least `answers` answers between (the order the rules ask). */
function expectCourseStatements(verbsSent: Array<string | undefined>, defined: string[], answers: number) {
  expect(verbsSent[0]).toBe('initialized');
  expect(verbsSent.at(-1)).toBe('terminated');
  expect(verbsSent.filter((v) => v !== 'answered' && v !== 'commented')).toEqual(defined);
  expect(verbsSent.filter((v) => v === 'answered').length).toBeGreaterThanOrEqual(answers);
}

describe('a whole course over cmi5', () => {
  it(requirements('7.1.1.0-1', '9.3.3.0-1', '9.3.4.0-1', '7.1.2.0-1') + ' | initialized, the answers, completed, passed with its score, terminated', async () => {
    const { launched, session } = await open();
    for (const id of allSlides) session.visit(id);
    await answerAll(session);
    await session.flush();
    await settled();
    await session.end();
    expectCourseStatements(verbs(launched.sessionId), ['initialized', 'completed', 'passed', 'terminated'], 4);
    const passed = lms.lrs.statements().find((s) => s.sessionId === launched.sessionId && (s.statement.verb as Json).id === VERBS.passed);
    expect(passed?.statement.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(session.getStatus()).toMatchObject({ saving: 'saved' });
  });

  it(requirements('10.2.4.0-2', '9.3.4.0-2') + ' | the session judges by the LMS\'s mastery score: 75% is no pass where the LMS asks 90%', async () => {
    const { launched, session } = await open({ masteryScore: 0.9 });
    for (const id of allSlides) session.visit(id);
    await answerAll(session, 3);
    await session.flush();
    await settled();
    expect(session.summary().success).toBe('unknown');
    await session.end();
    expectCourseStatements(verbs(launched.sessionId), ['initialized', 'completed', 'terminated'], 4);
  });

  it(requirements('9.3.8.0-2', '9.5.4.1-3') + ' | leaving at once after the last answer: the end sends the score and "terminated" without waiting on the status commit', async () => {
    const { launched, session } = await open();
    for (const id of allSlides) session.visit(id);
    void answerAll(session);
    const ending = session.end();
    // Nothing here awaited before end(): the statements are on their way, keepalive, as on pagehide.
    await ending;
    await settled();
    expectCourseStatements(verbs(launched.sessionId), ['initialized', 'completed', 'passed', 'terminated'], 4);
  });

  it('a relaunch in the registration resumes where the learner was, and the record moves only forward', async () => {
    const first = await open();
    first.session.visit('rct-proposes');
    first.session.writeReflection('where-i-can-be-authentic', 'With my sister.');
    await first.session.end();
    const again = await open({ registration: first.launched.registration });
    expect(again.session.launch).toMatchObject({ entry: 'resume', location: 'rct-proposes' });
    expect(again.session.getState()).toMatchObject({ location: 'rct-proposes', reflections: { 'where-i-can-be-authentic': { text: 'With my sister.' } } });
    await again.session.end();
    expect(verbs(first.launched.sessionId)).toEqual(['initialized', 'commented', 'terminated']);
  });
});
