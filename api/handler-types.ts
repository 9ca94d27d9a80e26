import type { ChannelName, ChannelOutput, ParsedInput } from '../contract/channels.ts';
import type { HandlerContext } from './context.ts';

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

/** The handlers of the channels whose names start with `Prefix` (one domain's share). */
export type HandlersFor<Prefix extends string> = {
  [C in Extract<ChannelName, `${Prefix}${string}`>]: Handler<C>;
};

export type Handlers = { [C in ChannelName]: Handler<C> };
