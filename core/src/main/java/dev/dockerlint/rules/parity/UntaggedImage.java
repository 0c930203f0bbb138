package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Stage;

/**
 * A base image without a tag or digest is whatever {@code latest} points to on the day of the
 * build. The image is judged after ARG expansion (defaults and build arguments), so {@code ARG
 * IMAGE=alpine:3.20} then {@code FROM $IMAGE} is pinned and {@code ARG IMAGE=alpine} is not; an ARG
 * without a value leaves the image unknown, and nothing is reported.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#from">FROM</a>
 */
@RuleInfo(
    code = "DKL3006",
    name = "untagged-image",
    severity = Severity.WARNING,
    summary = "Base image has no tag or digest",
    aliases = {"DL3006"})
public final class UntaggedImage implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage s : ctx.model().stages()) {
      if (s.base() instanceof Base.ImageBase b && b.complete() && b.ref().isPresent()) {
        ImageRef ref = b.ref().get();
        if (ref.tag().isEmpty() && ref.digest().isEmpty()) {
          s.from()
              .image()
              .ifPresent(
                  w ->
                      ctx.report(
                          Finding.of(
                              w.range(),
                              "Always tag the version of an image explicitly: '"
                                  + b.text()
                                  + "' is whatever 'latest' is when the build runs")));
        }
      }
    }
  }
}
