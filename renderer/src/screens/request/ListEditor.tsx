import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<T> {
  items: T[];
  onChange(items: T[]): void;
  newItem: T;
  empty: string;
  addLabel: string;
  /** Accessible names, by the item's place in the list (1-based). */
  itemLabel(n: number): string;
  removeLabel(n: number): string;
  /** The fields of one item; `set` merges a change into it. */
  renderItem(item: T, index: number, set: (patch: Partial<T>) => void): ReactNode;
}

/** A list the clerk edits in place: one card per item, added and removed without a dialog. */
export function ListEditor<T>({
  items,
  onChange,
  newItem,
  empty,
  addLabel,
  itemLabel,
  removeLabel,
  renderItem,
}: Props<T>) {
  const set = (index: number) => (patch: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="sm">
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
      {items.map((item, i) => (
        <Paper key={i} withBorder p="sm" role="group" aria-label={itemLabel(i + 1)}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{renderItem(item, i, set(i))}</SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={removeLabel(i + 1)}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...items, newItem])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
