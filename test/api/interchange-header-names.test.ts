import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { Inspection } from '../../contract/interchange.ts';
import { tempDir, testContext } from '../helpers/temp-register.ts';

describe('inspecting a file whose headers are the names of object properties', () => {
  it('suggests a mapping with an entry of its own for each, so no header reads as an inherited function', async () => {
    const headers = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'reference', 'ref'];
    const file = path.join(tempDir(), 'register.csv');
    fs.writeFileSync(file, `${headers.join(',')}\r\n1,2,3,4,MLA-IN-2025-00001,x\r\n`);
    const ctx = testContext();
    const reply = await dispatch('interchange.inspect', { source: { kind: 'path', path: file } }, ctx);
    expect(reply.ok).toBe(true);
    const { suggestedMapping } = (reply as { value: Inspection }).value;
    for (const header of headers) expect(Object.hasOwn(suggestedMapping, header), header).toBe(true);
    expect(suggestedMapping).toEqual({
      constructor: null,
      toString: null,
      hasOwnProperty: null,
      valueOf: null,
      reference: 'reference',
      ref: null,
    });
  });
});
