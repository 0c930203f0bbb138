package dev.dockerlint.context;

/** The type of a build context entry, as {@code lstat} reports it. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  /** Sockets, pipes and devices; BuildKit cannot copy sockets and pipes. */
  OTHER
}
