import { Modal } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen } from './render.tsx';

describe('a dialog’s title bar', () => {
  it('is no second banner landmark beside the page’s, and still names the dialog', async () => {
    renderScreen(
      <Modal opened onClose={() => undefined} title="Attach files">
        <p>Body</p>
      </Modal>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Attach files' });
    expect(dialog.querySelector('header')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});
