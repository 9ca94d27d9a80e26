import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AUDIT_BREAK_REASONS, type AuditBreak, type AuditChainReport } from '../../contract/audit-chain.ts';
import { IntegrityWarning } from '../../renderer/src/components/IntegrityWarning.tsx';
import { ok, renderScreen } from './render.tsx';

const INTACT: AuditChainReport = { ok: true, entries: 12, head: 'a'.repeat(64), legacyThrough: 0 };

function broken(firstBroken: Omit<AuditBreak, 'message'>): AuditChainReport {
  return { ...INTACT, ok: false, firstBroken: { ...firstBroken, message: 'in English for the logs' } };
}

/** Lets the answer of the fake API reach the screen. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

function renderWarning(report: AuditChainReport) {
  return renderScreen(<IntegrityWarning />, { 'app.integrity': () => ok(report) });
}

describe('IntegrityWarning', () => {
  it('shows nothing while the chain is intact', async () => {
    const { calls } = renderWarning(INTACT);
    await waitFor(() => expect(calls.map((c) => c.channel)).toEqual(['app.integrity']));
    await settle();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns, naming the first broken entry, with what to do and no way to dismiss it', async () => {
    renderWarning(broken({ id: 7, reason: 'content_changed' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The audit log fails its integrity check');
    expect(alert).toHaveTextContent('Entry 7 of the audit log was changed after it was written.');
    expect(alert).toHaveTextContent(/tell your administrator/);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('names one missing entry or a run of them', async () => {
    const one = renderWarning(broken({ id: 4, through: 4, reason: 'missing' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Entry 4 of the audit log is missing: it was deleted.');
    one.unmount();
    renderWarning(broken({ id: 9, through: 11, reason: 'missing_at_end' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The newest entries of the audit log, 9 to 11, are missing: they were deleted.',
    );
  });

  it.each(AUDIT_BREAK_REASONS)('has an English sentence for %s', async (reason) => {
    renderWarning(broken({ id: 3, through: 5, reason }));
    const alert = await screen.findByRole('alert');
    expect(alert).not.toHaveTextContent('integrity.');
    expect(alert).not.toHaveTextContent('in English for the logs');
  });

  it('says so when the check itself failed, but not when the caller may not ask', async () => {
    const failed = renderScreen(<IntegrityWarning />, {
      'app.integrity': () => ({ ok: false, error: { code: 'storage', message: 'The register could not be read.' } }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The audit log could not be checked: The register could not be read.',
    );
    failed.unmount();
    const { calls } = renderScreen(<IntegrityWarning />, {
      'app.integrity': () => ({ ok: false, error: { code: 'denied', message: 'No.' } }),
    });
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await settle();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
