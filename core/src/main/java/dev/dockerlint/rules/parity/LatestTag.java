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
 * A base image pinned to {@code latest} changes under the build whenever a new version is pushed.
 * The image is judged after ARG expansion, so {@code FROM node:${TAG}} with {@code ARG TAG=latest}
 * is reported too; a digest pins the image whatever the tag says.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#from">FROM</a>
 */
@RuleInfo(
    code = "DKL3007",
    name = "latest-tag",
    severity = Severity.WARNING,
    summary = "Base image is pinned to 'latest'",
    aliases = {"DL3007"})
public final class LatestTag implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage s : ctx.model().stages()) {
      if (s.base() instanceof Base.ImageBase b && b.complete() && b.ref().isPresent()) {
        ImageRef ref = b.ref().get();
        if (ref.tag().filter("latest"::equals).isPresent() && ref.digest().isEmpty()) {
          s.from()
              .image()
              .ifPresent(
                  w ->
                      ctx.report(
                          Finding.of(
                              w.range(),
                              "Using latest is prone to errors if the image will ever update. Pin"
                                  + " the version explicitly to a release tag ('"
                                  + b.text()
                                  + "')")));
        }
      }
    }
  }
}
