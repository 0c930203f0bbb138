package dev.dockerlint.semantic;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference ({@code [registry[:port]/]path[:tag][@digest]}) parsed and normalised
 * like the docker CLI does: Docker Hub is {@code docker.io}, its official images live under {@code
 * library/}. A reference that still holds variables, upper case letters in its path or other
 * invalid characters does not parse.
 */
public record ImageRef(
    String registry, String repository, Optional<String> tag, Optional<String> digest) {

  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

  public static Optional<ImageRef> parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> digest = Optional.empty();
    int at = s.indexOf('@');
    if (at >= 0) {
      String d = s.substring(at + 1);
      if (!DIGEST.matcher(d).matches()) {
        return Optional.empty();
      }
      digest = Optional.of(d);
      s = s.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      String t = s.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        return Optional.empty();
      }
      tag = Optional.of(t);
      s = s.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    String path = s;
    int first = s.indexOf('/');
    if (first >= 0) {
      String head = s.substring(0, first);
      if (head.contains(".")
          || head.contains(":")
          || head.equals("localhost")
          || !head.equals(head.toLowerCase(java.util.Locale.ROOT))) {
        if (!DOMAIN.matcher(head).matches()) {
          return Optional.empty();
        }
        registry = head;
        path = s.substring(first + 1);
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    for (String c : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(c).matches()) {
        return Optional.empty();
      }
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    return Optional.of(new ImageRef(registry, path, tag, digest));
  }

  /** The tag, {@code latest} when neither tag nor digest is given. */
  public String tagOrLatest() {
    return tag.orElse(digest.isPresent() ? "" : "latest");
  }

  /** The path as Docker Hub users write it: {@code library/alpine} is {@code alpine}. */
  public String shortRepository() {
    return registry.equals(DOCKER_HUB) && repository.startsWith("library/")
        ? repository.substring("library/".length())
        : repository;
  }

  /** The first path component (e.g. {@code arm64v8} in {@code arm64v8/alpine}). */
  public String namespace() {
    int i = repository.indexOf('/');
    return i < 0 ? "" : repository.substring(0, i);
  }

  /** The fully qualified form, {@code docker.io/library/alpine:3.20}. */
  public String canonical() {
    return registry
        + "/"
        + repository
        + tag.map(t -> ":" + t).orElse("")
        + digest.map(d -> "@" + d).orElse("");
  }

  /** The familiar form, {@code alpine:3.20}. */
  public String familiar() {
    String name = registry.equals(DOCKER_HUB) ? shortRepository() : registry + "/" + repository;
    return name + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }

  @Override
  public String toString() {
    return familiar();
  }

  // Written out, with the values the generated ones give: the language server compares image
  // references for every stage on every keystroke, and a record's generated equals and hashCode go
  // through method handles that its C1-compiled code does not inline.

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof ImageRef r
            && Objects.equals(registry, r.registry)
            && Objects.equals(repository, r.repository)
            && Objects.equals(tag, r.tag)
            && Objects.equals(digest, r.digest);
  }

  @Override
  public int hashCode() {
    return ((Objects.hashCode(registry) * 31 + Objects.hashCode(repository)) * 31
                + Objects.hashCode(tag))
            * 31
        + Objects.hashCode(digest);
  }
}
