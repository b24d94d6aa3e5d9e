import { describe, expect, it } from 'vitest';
import { deckMayHandleKey, widgetOwnsKey } from '../../../../src/modes/present/runtime/keys';

const el = (tagName: string, attrs: Record<string, string> = {}, isContentEditable = false) => ({
  tagName,
  isContentEditable,
  getAttribute: (name: string) => attrs[name] ?? null,
});

describe('widgetOwnsKey', () => {
  it('gives Space and Enter on a button to the button', () => {
    expect(widgetOwnsKey(' ', el('BUTTON'))).toBe(true);
    expect(widgetOwnsKey('Enter', el('button'))).toBe(true);
    expect(widgetOwnsKey(' ', el('DIV', { role: 'button' }))).toBe(true);
  });

  it('leaves navigation keys on a button to the deck', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'n', 'o', 'Escape', 's'])
      expect(widgetOwnsKey(key, el('BUTTON'))).toBe(false);
  });

  it('gives every key to text entry and selects', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(widgetOwnsKey('ArrowRight', el(tag))).toBe(true);
    expect(widgetOwnsKey('n', el('DIV', {}, true))).toBe(true);
  });

  it('gives Enter, not Space, on a link to the link', () => {
    expect(widgetOwnsKey('Enter', el('A', { href: 'x.html' }))).toBe(true);
    expect(widgetOwnsKey(' ', el('A', { href: 'x.html' }))).toBe(false);
    expect(widgetOwnsKey('Enter', el('A'))).toBe(false);
  });

  it('leaves keys on the page body, and forwarded keys without a target, to the deck', () => {
    expect(widgetOwnsKey(' ', el('BODY'))).toBe(false);
    expect(widgetOwnsKey(undefined, undefined)).toBe(false);
    expect(widgetOwnsKey(' ', null)).toBe(false);
  });
});

describe('deckMayHandleKey (reveal keyboardCondition)', () => {
  it('is false exactly when the focused widget owns the key', () => {
    expect(deckMayHandleKey({ key: ' ', target: el('BUTTON') })).toBe(false);
    expect(deckMayHandleKey({ key: 'ArrowRight', target: el('BUTTON') })).toBe(true);
    // The speaker view forwards keys as { keyCode } only.
    expect(deckMayHandleKey({})).toBe(true);
  });
});
