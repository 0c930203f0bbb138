/**
 * The build context as BuildKit sees it: which files a {@code COPY} or {@code ADD} source names
 * after {@code .dockerignore}, with their type, size and POSIX mode as the client sends them, and
 * where each ends up in the image.
 *
 * <p>{@link dev.dockerlint.context.DockerIgnore} matches like moby/patternmatcher, {@link
 * dev.dockerlint.context.BuildContext} resolves sources like BuildKit's file backend (fsutil's
 * {@code copy.ResolveWildcards} with symlinks followed inside the context root), and {@link
 * dev.dockerlint.context.CopyDestination} places them like fsutil's {@code copy.Copy}. Problems (a
 * missing source, a symlink loop, too many files) are values, never exceptions. Everything is
 * immutable and thread-safe; file system reads are bounded by {@link
 * dev.dockerlint.context.BuildContext.Limits}.
 *
 * <p>Contexts from Windows hosts (where the client invents modes) and Git or tarball contexts are
 * out of scope.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy">Dockerfile reference: COPY</a>
 */
package dev.dockerlint.context;
