import { Button, Group, Menu, Modal, TextInput } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MAIN_ID, SkipLink } from '../../renderer/src/components/SkipLink.tsx';
import { openerOf, returnTarget, useReturnFocus } from '../../renderer/src/components/useReturnFocus.ts';
import { ListEditor } from '../../renderer/src/screens/request/ListEditor.tsx';
import { renderScreen } from './render.tsx';

describe('the skip link', () => {
  function Page() {
    return (
      <>
        <SkipLink />
        <header>
          <button type="button">Search</button>
        </header>
        <main id={MAIN_ID} tabIndex={-1}>
          <button type="button">First in main</button>
        </main>
      </>
    );
  }

  it('is the first thing Tab reaches, and Enter takes the focus to the main content', async () => {
    window.location.hash = '#/register';
    renderScreen(<Page />);
    await userEvent.tab();
    const link = screen.getByRole('link', { name: 'Skip to main content' });
    expect(link).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    // The fragment is the app's route: the link leaves it alone.
    expect(window.location.hash).toBe('#/register');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'First in main' })).toHaveFocus();
  });
});

/** A dialog mounted only while open, as most of the app's are. */
function Dialog({ onClose }: { onClose(): void }) {
  useReturnFocus();
  return (
    <Modal opened onClose={onClose} title="A dialog">
      <Button onClick={onClose} data-autofocus>
        Done
      </Button>
    </Modal>
  );
}

describe('a dialog gives the focus back when it closes', () => {
  it('to the button that opened it', async () => {
    function Screen() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Button onClick={() => setOpen(true)}>Open</Button>
          {open && <Dialog onClose={() => setOpen(false)} />}
        </>
      );
    }
    renderScreen(<Screen />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'A dialog' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('to the menu’s button when a menu item opened it', async () => {
    function Screen() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Menu>
            <Menu.Target>
              <Button>Actions</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setOpen(true)}>Record a note</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {open && <Dialog onClose={() => setOpen(false)} />}
        </>
      );
    }
    renderScreen(<Screen />);
    const actions = screen.getByRole('button', { name: 'Actions' });
    actions.focus();
    await userEvent.keyboard('{Enter}');
    const item = await screen.findByRole('menuitem', { name: 'Record a note' });
    item.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'A dialog' });
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(actions).toHaveFocus());
  });

  it('to the first control around it when what opened it is gone (a status button after the move)', async () => {
    function Screen() {
      const [status, setStatus] = useState<'registered' | 'under review'>('registered');
      const [open, setOpen] = useState(false);
      return (
        <Group role="group" aria-label="Next steps">
          {status === 'registered' && <Button onClick={() => setOpen(true)}>Under review</Button>}
          <Button>Withdrawn</Button>
          {open && (
            <Dialog
              onClose={() => {
                setStatus('under review');
                setOpen(false);
              }}
            />
          )}
        </Group>
      );
    }
    renderScreen(<Screen />);
    screen.getByRole('button', { name: 'Under review' }).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Withdrawn' })).toHaveFocus());
  });

  it('not at all when the focus has gone somewhere on purpose meanwhile', async () => {
    function Screen() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Button onClick={() => setOpen(true)}>Open</Button>
          <input aria-label="Elsewhere" />
          {open && (
            <Dialog
              onClose={() => {
                setOpen(false);
                screen.getByRole('textbox', { name: 'Elsewhere' }).focus();
              }}
            />
          )}
        </>
      );
    }
    renderScreen(<Screen />);
    screen.getByRole('button', { name: 'Open' }).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });
});

describe('openerOf and returnTarget', () => {
  it('take nobody when the page itself had the focus', () => {
    expect(openerOf(document.body)).toBeNull();
    expect(openerOf(null)).toBeNull();
    expect(returnTarget([])).toBeNull();
  });
});

describe('a list edited in place (persons, identifiers)', () => {
  function People() {
    const [people, setPeople] = useState<{ name: string }[]>([{ name: 'Anna' }]);
    return (
      <ListEditor
        items={people}
        onChange={setPeople}
        newItem={{ name: '' }}
        empty="Nobody yet"
        addLabel="Add a person"
        itemLabel={(n) => `Person ${n}`}
        removeLabel={(n) => `Remove person ${n}`}
        renderItem={(person, i, set) => (
          <TextInput
            label={`Name ${i + 1}`}
            value={person.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
        )}
      />
    );
  }

  it('takes the keyboard into the new item, and back to the add button when one is removed', async () => {
    renderScreen(<People />);
    const add = screen.getByRole('button', { name: 'Add a person' });
    add.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name 2' })).toHaveFocus());
    await userEvent.keyboard('Jean');
    expect(screen.getByRole('textbox', { name: 'Name 2' })).toHaveValue('Jean');
    screen.getByRole('button', { name: 'Remove person 1' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('group', { name: 'Person 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a person' })).toHaveFocus();
  });
});
