package dev.dockerlint.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link CopyDestination} needs about one {@code COPY} or {@code ADD} from the build
 * context, without the syntax tree.
 *
 * @param sources matched entries in Dockerfile order, then match order
 * @param destination the {@code <dest>} as written (after variable expansion)
 * @param workdir the stage's {@code WORKDIR} at this instruction, absolute; {@code "/"} by default
 * @param chmod the {@code --chmod} value, if given
 * @param chown the {@code --chown} value, if given; recorded, not resolved
 * @param parents whether {@code --parents} is set
 * @param existingDirectories absolute paths known to be directories in the image before this
 *     instruction (e.g. {@code /usr/local/bin} of the base image); a file copied to such a path
 *     goes inside it
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy">Dockerfile reference: COPY</a>
 */
public record CopyRequest(
    List<CopySource> sources,
    String destination,
    String workdir,
    Optional<String> chmod,
    Optional<String> chown,
    boolean parents,
    Set<String> existingDirectories) {

  public CopyRequest {
    sources = List.copyOf(sources);
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(chmod, "chmod");
    Objects.requireNonNull(chown, "chown");
    existingDirectories = Set.copyOf(existingDirectories);
  }

  /** A plain {@code COPY <sources> <destination>} with {@code WORKDIR /}. */
  public static CopyRequest of(String destination, List<CopySource> sources) {
    return new CopyRequest(
        sources, destination, "/", Optional.empty(), Optional.empty(), false, Set.of());
  }

  public CopyRequest withWorkdir(String value) {
    return new CopyRequest(sources, destination, value, chmod, chown, parents, existingDirectories);
  }

  public CopyRequest withChmod(String value) {
    return new CopyRequest(
        sources, destination, workdir, Optional.of(value), chown, parents, existingDirectories);
  }

  public CopyRequest withChown(String value) {
    return new CopyRequest(
        sources, destination, workdir, chmod, Optional.of(value), parents, existingDirectories);
  }

  public CopyRequest withParents(boolean value) {
    return new CopyRequest(sources, destination, workdir, chmod, chown, value, existingDirectories);
  }

  public CopyRequest withExistingDirectories(Set<String> value) {
    return new CopyRequest(sources, destination, workdir, chmod, chown, parents, value);
  }
}
