import { describe, expect, it } from 'vitest';
import { paramsOf, queryOf } from '../../renderer/src/screens/register/url.ts';

describe('the register address', () => {
  it('keeps every filter through a round trip, leaving defaults out', () => {
    const address =
      'direction=incoming&kind=mla&status=sent&state=open&country=FR&legalBasis=untoc&offence=07&urgency=urgent' +
      '&officer=Zofia+Wi%C5%9Bniewska&authority=Parquet+de+Paris&from=2026-01-01&to=2026-03-31&due=waiting' +
      '&text=50%25+A&sort=reference&order=asc';
    const query = queryOf(new URLSearchParams(address));
    expect(query).toMatchObject({ assignedTo: 'Zofia Wiśniewska', text: '50% A', openedTo: '2026-03-31' });
    expect(paramsOf(query).toString()).toBe(address);
    expect(paramsOf({ state: 'all', sort: 'updatedAt', order: 'desc' }).toString()).toBe('');
  });

  it('ignores a value that is not a valid filter, keeping the others', () => {
    expect(queryOf(new URLSearchParams('kind=extradition&offence=12&from=yesterday&country=fr&due=soon'))).toEqual({
      counterpartCountry: 'FR',
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
    });
  });
});
