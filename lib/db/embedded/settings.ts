/**
 * The embedded server's settings, passed on its command line at every start (so they hold for
 * data folders created by older versions too).
 *
 * Durability: a commit is acknowledged only once its WAL is flushed to disk. These are
 * PostgreSQL's defaults; they are spelled out so that nobody trades them for speed.
 *
 * Memory, sized for a laptop that also runs Next.js: the server's idle footprint is a few MB
 * per process (see the README's memory figure); shared_buffers bounds the page cache it may grow
 * to under load. PostgreSQL 18's asynchronous I/O workers are kept to one.
 */
export const DURABILITY = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
} as const;

export function serverSettings(port: number, profile: 'app' | 'test'): Record<string, string> {
  return {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '', // TCP on 127.0.0.1 only: no socket file in /tmp to collide with
    ...DURABILITY,
    // Same as PGlite and most hosted PostgreSQL: `timestamp` columns and now() agree with Prisma,
    // which reads timestamps without a zone as UTC, whatever the laptop's time zone.
    TimeZone: 'UTC',
    log_timezone: 'UTC',
    shared_buffers: '64MB',
    max_connections: profile === 'test' ? '200' : '50',
    io_workers: '1',
    max_wal_size: '256MB',
    min_wal_size: '32MB',
    huge_pages: 'off',
  };
}

export function settingsArgs(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}
