import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERCHANGE_COLUMNS } from '../../contract/interchange.ts';
import { IMPORT_CLOCK, IMPORTER, csvFile, importFile, problemLines, row } from '../helpers/interchange.ts';
import { newRequest } from '../helpers/requests.ts';
import { countRows, sha256 } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

describe('the import checks every row against the spec and reports every problem', () => {
  it('accepts a leap day and refuses a 29 February that does not exist', async () => {
    const register = tempRegister();
    const file = csvFile([
      row({ reference: 'A-1', opened_on: '2024-02-29', closed_on: '2024-03-01' }),
      row({ reference: 'A-2', opened_on: '2025-02-29', closed_on: '2025-03-01' }),
    ]);
    const report = await importFile(register, file);
    expect(problemLines(report)).toEqual(['3:opened_on:must be a calendar date written YYYY-MM-DD, not "2025-02-29"']);
    expect(report.imported).toBe(0);
  });

  it('ignores a byte-order mark before the header', async () => {
    const report = await importFile(tempRegister(), csvFile([row()], { bom: true }));
    expect(report).toMatchObject({ ok: true, imported: 1 });
  });

  it('refuses a reference used twice in the file, naming the first row', async () => {
    const file = csvFile([row({ reference: 'A-1' }), row({ reference: 'A-2' }), row({ reference: 'A-1' })]);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '4:reference:is already the reference of row 2',
    ]);
  });

  it('refuses a reference the register already has (no silent overwrite)', async () => {
    const register = tempRegister();
    const existing = await register.requests.register(newRequest(), IMPORTER, IMPORT_CLOCK);
    const report = await importFile(register, csvFile([row({ reference: existing.reference })]));
    expect(problemLines(report)).toEqual(['2:reference:is already the reference of a request in the register']);
  });

  it('names each unknown code with the codes it may be', async () => {
    const file = csvFile([
      row({ status: 'closed', kind: 'letter', offences: '07;12', assistance: 'bribery', counterpart_country: 'XX' }),
      row({ reference: 'A-2', legal_basis: 'treaty', channel: 'fax', urgency: 'very', cyber_related: 'yes' }),
    ]);
    const lines = problemLines(await importFile(tempRegister(), file));
    expect(lines).toEqual([
      expect.stringMatching(
        /^2:kind:"letter" is not a known code \(one of mla, preservation, disclosure, emergency_disclosure\)$/,
      ),
      expect.stringMatching(/^2:status:"closed" is not a known code \(one of draft, registered, /),
      '2:counterpart_country:must be an ISO 3166-1 alpha-2 country code, not "XX"',
      expect.stringMatching(/^2:offences:"12" is not a known code \(one of 01, 02, /),
      expect.stringMatching(/^2:assistance:"bribery" is not a known code/),
      '3:cyber_related:must be true or false, not "yes"',
      expect.stringMatching(/^3:legal_basis:"treaty" is not a known code/),
      expect.stringMatching(/^3:channel:"fax" is not a known code/),
      expect.stringMatching(/^3:urgency:"very" is not a known code \(one of normal, urgent\)$/),
    ]);
  });

  it('reads codes and headers in any case, and the columns in any order', async () => {
    const columns = ['STATUS', 'Counterpart_Country', 'Reference', 'Kind', 'Direction', 'Opened_On', 'Closed_On'];
    const text = `${columns.join(',')}\r\nExecuted,fr,A-1,MLA,Incoming,2024-01-10,2024-02-01\r\n`;
    const file = path.join(tempDir(), 'mixed.csv');
    fs.writeFileSync(file, text);
    const register = tempRegister();
    expect(await importFile(register, file)).toMatchObject({ ok: true, imported: 1 });
    const { rows } = await register.requests.list({
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
      limit: 1,
      offset: 0,
    });
    expect(rows[0]).toMatchObject({
      reference: 'A-1',
      status: 'executed',
      counterpartCountry: 'FR',
      direction: 'incoming',
    });
  });

  it('checks the dates against the status: closed needs closed_on, open must not have it, and not before opened_on', async () => {
    const file = csvFile([
      row({ reference: 'A-1', status: 'executed', closed_on: '' }),
      row({ reference: 'A-2', status: 'under_review', closed_on: '2024-03-01' }),
      row({ reference: 'A-3', opened_on: '2024-05-01', closed_on: '2024-04-30' }),
      row({ reference: 'A-4', opened_on: '', closed_on: '', status: 'registered' }),
      row({ reference: 'A-5', opened_on: '2026-12-01', closed_on: '', status: 'registered' }),
    ]);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '2:closed_on:is required for a closed request (executed)',
      '3:closed_on:must be empty while the request is open (under_review)',
      '4:closed_on:cannot be before opened_on (2024-05-01)',
      '5:opened_on:is required (only an outgoing request not yet sent has no opening date)',
      `6:opened_on:cannot be after today (${IMPORT_CLOCK.today})`,
    ]);
  });

  it('requires the required values, and refusal grounds exactly when refused', async () => {
    const file = csvFile([
      row({ reference: '', counterpart_country: '' }),
      row({ reference: 'A-2', status: 'refused', closed_on: '2024-02-01' }),
      row({ reference: 'A-3', refusal_grounds: 'dual_criminality' }),
    ]);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '2:reference:is required',
      '2:counterpart_country:is required',
      '3:refusal_grounds:is required for a refused request',
      '4:refusal_grounds:only a refused request has refusal grounds',
    ]);
  });

  it('keeps drafts to outgoing requests without an opening date, and statuses to their workflow', async () => {
    const file = csvFile([
      row({ reference: 'A-1', status: 'draft', opened_on: '', closed_on: '' }),
      row({ reference: 'A-2', direction: 'outgoing', status: 'draft', opened_on: '2024-01-10', closed_on: '' }),
      row({ reference: 'A-3', direction: 'outgoing', status: 'suspended', closed_on: '' }),
    ]);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '2:status:draft is only for outgoing requests being prepared',
      '3:opened_on:must be empty for a draft (it has not been sent)',
      "4:status:suspended is not a status of outgoing mla requests in this register's workflow",
    ]);
  });

  it('checks field limits with the request form’s own rules', async () => {
    const report = await importFile(tempRegister(), csvFile([row({ summary: 'x'.repeat(8001) })]));
    expect(problemLines(report)).toEqual(['2:summary:must be at most 8000 characters']);
  });

  it('resolves related_reference to a later row of the file or a request of the register, and refuses anything else', async () => {
    const register = tempRegister();
    const existing = await register.requests.register(newRequest({ kind: 'preservation' }), IMPORTER, IMPORT_CLOCK);
    const bad = csvFile([
      row({ reference: 'A-1', related_reference: 'NOWHERE-1' }),
      row({ reference: 'A-2', related_reference: 'A-2' }),
    ]);
    expect(problemLines(await importFile(register, bad))).toEqual([
      '3:related_reference:cannot name the request itself',
      '2:related_reference:"NOWHERE-1" is neither a row of this file nor a request in the register',
    ]);
    const good = csvFile([
      row({ reference: 'A-1', related_reference: 'A-2' }),
      row({ reference: 'A-2', related_reference: existing.reference }),
    ]);
    expect(await importFile(register, good)).toMatchObject({ ok: true, imported: 2 });
    const preservation = await register.requests.get(existing.id);
    expect(preservation.links).toEqual([
      expect.objectContaining({
        kind: 'follow_up',
        side: 'from',
        other: expect.objectContaining({ reference: 'A-2' }),
      }),
    ]);
  });

  it('refuses an unknown column, unless told to ignore unknown columns', async () => {
    const columns = [...INTERCHANGE_COLUMNS, 'notes'];
    const file = csvFile([{ ...row(), notes: 'our own remark' } as never], { columns });
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '1:notes:is not a column of the register interchange format (check its spelling, map it to a column, or ignore unknown columns)',
    ]);
    expect(await importFile(tempRegister(), file, { ignoreUnknownColumns: true })).toMatchObject({
      ok: true,
      imported: 1,
    });
  });

  it('names a missing required column, and a column given twice', async () => {
    const columns = INTERCHANGE_COLUMNS.filter((c) => c !== 'status');
    const file = csvFile([row()], { columns: [...columns, 'REFERENCE'] });
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '1:REFERENCE:is the column reference a second time (as "reference" is)',
      '1:status:is a required column, and the file has none',
    ]);
  });

  it('maps differently named columns as told, and leaves out those mapped to nothing', async () => {
    const file = path.join(tempDir(), 'theirs.csv');
    fs.writeFileSync(
      file,
      'Our ref,In/Out,Type,State,Received,Closed,Country,Remarks\r\nX-1,incoming,mla,registered,2024-01-10,,FR,private\r\n',
    );
    const mapping = {
      'Our ref': 'reference',
      'In/Out': 'direction',
      Type: 'kind',
      State: 'status',
      Received: 'opened_on',
      Closed: 'closed_on',
      Country: 'counterpart_country',
      Remarks: null,
    } as const;
    expect(await importFile(tempRegister(), file, { mapping })).toMatchObject({ ok: true, imported: 1 });
  });

  it('refuses a value in a column that has no header', async () => {
    const file = path.join(tempDir(), 'extra.csv');
    const header = INTERCHANGE_COLUMNS.join(',');
    const values = INTERCHANGE_COLUMNS.map((c) => row()[c] ?? '').join(',');
    fs.writeFileSync(file, `${header}\r\n${values},stray\r\n`);
    expect(problemLines(await importFile(tempRegister(), file))).toEqual([
      '2:(column Y):has a value, but the column has no header',
    ]);
  });

  it('refuses a file that is not UTF-8, and one whose quoting is broken, at the row where it happens', async () => {
    const latin1 = path.join(tempDir(), 'latin1.csv');
    const header = INTERCHANGE_COLUMNS.join(',');
    const values = INTERCHANGE_COLUMNS.map((c) => (c === 'summary' ? 'Dépôt' : (row()[c] ?? ''))).join(',');
    fs.writeFileSync(latin1, Buffer.from(`${header}\r\n${values}\r\n`, 'latin1'));
    const [notUtf8] = (await importFile(tempRegister(), latin1)).problems;
    expect(notUtf8).toMatchObject({ row: 2, column: '' });
    expect(notUtf8?.message).toContain('not UTF-8');

    const broken = path.join(tempDir(), 'broken.csv');
    fs.writeFileSync(broken, `${header}\r\n"unclosed,incoming\r\n`);
    const [unclosed] = (await importFile(tempRegister(), broken)).problems;
    expect(unclosed).toMatchObject({ row: 2, column: '' });
    expect(unclosed?.message).toContain('The CSV file cannot be read here');
  });

  it('leaves the database file byte-for-byte as it was when an import fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    const setup = tempRegister(file);
    await setup.requests.register(newRequest(), IMPORTER, IMPORT_CLOCK);
    setup.close();
    const before = sha256(file);

    const register = tempRegister(file);
    // Many valid rows are written before the bad last one fails the whole import.
    const rows = Array.from({ length: 2000 }, (_, i) => row({ reference: `B-${i}` }));
    rows.push(row({ reference: 'B-bad', kind: 'unknown' }));
    const report = await importFile(register, csvFile(rows));
    expect(report).toMatchObject({ ok: false, imported: 0 });
    expect(countRows(file, 'requests')).toBe(1);
    register.close();
    expect(sha256(file)).toBe(before);
  });
});
