import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../contract/search.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Ltr } from '../i18n/Bidi.tsx';
import classes from './GlobalSearch.module.css';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

interface Props {
  listId: string;
  hits: SearchHit[];
  /** The highlighted option: a hit's index, or hits.length for "show every match". */
  active: number;
  onHover(index: number): void;
  onOpen(hit: SearchHit): void;
  onShowAll(): void;
}

/**
 * The results under the search box: a listbox whose options the input points at with
 * aria-activedescendant, so focus stays in the box while the arrow keys move through them.
 * Options are chosen on mouse down (prevented) so the box does not lose focus first.
 */
export function SearchResults({ listId, hits, active, onHover, onOpen, onShowAll }: Props) {
  const { t } = useTranslation();
  return (
    <div role="listbox" id={listId} aria-label={t('search.results')} className={classes.list}>
      {hits.map((hit, i) => (
        <div
          key={hit.id}
          id={optionId(listId, i)}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          className={classes.option}
          onMouseDown={(e) => {
            e.preventDefault();
            onOpen(hit);
          }}
          onMouseEnter={() => onHover(i)}
        >
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text fw={600} size="sm">
              <Ltr>{hit.reference}</Ltr>
            </Text>
            <StatusBadge status={hit.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('search.in', { field: t(`search.field.${hit.field}`) })}
          </Text>
          {/* dir="auto": an Arabic name reads right to left inside an English page. */}
          <Text size="sm" dir="auto" className={classes.snippet}>
            {hit.snippet.map((part, j) =>
              part.hit ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>,
            )}
          </Text>
        </div>
      ))}
      <div
        id={optionId(listId, hits.length)}
        role="option"
        tabIndex={-1}
        aria-selected={active === hits.length}
        className={`${classes.option} ${classes.showAll}`}
        onMouseDown={(e) => {
          e.preventDefault();
          onShowAll();
        }}
        onMouseEnter={() => onHover(hits.length)}
      >
        <Text size="sm">{t('search.showAll')}</Text>
      </div>
    </div>
  );
}
