import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core in the page under test. The rules run are WCAG 2.0 and 2.1, levels A and AA, and
 * axe's best practices (landmarks, heading order, dialog names, …): a serious or critical
 * finding of either is a defect; moderate and minor ones are reported, not failed on.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** The impacts that fail a screen. */
export const BLOCKING = ['serious', 'critical'] as const;

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** Each offending element: its selector and what axe says is wrong with it. */
  nodes: { target: string; summary: string }[];
}

/** What axe answers, as far as we read it (the page returns plain JSON). */
interface AxeAnswer {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe on the page as it is now (or on the part `include` selects) and answers every
 * violation, whatever its impact. axe is put in the page by evaluating its source: the app's
 * Content-Security-Policy refuses inline <script> elements (addScriptTag), and loosening it
 * for the test (bypassCSP) would test another page than the one people get.
 */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<Violation[]> {
  const present = await page.evaluate('typeof window.axe === "object"');
  if (!present) await page.evaluate(axe.source);
  const runOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  // A string: this file is type-checked without the DOM library, and axe lives in the page.
  const answer = (await page.evaluate(`(async () => {
    const result = await window.axe.run(${options.include ? JSON.stringify(options.include) : 'document'}, ${JSON.stringify(runOptions)});
    ${DROP_FALSE_POSITIVES}
    return result;
  })()`)) as AxeAnswer;
  return answer.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' >>> '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/**
 * The one false positive we drop, in the page, from axe's result. scrollable-region-focusable
 * asks that a scrolling box be reachable by Tab; the list of options under an open combobox (a
 * Select's choices) scrolls, but its options are reached from the focused input with the arrow
 * keys (aria-activedescendant, the WAI-ARIA combobox pattern), and a Tab stop on the list would
 * close it. So a scrolling box is let off when it is in (or holds) the listbox that the focused
 * element controls, and only then.
 */
const DROP_FALSE_POSITIVES = `
  const active = document.activeElement;
  const controlled = active && active.getAttribute('aria-controls');
  const list = controlled && document.getElementById(controlled);
  for (const v of result.violations) {
    if (v.id !== 'scrollable-region-focusable' || !list || list.getAttribute('role') !== 'listbox') continue;
    v.nodes = v.nodes.filter((n) => {
      const box = typeof n.target[0] === 'string' ? document.querySelector(n.target[0]) : null;
      return !(box && (box.contains(list) || list.contains(box)));
    });
  }
  result.violations = result.violations.filter((v) => v.nodes.length > 0);
`;

/** Those that fail a screen. */
export const blocking = (violations: Violation[]): Violation[] =>
  violations.filter((v) => (BLOCKING as readonly string[]).includes(v.impact));

/**
 * The violations as a reader fixes them: one paragraph per rule (impact, rule, what it asks,
 * where to read more), then each offending element with what is wrong with it.
 */
export function formatViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no violation`;
  const lines = [`${where}: ${violations.length} rule(s) violated`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.rule}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 8)) lines.push(`    - ${node.target}\n      ${node.summary}`);
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  }
  return lines.join('\n');
}
