import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachInput, registerWithRequest, storedPath } from '../helpers/documents.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';

const MB = 1024 * 1024;
const SIZE_MB = 200;

/** Writes a file of `mb` megabytes chunk by chunk (never whole in memory) and returns its SHA-256. */
function generate(file: string, mb: number): string {
  const chunk = crypto.randomBytes(MB);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < mb; i++) {
      chunk.writeUInt32BE(i, 0); // every megabyte differs
      fs.writeSync(fd, chunk);
      hash.update(chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

describe('attaching a large file', () => {
  it(`streams ${SIZE_MB} MB into the store with little memory, hashing it right`, { timeout: 180_000 }, async () => {
    const { register, requestId, files } = await registerWithRequest();
    const file = path.join(files, 'forensic image.bin');
    const expected = generate(file, SIZE_MB);

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const doc = await register.documents.attach(attachInput(requestId, file), ACTOR, CLOCK);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const growthMb = (peak - before) / MB;
    console.log(`attach ${SIZE_MB} MB: ${seconds.toFixed(2)} s, RSS growth ${growthMb.toFixed(1)} MB`);
    expect(doc.sha256).toBe(expected);
    expect(doc.size).toBe(SIZE_MB * MB);
    expect(fs.statSync(storedPath(register, expected)).size).toBe(SIZE_MB * MB);
    expect(growthMb).toBeLessThan(100);

    const verifyStart = process.memoryUsage().rss;
    expect((await register.documents.verify(doc.id, CLOCK)).intact).toBe(true);
    expect((process.memoryUsage().rss - verifyStart) / MB).toBeLessThan(100);
  });
});
