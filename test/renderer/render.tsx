import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ChannelName } from '../../contract/channels.ts';
import type { Envelope } from '../../contract/errors.ts';
import { clientFromTransport } from '../../renderer/src/api/client.ts';
import { Providers } from '../../renderer/src/Providers.tsx';

export interface Call {
  channel: ChannelName;
  input: unknown;
}

type Fake = (input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** A client answering from the given fakes, recording every call; unknown channels fail loudly. */
export function fakeApi(fakes: Partial<Record<ChannelName, Fake>>) {
  const calls: Call[] = [];
  const client = clientFromTransport(async (channel, input) => {
    calls.push({ channel, input });
    const fake = fakes[channel];
    if (!fake) return { ok: false, error: { code: 'internal', message: `no fake for ${channel}` } };
    return fake(input);
  });
  return { client, calls };
}

export function renderScreen(ui: ReactElement, fakes: Partial<Record<ChannelName, Fake>> = {}) {
  const api = fakeApi(fakes);
  const result = render(
    <Providers client={api.client} env="test">
      {ui}
    </Providers>,
  );
  return { ...result, calls: api.calls };
}

export const ok = <T,>(value: T): Envelope<T> => ({ ok: true, value });
