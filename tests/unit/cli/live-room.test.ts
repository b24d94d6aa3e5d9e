/**
 * Live answers, without sockets: the messages (src/modes/audience/protocol.ts)
 * and a room's counting (src/cli/live/room.ts): one answer per question per
 * device, only while the question is on screen and open, only well-formed.
 */
import { describe, expect, it } from 'vitest';
import { newRoomCode, Room } from '../../../src/cli/live/room.ts';
import { answerFromKey, answerKey, isValidAnswer, parseToServer, ROOM_ALPHABET, ROOM_LENGTH, type AudiencePoll } from '../../../src/modes/audience/protocol.ts';

const one: AudiencePoll = { id: 'q1', kind: 'one', prompt: 'Which?', instruction: 'Pick one', choices: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }] };
const many: AudiencePoll = { ...one, id: 'q2', kind: 'many', choices: [...one.choices, { key: 'C', text: 'c' }] };
const match: AudiencePoll = { ...one, id: 'q3', kind: 'match', items: [{ key: '1', text: 'x' }, { key: '2', text: 'y' }, { key: '3', text: 'z' }] };
const order: AudiencePoll = { ...many, id: 'q4', kind: 'order' };

describe('answers', () => {
  it('accepts exactly the complete answers of each kind', () => {
    expect(isValidAnswer(one, ['A'])).toBe(true);
    expect(isValidAnswer(one, ['A', 'B'])).toBe(false);
    expect(isValidAnswer(one, ['Z'])).toBe(false);
    expect(isValidAnswer(one, [])).toBe(false);
    expect(isValidAnswer(many, ['A', 'C'])).toBe(true);
    expect(isValidAnswer(many, ['C', 'A'])).toBe(false); // sorted, so one answer has one key
    expect(isValidAnswer(many, ['A', 'A'])).toBe(false);
    expect(isValidAnswer(match, ['A', 'B', 'A'])).toBe(true);
    expect(isValidAnswer(match, ['A', 'B'])).toBe(false);
    expect(isValidAnswer(order, ['C', 'A', 'B'])).toBe(true);
    expect(isValidAnswer(order, ['C', 'A', 'A'])).toBe(false);
    expect(isValidAnswer(one, 'A')).toBe(false);
    expect(isValidAnswer(one, [1])).toBe(false);
  });

  it('keys answers so that counting them is counting strings, and reads them back', () => {
    expect(answerKey('many', ['A', 'C'])).toBe('A,C');
    expect(answerKey('match', ['A', 'B', 'A'])).toBe('A|B|A');
    expect(answerFromKey('order', 'C>A>B')).toEqual(['C', 'A', 'B']);
  });
});

describe('messages', () => {
  it('parses what clients may send and nothing else', () => {
    expect(parseToServer('{"t":"hello","role":"audience","room":"AB12","device":"d"}')).toEqual({ t: 'hello', role: 'audience', room: 'AB12', device: 'd' });
    expect(parseToServer('{"t":"vote","poll":"q1","answer":["A"]}')).toEqual({ t: 'vote', poll: 'q1', answer: ['A'] });
    expect(parseToServer(JSON.stringify({ t: 'slide', slide: { title: 'T', text: ['a'] }, poll: one, open: true }))?.t).toBe('slide');
    for (const bad of ['nope', '[]', '{"t":"hello","role":"admin"}', '{"t":"slide","slide":null,"poll":{"id":1},"open":true}', '{"t":"vote","poll":"q1"}', '{"t":"other"}'])
      expect(parseToServer(bad), bad).toBeNull();
  });
});

describe('a room', () => {
  it('has a short code read off a slide, from letters that cannot be confused', () => {
    for (let i = 0; i < 50; i++) {
      const code = newRoomCode();
      expect(code).toHaveLength(ROOM_LENGTH);
      for (const c of code) expect(ROOM_ALPHABET).toContain(c);
    }
    expect(ROOM_ALPHABET).not.toMatch(/[01OIL]/);
    const room = new Room('K7QF', 'key');
    expect(room.admits('k7qf')).toBe(true);
    expect(room.admits(' K7 QF ')).toBe(true);
    expect(room.admits('K7QG')).toBe(false);
  });

  it('counts one answer per device per question, while it is open', () => {
    const room = new Room('K7QF', 'key');
    expect(room.vote('d1', 'q1', ['A'])).toBe('closed'); // nothing on screen
    room.show({ slide: null, poll: one, open: true });
    expect(room.vote('d1', 'q1', ['A'])).toBe('accepted');
    expect(room.vote('d2', 'q1', ['B'])).toBe('accepted');
    expect(room.vote('d1', 'q1', ['B'])).toBe('duplicate');
    expect(room.vote('d3', 'q1', ['B'], true)).toBe('duplicate'); // same connection, new id
    expect(room.vote('d3', 'q1', ['Z'])).toBe('invalid');
    expect(room.vote('d3', 'q2', ['A'])).toBe('closed'); // not the question on screen
    expect(room.tally('q1')).toEqual({ poll: 'q1', total: 2, counts: { A: 1, B: 1 } });
    expect(room.hasAnswered('q1', 'd1')).toBe(true);
    room.show({ slide: null, poll: one, open: false }); // the answer is shown
    expect(room.vote('d3', 'q1', ['A'])).toBe('closed');
    expect(room.tally('q1').total).toBe(2);
  });
});
