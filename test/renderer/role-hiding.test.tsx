import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../contract/accounts.ts';
import type { Role } from '../../contract/roles.ts';
import { RequestScreen } from '../../renderer/src/screens/RequestScreen.tsx';
import { SessionContext } from '../../renderer/src/session/SessionContext.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const as = (role: Role): SignedInUser => ({
  id: 7,
  username: role,
  displayName: `A ${role}`,
  role,
  authority: null,
  language: 'en',
});

/** The request screen as a signed-in person of `role` sees it. */
function renderAs(role: Role) {
  const session = { user: as(role), idleMinutes: 15, lock: () => undefined, signOut: async () => undefined };
  return renderScreen(
    <SessionContext.Provider value={session}>
      <RequestScreen id={1} today="2026-03-10" />
    </SessionContext.Provider>,
    {
      'requests.get': () =>
        ok(
          detail({
            eventOptions: [
              { type: 'information_requested', needs: ['note'] },
              { type: 'note', needs: ['note'] },
            ],
          }),
        ),
      'documents.list': () => ok([]),
      'correspondence.list': () => ok([]),
    },
  );
}

describe('what a role may not do is not offered (the main process refuses it anyway)', () => {
  it('a clerk gets the moves, every event and the correction of the request', async () => {
    renderAs('clerk');
    await screen.findByRole('heading', { name: 'MLA-IN-2026-00001' });
    expect(screen.getByRole('button', { name: 'Under review' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Record an event' }));
    expect(await screen.findByRole('menuitem', { name: 'Additional information requested' })).toBeInTheDocument();
  });

  it('a prosecutor gets notes and documents only: no moves, no correction, no other event, no log entry', async () => {
    renderAs('prosecutor');
    await screen.findByRole('heading', { name: 'MLA-IN-2026-00001' });
    expect(screen.queryByRole('button', { name: 'Under review' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Record an event' }));
    expect(await screen.findByRole('menuitem', { name: 'Note' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Additional information requested' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('tab', { name: 'Documents' }));
    const documents = await screen.findByRole('region', { name: /Documents of/ });
    expect(within(documents).getByRole('button', { name: 'Attach files…' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Correspondence' }));
    const log = await screen.findByRole('region', { name: /Correspondence of/ });
    expect(within(log).queryByRole('button', { name: /Add/ })).not.toBeInTheDocument();
  });

  it('a manager reads: nothing to move, record, correct or attach', async () => {
    renderAs('manager');
    await screen.findByRole('heading', { name: 'MLA-IN-2026-00001' });
    expect(screen.queryByRole('button', { name: 'Under review' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record an event' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Documents' }));
    const documents = await screen.findByRole('region', { name: /Documents of/ });
    expect(within(documents).queryByRole('button', { name: /Attach/ })).not.toBeInTheDocument();
  });
});
