import 'server-only';
import { serverEnv } from '@/lib/env';
import { createStorage, type FileStorage } from '@/lib/storage';

const globalForStorage = globalThis as unknown as { cmaStorage?: FileStorage };

/** The app's storage, chosen once from the environment (S3 when S3_BUCKET is set, else local). */
export function storage(): FileStorage {
  globalForStorage.cmaStorage ??= createStorage(serverEnv());
  return globalForStorage.cmaStorage;
}

/** Tests switch storages (local ↔ S3) between cases. */
export function setStorageForTests(next: FileStorage | undefined) {
  globalForStorage.cmaStorage = next;
}
