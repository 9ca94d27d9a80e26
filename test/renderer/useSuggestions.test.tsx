import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SuggestField } from '../../contract/directories.ts';
import { useSuggestions } from '../../renderer/src/components/useSuggestions.ts';
import { ok, renderScreen } from './render.tsx';

function Names({ field, country }: { field: SuggestField; country?: string | null }) {
  const names = useSuggestions(field, country);
  return <output aria-label="names">{names.join(' | ')}</output>;
}

describe('useSuggestions', () => {
  it('asks for the counterpart authorities of the chosen country', async () => {
    const { calls } = renderScreen(<Names field="counterpartAuthority" country="FR" />, {
      'directories.suggest': () => ok(['BEPPI', 'Parquet de Paris']),
    });
    expect(await screen.findByText('BEPPI | Parquet de Paris')).toBeInTheDocument();
    expect(calls).toEqual([
      { channel: 'directories.suggest', input: { field: 'counterpartAuthority', country: 'FR' } },
    ]);
  });

  it('leaves the country out for providers, and out while none is chosen', async () => {
    const { calls } = renderScreen(
      <>
        <Names field="serviceProvider" country="US" />
        <Names field="counterpartAuthority" country={null} />
      </>,
      { 'directories.suggest': () => ok(['Meta Platforms']) },
    );
    await waitFor(() => expect(screen.getAllByText('Meta Platforms')).toHaveLength(2));
    expect(calls.map((c) => c.input)).toEqual([{ field: 'serviceProvider' }, { field: 'counterpartAuthority' }]);
  });

  it('offers nothing, without failing the form, when the register cannot answer', async () => {
    const { calls } = renderScreen(<Names field="domesticAuthority" />, {
      'directories.suggest': () => ({ ok: false, error: { code: 'storage', message: 'locked' } }),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('status', { name: 'names' })).toHaveTextContent('');
  });
});
