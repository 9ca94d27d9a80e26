import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

interface Props<T> {
  items: T[];
  onChange(items: T[]): void;
  newItem: T;
  empty: string;
  addLabel: string;
  /** The add button's id, so a link elsewhere (the completeness panel) can bring the keyboard to the list. */
  addId?: string | undefined;
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
  addId,
  itemLabel,
  removeLabel,
  renderItem,
}: Props<T>) {
  const set = (index: number) => (patch: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  // The keyboard follows the list: into the first field of an item just added, and back to the
  // add button when an item is removed (its remove button goes with it).
  const list = useRef<HTMLDivElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (added.current === null) return;
    const item = list.current?.querySelectorAll<HTMLElement>('[data-list-item]')[added.current];
    added.current = null;
    item?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea')?.focus();
  }, [items.length]);
  return (
    <Stack gap="sm" ref={list}>
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
      {items.map((item, i) => (
        <Paper key={i} withBorder p="sm" role="group" aria-label={itemLabel(i + 1)} data-list-item>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{renderItem(item, i, set(i))}</SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={removeLabel(i + 1)}
              onClick={() => {
                add.current?.focus();
                onChange(items.filter((_, j) => j !== i));
              }}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          ref={add}
          id={addId}
          variant="light"
          onClick={() => {
            added.current = items.length;
            onChange([...items, newItem]);
          }}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
