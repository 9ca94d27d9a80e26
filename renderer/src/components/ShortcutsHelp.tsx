import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowShortcuts } from '../routing/shortcuts.ts';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Each shortcut as the keys to press; several entries are alternatives. */
function shortcuts(mod: string): { action: string; keys: string[][] }[] {
  return [
    { action: 'shortcuts.newRequest', keys: [[mod, 'N']] },
    { action: 'shortcuts.find', keys: [[mod, 'F']] },
    { action: 'shortcuts.save', keys: [[mod, 'S']] },
    { action: 'shortcuts.today', keys: [[mod, '1']] },
    { action: 'shortcuts.register', keys: [[mod, 'Shift', 'R']] },
    { action: 'shortcuts.help', keys: [['?'], ['F1']] },
  ];
}

/** Keys of the register list (RegisterTable) and of the search box's results (GlobalSearch). */
const LIST_KEYS: { action: string; keys: string[][] }[] = [
  { action: 'shortcuts.list.move', keys: [['↑'], ['↓']] },
  { action: 'shortcuts.list.page', keys: [['Page Up'], ['Page Down']] },
  { action: 'shortcuts.list.ends', keys: [['Home'], ['End']] },
  { action: 'shortcuts.list.open', keys: [['Enter']] },
  { action: 'shortcuts.list.select', keys: [['Space']] },
];

function KeysTable({ label, rows }: { label: string; rows: { action: string; keys: string[][] }[] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={label}>
      <Table.Tbody>
        {rows.map(({ action, keys }) => (
          <Table.Tr key={action}>
            <Table.Th scope="row" fw={400}>
              {t(action)}
            </Table.Th>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {keys.map((combo, i) => (
                  <Fragment key={combo.join('+')}>
                    {i > 0 && (
                      <Text span size="sm" c="dimmed">
                        {t('shortcuts.or')}
                      </Text>
                    )}
                    {combo.map((key, j) => (
                      <Fragment key={key}>
                        {j > 0 && '+'}
                        <Kbd>{key}</Kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The shortcut list, opened by "?", F1 or Help > Keyboard shortcuts (screens.md asks for one). */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useShowShortcuts(() => setOpened(true));
  const mod = isMac() ? '⌘' : 'Ctrl';
  return (
    <Modal
      opened={opened}
      onClose={() => setOpened(false)}
      title={t('shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('shortcuts.close') }}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('shortcuts.intro')}
      </Text>
      <KeysTable label={t('shortcuts.title')} rows={shortcuts(mod)} />
      <Text size="sm" fw={600} mt="md" mb="xs">
        {t('shortcuts.list.title')}
      </Text>
      <KeysTable label={t('shortcuts.list.title')} rows={LIST_KEYS} />
    </Modal>
  );
}
