import { Button, Collapse, Group, Select, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, ICCS_SECTIONS, KINDS, LEGAL_BASES, STATUSES, URGENCIES } from '../../../../contract/codes.ts';
import { DUE } from '../../../../contract/requests.ts';
import type { SavedQuery } from '../../../../contract/views.ts';
import { useCodeOptions, useCountryOptions } from '../../components/options.ts';
import { useFacets } from './facets.ts';
import type { ValidSavedQuery } from './url.ts';
import { autoDir } from '../../i18n/Bidi.tsx';

type Patch = Partial<Record<keyof SavedQuery, string | null>>;

interface Props {
  query: ValidSavedQuery;
  onChange(patch: Patch): void;
}

/** Filters beyond the first row, shown on demand (and whenever one of them is set). */
const MORE: readonly (keyof SavedQuery)[] = [
  'legalBasis',
  'offence',
  'urgency',
  'assignedTo',
  'domesticAuthority',
  'openedFrom',
  'openedTo',
];

/** The quick search waits for a pause in typing before it asks the register. */
function SearchBox({ value, onSearch }: { value: string; onSearch(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // The address changed from elsewhere (the header's search box, a saved view): show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => search.current(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <TextInput
      type="search"
      label={t('register.search')}
      placeholder={t('register.searchPlaceholder')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      dir={autoDir(text)}
      w={300}
    />
  );
}

export function Filters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const facets = useFacets();
  const [more, setMore] = useState(() => MORE.some((k) => query[k] !== undefined));
  const directionOptions = useCodeOptions('direction', DIRECTIONS);
  const kindOptions = useCodeOptions('kind', KINDS);
  const statusOptions = useCodeOptions('status', STATUSES);
  const countryOptions = useCountryOptions();
  const legalBasisOptions = useCodeOptions('legalBasis', LEGAL_BASES);
  const urgencyOptions = useCodeOptions('urgency', URGENCIES);
  const iccs = useCodeOptions('iccs', ICCS_SECTIONS);
  const offenceOptions = useMemo(() => iccs.map((o) => ({ ...o, label: `${o.value} ${o.label}` })), [iccs]);
  const dueOptions = DUE.map((d) => ({ value: d, label: t(`register.dueOptions.${d}`) }));
  const select = (key: keyof SavedQuery) => ({
    value: (query[key] as string | undefined) ?? null,
    onChange: (v: string | null) => onChange({ [key]: v }),
    clearable: true,
  });
  const date = (key: 'openedFrom' | 'openedTo') => ({
    type: 'date',
    value: query[key] ?? '',
    onChange: (e: { currentTarget: HTMLInputElement }) => onChange({ [key]: e.currentTarget.value || null }),
    w: 160,
  });

  return (
    <div role="group" aria-label={t('register.filters')}>
      <Group gap="sm" align="end">
        <SearchBox value={query.text ?? ''} onSearch={(text) => onChange({ text: text || null })} />
        <Select
          label={t('form.direction')}
          placeholder={t('register.anyDirection')}
          data={directionOptions}
          {...select('direction')}
          w={140}
        />
        <Select
          label={t('form.kind')}
          placeholder={t('register.anyKind')}
          data={kindOptions}
          {...select('kind')}
          w={200}
        />
        <Select
          label={t('register.state')}
          data={[
            { value: 'all', label: t('register.stateAll') },
            { value: 'open', label: t('register.stateOpen') },
            { value: 'closed', label: t('register.stateClosed') },
          ]}
          value={query.state}
          onChange={(v) => onChange({ state: v })}
          allowDeselect={false}
          w={110}
        />
        <Select
          label={t('register.status')}
          placeholder={t('register.anyStatus')}
          data={statusOptions}
          {...select('status')}
          w={180}
        />
        <Select
          label={t('register.country')}
          placeholder={t('register.anyCountry')}
          data={countryOptions}
          {...select('counterpartCountry')}
          searchable
          w={220}
        />
        <Select
          label={t('register.due')}
          placeholder={t('register.anyDue')}
          data={dueOptions}
          {...select('due')}
          w={270}
        />
        <Button variant="subtle" onClick={() => setMore((m) => !m)} aria-expanded={more}>
          {more ? t('register.fewerFilters') : t('register.moreFilters')}
        </Button>
      </Group>
      <Collapse expanded={more}>
        <Group gap="sm" align="end" mt="sm">
          <Select
            label={t('register.legalBasis')}
            placeholder={t('register.anyLegalBasis')}
            data={legalBasisOptions}
            {...select('legalBasis')}
            w={260}
          />
          <Select
            label={t('register.offence')}
            placeholder={t('register.anyOffence')}
            data={offenceOptions}
            {...select('offence')}
            searchable
            w={300}
          />
          <Select
            label={t('register.urgency')}
            placeholder={t('register.anyUrgency')}
            data={urgencyOptions}
            {...select('urgency')}
            w={130}
          />
          <Select
            label={t('register.officer')}
            placeholder={t('register.anyOfficer')}
            data={facets.data?.officers ?? []}
            {...select('assignedTo')}
            searchable
            w={200}
          />
          <Select
            label={t('register.domesticAuthority')}
            placeholder={t('register.anyDomesticAuthority')}
            data={facets.data?.domesticAuthorities ?? []}
            {...select('domesticAuthority')}
            searchable
            w={240}
          />
          <TextInput label={t('register.openedFrom')} {...date('openedFrom')} />
          <TextInput label={t('register.openedTo')} {...date('openedTo')} />
        </Group>
      </Collapse>
    </div>
  );
}
