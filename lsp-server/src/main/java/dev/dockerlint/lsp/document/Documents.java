package dev.dockerlint.lsp.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open documents, newest version of each. Thread-safe. */
public final class Documents {
  private final ConcurrentMap<String, DocumentModel> open = new ConcurrentHashMap<>();

  public void put(DocumentModel d) {
    open.put(d.uri(), d);
  }

  public Optional<DocumentModel> get(String uri) {
    return uri == null ? Optional.empty() : Optional.ofNullable(open.get(uri));
  }

  public void remove(String uri) {
    open.remove(uri);
  }

  /**
   * Replaces {@code old} by {@code fresh} only if {@code old} is still the newest version (a
   * background thread must not undo an edit that arrived meanwhile).
   */
  public boolean replace(DocumentModel old, DocumentModel fresh) {
    return open.replace(old.uri(), old, fresh);
  }

  /** Whether {@code d} is still the newest version of its document. */
  public boolean isCurrent(DocumentModel d) {
    return open.get(d.uri()) == d;
  }

  public Collection<DocumentModel> all() {
    return List.copyOf(open.values());
  }
}
