import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { safeFileName } from '../api/document-headers.ts';
import { SHELL_CHOOSE_FILES, SHELL_OPEN_DOCUMENT, SHELL_SAVE_AS, SHELL_SET_LANGUAGE } from '../contract/bridge.ts';
import { apiError, type Envelope } from '../contract/errors.ts';
import { fieldProblems } from '../contract/validate.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { isOwnFrame } from './ipc.ts';

const filters = z
  .array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[\w*]+$/)).max(20) }))
  .max(10)
  .optional();

const chooseOptions = z.strictObject({ title: z.string().max(200), multiple: z.boolean(), filters });
// The default name comes from the page (a document's original name): made a plain file name
// here, so a default can never point outside the folder the dialog opens in.
const saveOptions = z.strictObject({
  title: z.string().max(200),
  defaultName: z.string().max(255).transform(safeFileName),
  filters,
});
const documentId = z.number().int().positive();

/** The native dialogs, as the main process shows them for the window that asked. */
export interface Dialogs {
  open(options: z.infer<typeof chooseOptions>): Promise<string[]>;
  save(options: z.infer<typeof saveOptions>): Promise<string | null>;
}

/**
 * Opens a private read-only copy of a stored document outside MLA Desk (electron/documents.ts),
 * as the person signed in on the asking window (`seat`, its webContents id) may.
 */
export type OpenDocument = (documentId: number, seat: number) => Promise<Envelope<null>>;

/**
 * The shell's own channels: native open and save dialogs for our page only. They answer
 * with paths the person chose, never file contents; bad options get an empty answer.
 */
export function registerShellHandlers(ipc: Pick<IpcMain, 'handle'>, dialogs: Dialogs): void {
  ipc.handle(SHELL_CHOOSE_FILES, async (event: IpcMainInvokeEvent, options: unknown) => {
    const parsed = chooseOptions.safeParse(options);
    if (!isOwnFrame(event.senderFrame) || !parsed.success) return [];
    return dialogs.open(parsed.data);
  });
  ipc.handle(SHELL_SAVE_AS, async (event: IpcMainInvokeEvent, options: unknown) => {
    const parsed = saveOptions.safeParse(options);
    if (!isOwnFrame(event.senderFrame) || !parsed.success) return null;
    return dialogs.save(parsed.data);
  });
}

/** Opening a stored document outside MLA Desk, for our page only, with the id checked. */
export function registerDocumentOpener(ipc: Pick<IpcMain, 'handle'>, openDocument: OpenDocument): void {
  ipc.handle(SHELL_OPEN_DOCUMENT, async (event: IpcMainInvokeEvent, id: unknown): Promise<Envelope<null>> => {
    if (!isOwnFrame(event.senderFrame)) {
      return { ok: false, error: apiError('denied', 'shell.notOurWindow') };
    }
    const parsed = z.object({ documentId }).safeParse({ documentId: id }, { reportInput: true });
    if (!parsed.success) {
      const fields = fieldProblems(parsed.error);
      return { ok: false, error: apiError('invalid_input', 'call.pleaseCheck', { fields: 'documentId' }, fields) };
    }
    return openDocument(parsed.data.documentId, event.sender.id);
  });
}

/** The page's language, for the menu: our page only, one of the six codes, anything else ignored. */
export function registerLanguageFollower(ipc: Pick<IpcMain, 'handle'>, follow: (language: Language) => void): void {
  ipc.handle(SHELL_SET_LANGUAGE, async (event: IpcMainInvokeEvent, language: unknown): Promise<boolean> => {
    if (!isOwnFrame(event.senderFrame) || !isLanguage(language)) return false;
    follow(language);
    return true;
  });
}
