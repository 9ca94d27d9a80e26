import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Issue 7: every string people read comes from the translation files. This walks the
 * renderer's source with the TypeScript parser and lists every literal a person would read:
 * text between JSX tags, string values of the attributes that are shown or read out (label,
 * title, placeholder, aria-label…), and the same keys in object literals (Select options,
 * notifications). A literal with no letter in it ("—", "×", "·", "(") says nothing in any
 * language and passes. A scan rather than eslint-plugin-i18next: it needs no new package,
 * knows exactly which attributes are visible here, and names what it finds in one list.
 */
const RENDERER = path.resolve(import.meta.dirname, '../../renderer/src');

/** Attributes and object keys whose string value is shown on screen or read by screen readers. */
const VISIBLE = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'alt',
  'description',
  'error',
  'legend',
  'message',
  'confirmLabel',
  'cancelLabel',
  'nothingFoundMessage',
]);

/**
 * Literals that are data, not words, each with its reason. The same in every language, so
 * they are not translations' business.
 */
const ALLOWED: Record<string, string> = {
  'PRE-IN-2026-00001': 'an example reference in the link form: references are the same in every language',
};

const LETTER = /\p{L}/u;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const stringOf = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** The visible literals of one file, as "file:line: text". */
export function literalsIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const shown = value.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(shown) || ALLOWED[shown] !== undefined) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${path.relative(RENDERER, file)}:${line + 1}: ${shown}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      // {'words'} or {`words ${x}`} between tags.
      const literal = stringOf(node.expression);
      if (literal !== null) report(node, literal);
      if (node.expression && ts.isTemplateExpression(node.expression)) {
        report(
          node,
          [node.expression.head.text, ...node.expression.templateSpans.map((s) => s.literal.text)].join(' '),
        );
      }
    } else if (ts.isJsxAttribute(node) && VISIBLE.has(node.name.getText(source))) {
      const init = node.initializer;
      const literal = init && ts.isJsxExpression(init) ? stringOf(init.expression) : stringOf(init);
      if (literal !== null) report(node, literal);
    } else if (ts.isPropertyAssignment(node) && VISIBLE.has(node.name.getText(source).replace(/['"]/g, ''))) {
      const literal = stringOf(node.initializer);
      if (literal !== null) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the renderer’s visible strings', () => {
  it('all come from the translation files', () => {
    const found = sourceFiles(RENDERER).flatMap(literalsIn);
    expect(found, `${found.length} literal string(s) people would read:\n${found.join('\n')}`).toEqual([]);
  });

  it('would be caught: the scan finds literals in tags, attributes and options', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'literal-scan-'));
    try {
      const file = path.join(dir, 'Sample.tsx');
      fs.writeFileSync(
        file,
        [
          'export const A = () => <p title="Hover text">Hello {"there"} — {count}</p>;',
          'export const B = () => <input aria-label={`Search`} placeholder="PRE-IN-2026-00001" />;',
          "export const options = [{ value: 'x', label: 'Ex' }];",
          'export const C = () => <span>× · ( ) {t("ok")}</span>;',
        ].join('\n'),
      );
      expect(literalsIn(file).map((l) => l.replace(/^.*Sample\.tsx:/, ''))).toEqual([
        '1: Hover text',
        '1: Hello',
        '1: there',
        '2: Search',
        '3: Ex',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
