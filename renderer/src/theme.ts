import {
  CloseButton,
  type CloseButtonProps,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Menu,
  ModalHeader,
  type ModalHeaderProps,
  Notification,
  PasswordInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';

/*
 * The Mantine theme, and the colours it gives text so that all of it can be read (WCAG 2.1 AA:
 * a contrast of 4.5:1). Mantine's own shades fall short in light mode: muted text (gray 6,
 * 3.3:1), links and primary buttons (indigo 6 under white, 4.3:1), coloured text (red 6, 3.3:1),
 * and the text of light badges, alerts and buttons in yellow and orange (under 3:1). Rather than
 * pick shades screen by screen, every colour's text, outline and filled shades are replaced by
 * the lightest of its own shades that reads well, or that shade darkened just enough.
 */

/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

function parse(colour: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  const hex = short
    ? short
        .slice(1)
        .map((d) => d + d)
        .join('')
    : /^#([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) throw new Error(`not a #rgb or #rrggbb colour: ${colour}`);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = parse(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The first of `candidates` that reads at MIN_CONTRAST on every one of `backgrounds`; failing
 * all, the last one darkened in small steps until it does.
 */
export function readable(candidates: readonly string[], backgrounds: readonly string[]): string {
  const reads = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= MIN_CONTRAST);
  const found = candidates.find(reads);
  if (found) return found;
  let rgb = parse(candidates.at(-1) ?? '#000000');
  while (!reads(toHex(rgb))) rgb = rgb.map((c) => c * 0.95) as Rgb;
  return toHex(rgb);
}

const WHITE = DEFAULT_THEME.white;
const GRAY = DEFAULT_THEME.colors.gray;

/**
 * The light-mode colour variables that carry text, for each colour of the palette:
 * - text and outline (text coloured `c="red"`, outline buttons and badges): on the page, its
 *   striped, hovered and selected rows (white, gray 0, gray 1, indigo 1);
 * - filled (buttons, filled badges, checked boxes): white text on it;
 * - light-color (light badges, alerts, light and subtle buttons): on the light tint and its
 *   hover (shades 1 and 2).
 */
export function textColours(): Record<string, string> {
  const variables: Record<string, string> = {};
  // The page, striped and hovered rows, and the selected rows' tint (the primary colour's light shade).
  const surfaces = [WHITE, GRAY[0], GRAY[1], DEFAULT_THEME.colors.indigo[1]];
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
    const fromSix = shades.slice(6);
    const text = readable(fromSix, surfaces);
    const filled = readable(fromSix, [WHITE]);
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
    variables[`--mantine-color-${name}-filled`] = filled;
    // Darker than filled, so white still reads on it.
    variables[`--mantine-color-${name}-filled-hover`] = toHex(parse(filled).map((c) => c * 0.88) as Rgb);
    variables[`--mantine-color-${name}-light-color`] = readable(shades.slice(7), [shades[1], shades[2]]);
  }
  return variables;
}

/** Muted text (descriptions, hints, secondary lines) on the page, striped rows and the selected row's tint. */
export const DIMMED = readable([GRAY[6]], [WHITE, GRAY[0], GRAY[1], DEFAULT_THEME.colors.indigo[1]]);

/**
 * The theme in the interface's language: Mantine's icon-only buttons (the close button of every
 * dialog and message, the password fields' eye) have no name of their own, or an English one,
 * so they get the translated one here, once for all of them.
 */
export function themeFor(t: TFunction) {
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'sm',
    fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif',
    components: {
      // CloseButton passes unknown props on to its <button>; its props type does not list them.
      CloseButton: CloseButton.extend({ defaultProps: { 'aria-label': t('app.close') } as Partial<CloseButtonProps> }),
      // Told apart from a dialog's close button: a message can pop up while a dialog is open.
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('app.closeMessage') } },
      }),
      // Without Mantine's empty focus holder inside role="menu" (a menu may hold only its items):
      // an opened menu puts the focus on its first item, as the WAI-ARIA menu button pattern does.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
      // A dialog's title bar drawn as a <div>: Mantine's <header> inside role="dialog" counts as
      // a second banner landmark beside the page's own (axe: landmark-no-duplicate-banner).
      // The header's Box takes `component` though its props type does not list it.
      ModalHeader: ModalHeader.extend({ defaultProps: { component: 'div' } as Partial<ModalHeaderProps> }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('app.showPassword') } },
      }),
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => {
  const colours = textColours();
  return {
    variables: {},
    light: {
      ...colours,
      '--mantine-color-dimmed': DIMMED,
      '--mantine-color-placeholder': DIMMED,
      '--mantine-color-error': colours['--mantine-color-red-text'] ?? '',
      '--mantine-color-anchor': colours['--mantine-color-indigo-text'] ?? '',
    },
    dark: {},
  };
};
