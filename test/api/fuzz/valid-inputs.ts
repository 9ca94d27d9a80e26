import path from 'node:path';
import fc from 'fast-check';
import { type ChannelInput, type ChannelName, channels } from '../../../contract/channels.ts';
import { validateInput } from '../../../contract/validate.ts';
import type { FuzzFixture } from './fixture.ts';
import { type Plausible, shapedPayload } from './shaped.ts';
import { FUZZ_SEED } from './values.ts';

export type ValidInputs = { [C in ChannelName]?: ChannelInput<C> };

/**
 * A valid input for a channel written without one here: the first payload shaped like its
 * input (from the fixture's plausible values, fixed seed) that its schema accepts. Enough for
 * simple inputs; a channel whose input this cannot find fails the suite's completeness test
 * until it gets one in validInputs below.
 */
export function foundValidInput(channel: ChannelName, plausible: Plausible): unknown {
  const candidates = fc.sample(shapedPayload(channels[channel].input, plausible), { seed: FUZZ_SEED, numRuns: 3000 });
  return candidates.find((candidate) => validateInput(channel, candidate).ok);
}

/**
 * One valid input per channel, naming the fixture's records and files: the starting point of
 * the mutation fuzz. Written out where the request's shape matters (ids of the fixture's
 * records, files to attach or import); foundValidInput covers the rest.
 */
export function validInputs(f: FuzzFixture): ValidInputs {
  const { ids, inputs, outDir } = f;
  const pathSource = (file: string) => ({ kind: 'path' as const, path: file });
  const toFile = (name: string) => ({ kind: 'path' as const, path: path.join(outDir, name) });
  return {
    'app.info': {},
    'app.integrity': {},
    'settings.get': {},
    'settings.update': { officeName: 'Central Authority', acknowledgementDays: 30 },
    'register.backup': { file: path.join(outDir, 'backup.sqlite') },
    'requests.register': {
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'DE',
      openedOn: '2026-03-04',
      summary: 'Witness hearing',
      offences: ['07'],
      assistance: ['statements'],
      parties: [{ role: 'witness', name: 'Erika Mustermann', nationality: 'DE' }],
      identifiers: [{ type: 'email', value: 'erika@example.org', fromAt: '2026-03-01T10:15+01:00' }],
    },
    'requests.update': {
      id: ids.requestA,
      expectedVersion: 1,
      fields: { counterpartCountry: 'FR', summary: 'Bank records of Jean Dupont (corrected)' },
    },
    'requests.list': { state: 'open', counterpartCountry: 'FR', text: 'Dupont', sort: 'reference', limit: 10 },
    'requests.get': { id: ids.requestA },
    'requests.transition': { id: ids.requestA, to: 'under_review', on: '2026-03-05', expectedVersion: 1 },
    'requests.recordEvent': {
      id: ids.requestA,
      type: 'information_requested',
      on: '2026-03-06',
      note: 'Asked for the account numbers',
      expectedVersion: 1,
    },
    'requests.link': { id: ids.requestA, otherReference: ids.referenceB, kind: 'supplementary' },
    'requests.unlink': { id: ids.requestA, linkId: ids.linkId },
    'requests.assign': { ids: [ids.requestA, ids.requestB], assignedTo: 'Amina Clerk' },
    'requests.facets': {},
    'interchange.inspect': { source: pathSource(inputs.registerXlsx) },
    'interchange.import': {
      source: pathSource(inputs.tinyCsv),
      fileName: 'tiny.csv',
      dryRun: true,
      mapping: { reference: 'reference' },
    },
    'interchange.progress': { jobId: 'f'.repeat(32) },
    'interchange.export': { format: 'csv', target: { kind: 'download' } },
    'dashboard.today': {},
    'dashboard.clocks': {},
    'clocks.settings': {},
    'clocks.saveSettings': {
      lengths: { epoEmergency: { length: 8, unit: 'hours' }, eioExecution: { length: 60, unit: 'working_days' } },
      weekendDays: [5, 6],
      holidays: ['2026-12-25'],
      timeZone: 'Europe/Paris',
    },
    'clocks.ofRequest': { id: ids.requestA },
    'views.list': {},
    'views.save': { name: 'Urgent German', query: { state: 'open', counterpartCountry: 'DE', urgency: 'urgent' } },
    'views.delete': { id: ids.viewId },
    'reports.status': {
      by: 'domesticAuthority',
      value: 'Parquet national',
      format: 'xlsx',
      target: { kind: 'download' },
    },
    'reports.list': {
      query: { state: 'all', sort: 'reference' },
      columns: ['reference', 'status', 'counterpartCountry'],
      format: 'csv',
      target: toFile('list.csv'),
    },
    'directories.counterpartAuthorities.list': { country: 'FR' },
    'directories.counterpartAuthorities.save': {
      id: ids.counterpartAuthorityId,
      country: 'FR',
      name: 'Bureau de l’entraide pénale internationale',
      email: 'bepi@justice.example',
      phone: '+33 1 44 77 60 60',
    },
    'directories.counterpartAuthorities.delete': { id: ids.counterpartAuthorityId },
    'directories.domesticAuthorities.list': {},
    'directories.domesticAuthorities.save': { name: 'Tribunal de grande instance', notes: 'Executes searches' },
    'directories.domesticAuthorities.delete': { id: ids.domesticAuthorityId },
    'directories.serviceProviders.list': {},
    'directories.serviceProviders.save': {
      id: ids.serviceProviderId,
      name: 'Example Mail Inc.',
      country: 'US',
      lawEnforcementContact: 'https://le.example.com',
    },
    'directories.serviceProviders.delete': { id: ids.serviceProviderId },
    'directories.suggest': { field: 'counterpartAuthority', country: 'FR' },
    'profiles.list': {},
    'profiles.ofCountry': { country: 'FR' },
    'profiles.save': {
      country: 'FR',
      centralAuthorityId: ids.counterpartAuthorityId,
      languages: ['fr', 'en'],
      channels: ['central_authority', 'judicial_network'],
      dualCriminality: 'required_coercive',
      dualCriminalityScope: 'Searches and seizures',
      treaties: [
        { legalBasis: 'untoc' },
        { legalBasis: 'bilateral_treaty', name: 'Treaty of 1994', inForceSince: '1996-01-01' },
      ],
      notes: 'Originals by post after the e-mail copy',
    },
    'profiles.delete': { id: 1 },
    'documents.attach': {
      requestId: ids.requestA,
      source: pathSource(inputs.pdf),
      name: 'Ersuchen (Übersetzung).pdf',
      type: 'translation',
      direction: 'incoming',
      documentDate: '2026-03-04',
      note: 'Certified translation',
    },
    'documents.list': { requestId: ids.requestA },
    'documents.verify': { id: ids.documentId },
    'documents.saveCopy': { id: ids.documentId, target: toFile('copy.pdf') },
    'correspondence.add': {
      requestId: ids.requestA,
      onDate: '2026-03-04',
      direction: 'outgoing',
      channel: 'post',
      summary: 'Acknowledgement sent',
      documentIds: [ids.documentId],
    },
    'correspondence.update': {
      id: ids.correspondenceId,
      onDate: '2026-03-03',
      direction: 'incoming',
      channel: 'secure_platform',
      summary: 'Request received on the platform',
      documentIds: [],
    },
    'correspondence.list': { requestId: ids.requestA },
    'statistics.year': { year: 2026 },
    'statistics.years': {},
    'statistics.trend': { fromYear: 2024, toYear: 2026, direction: 'incoming', kind: 'mla' },
    'statistics.export': { year: 2026, format: 'csv', target: { kind: 'download' } },
    'statistics.freeze': { year: 2026, label: 'As submitted to the ministry' },
    'statistics.snapshots': { year: 2026 },
    'search.requests': { text: 'Dupont', limit: 5 },
    // A backup's name in the right form that names no backup (a restore must not replace the fixture).
    'backups.verify': { name: '2026-03-10T09-30-00-000Z-on-demand' },
    'backups.restore': { name: '2026-03-10T09-30-00-000Z-on-demand', confirm: '2026-03-10T09-30-00-000Z-on-demand' },
  };
}
