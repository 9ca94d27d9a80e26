import { Loader, Paper, Popover, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clipSearchText, type SearchHit } from '../../../contract/search.ts';
import { useApi } from '../api/context.tsx';
import { navigate } from '../routing/routes.ts';
import classes from './GlobalSearch.module.css';
import { optionId, SearchResults } from './SearchResults.tsx';
import { autoDir } from '../i18n/Bidi.tsx';
import { errorText } from '../components/error-text.ts';

/** Results appear this long after the last key press, not on every key. */
const DEBOUNCE_MS = 150;
/** One character matches too much to be worth a round trip while typing (Enter still searches the register). */
const MIN_CHARACTERS = 2;
const SHOWN = 10;

/**
 * The search box in the header: results as you type (every request whose references,
 * persons, identifiers, summary or notes match), chosen with the arrow keys and opened with
 * Enter. Enter with nothing chosen shows every match in the register's list, as the box
 * always did. Ctrl/Cmd+F (Find) focuses it through `inputRef`.
 */
export function GlobalSearch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const api = useApi();
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // -1: nothing chosen (Enter searches the register); hits.length: "show every match".
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const searchable = [...debounced].length >= MIN_CHARACTERS;

  const results = useQuery({
    queryKey: ['search.requests', debounced],
    queryFn: () => api.call('search.requests', { text: debounced, limit: SHOWN }),
    enabled: searchable,
    // The previous results stay while the next ones load: the list does not flicker as you type.
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const hits: SearchHit[] = searchable ? (results.data?.hits ?? []) : [];
  const shown = open && searchable && (results.data !== undefined || results.isError);
  const options = hits.length + 1;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const done = () => {
    close();
    setText('');
    inputRef.current?.blur();
  };
  const openHit = (hit: SearchHit) => {
    done();
    navigate({ screen: 'request', id: hit.id });
  };
  const showAll = () => {
    const query = new URLSearchParams();
    if (text.trim() !== '') query.set('text', clipSearchText(text.trim()));
    done();
    navigate({ screen: 'register', query });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const hit = shown ? hits[active] : undefined;
    if (hit) openHit(hit);
    else showAll();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!shown) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Wraps through "nothing chosen" (-1), so the text can be edited again without Escape.
      setActive((i) => ((i + step + 1 + options + 1) % (options + 1)) - 1);
    } else if (e.key === 'Escape') {
      if (shown) close();
      else setText('');
    }
  };

  const status = !shown
    ? ''
    : results.isError
      ? t('search.failed', { message: errorText(t, results.error) })
      : hits.length === 0
        ? t('search.none', { text: debounced })
        : t('search.found', { count: hits.length });

  return (
    <>
      <Popover
        opened={shown}
        onDismiss={close}
        position="bottom-end"
        width={440}
        withRoles={false}
        trapFocus={false}
        returnFocus={false}
        shadow="md"
        // Results replace each other as you type: a fade on each would only blur them.
        transitionProps={{ duration: 0 }}
      >
        <Popover.Target>
          <form role="search" onSubmit={onSubmit}>
            <TextInput
              ref={inputRef}
              aria-label={t('nav.search')}
              placeholder={t('nav.searchPlaceholder')}
              value={text}
              dir={autoDir(text)}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setOpen(true);
                setActive(-1);
              }}
              onFocus={() => setOpen(true)}
              onBlur={close}
              onKeyDown={onKeyDown}
              autoComplete="off"
              spellCheck={false}
              aria-autocomplete="list"
              aria-controls={shown ? listId : undefined}
              aria-activedescendant={shown && active >= 0 ? optionId(listId, active) : undefined}
              aria-describedby={statusId}
              rightSection={
                results.isFetching && searchable ? <Loader size="xs" aria-label={t('search.searching')} /> : null
              }
              w={280}
            />
          </form>
        </Popover.Target>
        <Popover.Dropdown p={4}>
          <Paper>
            {hits.length === 0 ? (
              <Text size="sm" c="dimmed" className={classes.status}>
                {status}
              </Text>
            ) : (
              <SearchResults
                listId={listId}
                hits={hits}
                active={active}
                onHover={setActive}
                onOpen={openHit}
                onShowAll={showAll}
              />
            )}
          </Paper>
        </Popover.Dropdown>
      </Popover>
      {/* Read out by screen readers as results arrive; the list itself is not announced. */}
      <VisuallyHidden id={statusId} aria-live="polite">
        {status}
      </VisuallyHidden>
    </>
  );
}
