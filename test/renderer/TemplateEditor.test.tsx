import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../contract/errors.ts';
import { TemplateEditor } from '../../renderer/src/screens/settings/letters/TemplateEditor.tsx';
import { ok, renderScreen } from './render.tsx';

const STORED = {
  code: 'reminder',
  language: 'en',
  source: 'default',
  body: '# Reminder\nOur reference: {{ request.reference }}',
  defaultBody: '# Reminder\nOur reference: {{ request.reference }}',
  updatedAt: null,
  updatedBy: null,
  fields: ['today', 'request.reference'],
};

const PROBLEM = { line: 2, column: 19, detail: 'request.refrence' };
const refused: Envelope<unknown> = {
  ok: false,
  error: {
    code: 'invalid_input',
    message: 'The template was not saved: there is a problem at line 2, column 19.',
    key: 'letter.templateRefused',
    params: PROBLEM,
    fields: [
      {
        field: 'body',
        message: "line 2, column 19: a letter's data has no field request.refrence",
        key: 'letter.problem.unknownField',
        params: PROBLEM,
      },
    ],
  },
};

describe('the letter template editor', () => {
  it('shows the register’s refusal under the text, with its line and column, and puts the caret there', async () => {
    const user = userEvent.setup();
    const { calls } = renderScreen(<TemplateEditor code="reminder" language="en" onClose={() => undefined} />, {
      'letters.template': () => ok(STORED),
      'letters.saveTemplate': () => refused,
    });
    const editor = await screen.findByRole('textbox', { name: 'Template text' });
    await user.clear(editor);
    await user.type(editor, '# Reminder{enter}Our reference: {{{{ request.refrence }}');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("line 2, column 19: a letter's data has no field request.refrence");
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    // Line 2 starts after "# Reminder\n" (11 characters); column 19 is the 19th of that line.
    await waitFor(() => expect((editor as HTMLTextAreaElement).selectionStart).toBe(11 + 18));
    expect(calls.find((c) => c.channel === 'letters.saveTemplate')?.input).toEqual({
      code: 'reminder',
      language: 'en',
      body: '# Reminder\nOur reference: {{ request.refrence }}',
    });
  });

  it('previews the text against a request found by its reference, and offers no restore of a default', async () => {
    const user = userEvent.setup();
    const { calls } = renderScreen(<TemplateEditor code="reminder" language="en" onClose={() => undefined} />, {
      'letters.template': () => ok(STORED),
      'requests.list': () => ok({ rows: [{ id: 7, reference: 'MLA-OUT-2026-00007' }], total: 1 }),
      'letters.previewTemplate': () =>
        ok({
          code: 'reminder',
          language: 'en',
          direction: 'ltr',
          fallback: false,
          letterhead: { officeName: 'Central Authority', addressLines: [], phone: null, email: null, logo: null },
          blocks: [
            { type: 'title', lines: ['Reminder'] },
            { type: 'paragraph', lines: ['Our reference: MLA-OUT-2026-00007'], align: 'start' },
          ],
        }),
    });
    await screen.findByRole('textbox', { name: 'Template text' });
    expect(screen.getByRole('button', { name: 'Restore the default' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /Preview with the request/ }), 'mla-out-2026-00007');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('article', { name: 'Preview of the letter' });
    expect(preview).toHaveTextContent('Central Authority');
    expect(preview).toHaveTextContent('Our reference: MLA-OUT-2026-00007');
    expect(calls.find((c) => c.channel === 'letters.previewTemplate')?.input).toMatchObject({ requestId: 7 });
  });
});
