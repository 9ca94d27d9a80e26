import { notifications } from '@mantine/notifications';
import type { FileFilter } from '../../../../contract/bridge.ts';
import type { FileTarget, WrittenFile } from '../../../../contract/files.ts';
import { chooseTarget, deliver } from '../../api/files.ts';

const FILTERS: Record<'csv' | 'xlsx' | 'pdf', FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/**
 * Asks where a file goes (a save dialog on the desktop, a download in the browser), has the
 * register write it there, and hands it over. False when the person cancelled.
 */
export async function produceFile(options: {
  title: string;
  name: string;
  format: keyof typeof FILTERS;
  write(target: FileTarget): Promise<WrittenFile>;
  done(written: WrittenFile): string;
}): Promise<boolean> {
  const target = await chooseTarget({
    title: options.title,
    defaultName: `${options.name}.${options.format}`,
    filters: [FILTERS[options.format]],
  });
  if (!target) return false;
  const written = await options.write(target);
  await deliver(written);
  notifications.show({ message: options.done(written), color: 'green' });
  return true;
}
