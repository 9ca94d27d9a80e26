// The register's requests: reading, registering and correcting, moving, events and links.
export { recordEvent } from './events.ts';
export { linkRequests, unlinkRequests } from './links.ts';
export { moveRequest } from './move.ts';
export { getRequestDetail, listRequests } from './read.ts';
export { registerRequest, updateRequest } from './write.ts';
