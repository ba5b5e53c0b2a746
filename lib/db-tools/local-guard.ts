/** Tests, resets and generators refuse to touch a database that is not on this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export function isLocalDatabaseUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname;
    if (LOCAL_HOSTS.has(host)) {
      // a Unix socket given as ?host=/path is local too
      const socketHost = parsed.searchParams.get('host');
      return socketHost === null || socketHost.startsWith('/');
    }
    return host.startsWith('127.');
  } catch {
    return false;
  }
}

export function assertLocalDatabase(url: string, what: string): void {
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(`${what} refuse de s'exécuter sur une base de données distante (${new URL(url).hostname}).`);
  }
}
