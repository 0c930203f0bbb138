package dev.dockerlint.grammar.shell;

/**
 * A heredoc opener such as {@code <<EOF}, {@code <<-'EOF'} or {@code 3<<EOF}, as BuildKit's parser
 * reads it from a {@code RUN}, {@code COPY} or {@code ADD} line.
 *
 * @param name the terminator word, quotes removed ({@code <<'EOF'} and {@code <<EOF} both end at a
 *     line {@code EOF})
 * @param fileDescriptor the digits before {@code <<}, 0 if none; a number too large for an {@code
 *     int} is {@link Integer#MAX_VALUE} (BuildKit saturates at 2<sup>64</sup>−1)
 * @param expand whether variables are expanded in the body: false as soon as any part of the
 *     terminator word was quoted
 * @param chomp whether the opener was {@code <<-}, which strips leading tabs from the body lines
 *     and the terminator line
 * @see <a href="https://docs.docker.com/reference/dockerfile/#here-documents">Dockerfile reference:
 *     here-documents</a>
 */
public record HeredocMarker(String name, int fileDescriptor, boolean expand, boolean chomp) {}
