/**
 * The parts of the interface's text, named once: every language has one JSON file per part in
 * its folder (i18n/<lng>/<part>.json, the name in kebab case), each file owning its top-level
 * keys (test/renderer/i18n-files.test.ts checks that no two claim the same one and that each
 * folder's files are exactly these parts).
 *
 * A language's `files.ts` re-exports its JSON files under these names. The imports stay static,
 * one line a file, because esbuild (Electron, the database process) and Vite (the renderer) bundle
 * only what they can see; the type checker names any language that lacks a part or has one not
 * listed here. Adding a part: its name here, its JSON file and re-export line in each language.
 */
export const PART_NAMES = [
  'accounts',
  'backups',
  'clocks',
  'codes',
  'common',
  'directories',
  'documents',
  'drafting',
  'integrity',
  'interchange',
  'letters',
  'messages',
  'profiles',
  'register',
  'reports',
  'request',
  'requestForm',
  'requestTabs',
  'search',
  'security',
  'shortcuts',
  'statistics',
  'today',
] as const;

export type PartName = (typeof PART_NAMES)[number];
export type Part = Record<string, unknown>;
export type Translation = Record<string, unknown>;

/** A language's files: every part, and nothing that is not a part. */
type LanguageFiles<F> = Record<PartName, Part> & { [K in Exclude<keyof F, PartName>]: never };

/** One language's parts by name, and all its strings merged (each part owns its keys, so none is lost). */
export function languageParts<F extends LanguageFiles<F>>(
  files: F,
): { PARTS: Record<PartName, Part>; translation: Translation } {
  const PARTS = Object.fromEntries(PART_NAMES.map((name) => [name, files[name]])) as Record<PartName, Part>;
  return { PARTS, translation: Object.assign({}, ...Object.values(PARTS)) as Translation };
}
