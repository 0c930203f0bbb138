/**
 * What a file in the build context is, judged from its first bytes, so that rules can predict
 * container start failures before the build: an ELF binary for the wrong architecture or libc
 * ({@code exec format error}, {@code no such file or directory}), a script whose {@code #!} line
 * the kernel cannot follow (CRLF line endings, a UTF-8 byte order mark), and so on.
 *
 * <p>Everything here reads a bounded prefix of a file ({@link
 * dev.dockerlint.filefacts.FileFacts#PREFIX_LIMIT}) plus, for ELF files read from a {@link
 * java.nio.file.Path}, a few bounded reads of the program headers, dynamic section and ARM
 * attributes. It never reads a whole file and never throws on malformed input. All types are
 * immutable and thread-safe.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">Dockerfile reference:
 *     ENTRYPOINT</a>
 */
package dev.dockerlint.filefacts;
