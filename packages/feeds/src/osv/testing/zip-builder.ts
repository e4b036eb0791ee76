import { deflateRawSync } from 'node:zlib';

/** One entry to write: its name and bytes; `store` writes it uncompressed. */
export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  store?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A minimal zip writer for tests (no zip64, no extra fields): lets the tests build bombs,
 * archives with many entries and archives with a broken record, in a temp dir at test time.
 */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const body = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const fields = { method: e.store ? 0 : 8, crc: crc32(raw), csize: body.length, usize: raw.length };
    const local = header(0x04034b50, 30, name, fields);
    locals.push(local, body);
    centrals.push(centralHeader(name, fields, offset));
    offset += local.length + body.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

interface Fields {
  method: number;
  crc: number;
  csize: number;
  usize: number;
}

function header(signature: number, size: number, name: Buffer, f: Fields): Buffer {
  const h = Buffer.alloc(size);
  h.writeUInt32LE(signature, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(f.method, 8);
  h.writeUInt32LE(f.crc, 14);
  h.writeUInt32LE(f.csize, 18);
  h.writeUInt32LE(f.usize, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(name: Buffer, f: Fields, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(f.method, 10);
  h.writeUInt32LE(f.crc, 16);
  h.writeUInt32LE(f.csize, 20);
  h.writeUInt32LE(f.usize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}
