import type { ReactNode } from 'react';
import classes from './Bidi.module.css';

/*
 * User data beside the interface's words. Without isolation the Unicode bidi algorithm mixes a
 * Latin reference into the Arabic around it ("2026/0412-B" shown as "B-2026/0412"), or an
 * Arabic name into an English sentence. So data is always isolated: what is left to right by
 * nature in <Ltr>, names and free text (any script) in <Isolate>, which takes its direction
 * from its own first letter.
 */

/** References, identifiers, IP addresses, hashes, e-mail addresses, sign-in names. */
export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className={classes.ltr}>
      {children}
    </bdi>
  );
}

/** Names and free text: their own direction, kept apart from what surrounds them. */
export function Isolate({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

/**
 * For a block (a table cell, a line) holding left-to-right data: laid out left to right, so a
 * reference too long for its column keeps its start and loses its end, yet aligned where the
 * page's lines start.
 */
export const ltrBlock = classes.ltrBlock;

/** The same for a block holding a name or free text in any script: give it dir="auto" too. */
export const autoBlock = classes.autoBlock;

/**
 * A name or other data going into a translated sentence as a plain string (first-strong
 * isolate … pop directional isolate), for where no element can hold it: "Open requests with
 * أحمد as officer" keeps its words in place. Not for accessible names that tests look up.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * For an input of free text or a name: the direction of what is typed (an Arabic name reads
 * right to left in an English screen), and, while it is empty, the page's own direction (an
 * empty field with dir="auto" would fall back to left to right, its caret and placeholder with it).
 */
export function autoDir(value: string | null | undefined): 'auto' | undefined {
  return value ? 'auto' : undefined;
}
