// Apart from read/inputs.ts (and its glob library) so the CLI's last-resort error line loads nothing else.

/** Why a file system call failed, in words, with its code and the path it was about. */
export function describeFsError(error: unknown): string {
  const { code, path: where } = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file (deleted while docsdk read it?)',
    ELOOP: 'too many symbolic links (a loop?)',
    ENXIO: 'no such device (a socket or an unplugged device)',
    EISDIR: 'a folder, not a file',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EIO: 'input/output error',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    EMFILE: 'too many open files',
  };
  if (!code) return String((error as Error)?.message ?? error);
  return `${why[code] ?? (error as Error).message} (${code}${where ? `, ${where}` : ''})`;
}
