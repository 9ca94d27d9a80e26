import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, DIMMED, MIN_CONTRAST, readable, textColours } from '../../renderer/src/theme.ts';

const WHITE = '#ffffff';
const { gray, indigo } = DEFAULT_THEME.colors;

describe('the theme’s text colours read at WCAG AA (4.5:1)', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', WHITE)).toBeCloseTo(21, 5);
    expect(contrast(WHITE, WHITE)).toBe(1);
    // Mantine's muted grey, the reason for all this.
    expect(contrast(gray[6], WHITE)).toBeCloseTo(3.32, 2);
  });

  it('keeps the first shade that reads, or darkens the last until it does', () => {
    expect(readable([gray[6], gray[7]], [WHITE])).toBe(gray[7]);
    const yellow = readable([DEFAULT_THEME.colors.yellow[9]], [WHITE]);
    expect(yellow).not.toBe(DEFAULT_THEME.colors.yellow[9]);
    expect(contrast(yellow, WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('gives every colour text, outline, filled and light shades that read where Mantine draws them', () => {
    const variables = textColours();
    const problems: string[] = [];
    const need = (name: string, backgrounds: string[]) => {
      const colour = variables[name];
      if (!colour) {
        problems.push(`${name}: missing`);
        return;
      }
      for (const bg of backgrounds) {
        const ratio = contrast(colour, bg);
        if (ratio < MIN_CONTRAST) problems.push(`${name} ${colour} on ${bg}: ${ratio.toFixed(2)}`);
      }
    };
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      need(`--mantine-color-${name}-text`, [WHITE, gray[0], gray[1], indigo[1]]);
      need(`--mantine-color-${name}-outline`, [WHITE, gray[0]]);
      need(`--mantine-color-${name}-filled`, [WHITE]);
      need(`--mantine-color-${name}-filled-hover`, [WHITE]);
      need(`--mantine-color-${name}-light-color`, [shades[1], shades[2]]);
    }
    expect(problems).toEqual([]);
  });

  it('mutes text with a grey that still reads on the page, striped rows and selected rows', () => {
    for (const bg of [WHITE, gray[0], gray[1], indigo[1]]) {
      expect(contrast(DIMMED, bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});
