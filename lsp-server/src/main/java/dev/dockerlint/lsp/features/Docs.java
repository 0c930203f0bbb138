package dev.dockerlint.lsp.features;

import dev.dockerlint.syntax.InstructionKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Short documentation of instructions and their flags, written for hover and completion, each
 * linking to the Dockerfile reference.
 */
final class Docs {
  private Docs() {}

  static final String REFERENCE = "https://docs.docker.com/reference/dockerfile/";

  /** An instruction: its syntax and what it does. */
  record InstructionDoc(String syntax, String summary) {}

  /** A flag of an instruction. */
  record FlagDoc(String syntax, String summary, List<String> values) {}

  static final Map<InstructionKind, InstructionDoc> INSTRUCTIONS =
      Map.ofEntries(
          Map.entry(
              InstructionKind.FROM,
              new InstructionDoc(
                  "FROM [--platform=<platform>] <image> [AS <name>]",
                  "Starts a build stage from a base image (or `scratch`, or an earlier stage).")),
          Map.entry(
              InstructionKind.RUN,
              new InstructionDoc(
                  "RUN [--mount=...] [--network=...] [--security=...] <command> | [\"exec\", \"arg\"]",
                  "Runs a command at build time, in a new layer, on the stage's platform.")),
          Map.entry(
              InstructionKind.CMD,
              new InstructionDoc(
                  "CMD [\"executable\", \"arg\"] | CMD command arg",
                  "The default command of a container, or the default arguments of ENTRYPOINT."
                      + " Only the last CMD counts.")),
          Map.entry(
              InstructionKind.LABEL,
              new InstructionDoc("LABEL <key>=<value> ...", "Adds metadata to the image.")),
          Map.entry(
              InstructionKind.MAINTAINER,
              new InstructionDoc(
                  "MAINTAINER <name>",
                  "Deprecated: use `LABEL org.opencontainers.image.authors=...`.")),
          Map.entry(
              InstructionKind.EXPOSE,
              new InstructionDoc(
                  "EXPOSE <port>[/<protocol>] ...",
                  "Documents the ports the container listens on; it publishes nothing.")),
          Map.entry(
              InstructionKind.ENV,
              new InstructionDoc(
                  "ENV <key>=<value> ...",
                  "Sets environment variables for later instructions and for the container.")),
          Map.entry(
              InstructionKind.ADD,
              new InstructionDoc(
                  "ADD [--chown=...] [--chmod=...] [--checksum=...] <src>... <dest>",
                  "Copies files, URLs or Git repositories into the image; local tar archives are"
                      + " extracted. Prefer COPY for local files.")),
          Map.entry(
              InstructionKind.COPY,
              new InstructionDoc(
                  "COPY [--from=<stage|image>] [--chown=...] [--chmod=...] [--link] <src>... <dest>",
                  "Copies files from the build context (or another stage or image) into the"
                      + " image. File modes come from the context unless `--chmod` sets them.")),
          Map.entry(
              InstructionKind.ENTRYPOINT,
              new InstructionDoc(
                  "ENTRYPOINT [\"executable\", \"arg\"] | ENTRYPOINT command arg",
                  "The program a container runs. In exec form it is executed directly: it must"
                      + " exist, be executable and match the platform, or the container dies with"
                      + " `exec format error`, `no such file or directory` or `permission"
                      + " denied`.")),
          Map.entry(
              InstructionKind.VOLUME,
              new InstructionDoc(
                  "VOLUME [\"/path\"] | VOLUME /path ...",
                  "Declares mount points; later build steps' changes to them are discarded.")),
          Map.entry(
              InstructionKind.USER,
              new InstructionDoc(
                  "USER <user>[:<group>]", "The user for later RUN steps and for the container.")),
          Map.entry(
              InstructionKind.WORKDIR,
              new InstructionDoc(
                  "WORKDIR <path>",
                  "The working directory for later instructions and the container; created if"
                      + " missing.")),
          Map.entry(
              InstructionKind.ARG,
              new InstructionDoc(
                  "ARG <name>[=<default>] ...",
                  "Declares a build argument. Before the first FROM it is global (seen by FROM"
                      + " lines); a stage sees it only after declaring it again.")),
          Map.entry(
              InstructionKind.ONBUILD,
              new InstructionDoc(
                  "ONBUILD <instruction>",
                  "An instruction that runs when the image is used as a base.")),
          Map.entry(
              InstructionKind.STOPSIGNAL,
              new InstructionDoc(
                  "STOPSIGNAL <signal>", "The signal that stops the container (default SIGTERM).")),
          Map.entry(
              InstructionKind.HEALTHCHECK,
              new InstructionDoc(
                  "HEALTHCHECK [--interval=...] [--timeout=...] [--retries=N] CMD <command> |"
                      + " HEALTHCHECK NONE",
                  "How the runtime checks that the container still works.")),
          Map.entry(
              InstructionKind.SHELL,
              new InstructionDoc(
                  "SHELL [\"executable\", \"arg\"]",
                  "The shell that runs shell-form RUN, CMD and ENTRYPOINT (default"
                      + " `[\"/bin/sh\", \"-c\"]`).")));

  private static final List<String> PLATFORMS =
      List.of(
          "$BUILDPLATFORM",
          "$TARGETPLATFORM",
          "linux/amd64",
          "linux/arm64",
          "linux/arm/v7",
          "linux/386",
          "linux/ppc64le",
          "linux/s390x",
          "linux/riscv64");

  private static final FlagDoc PLATFORM =
      new FlagDoc(
          "--platform=<os/arch[/variant]>",
          "The platform of the base image; `$BUILDPLATFORM` runs the stage natively for"
              + " cross-compilation.",
          PLATFORMS);
  private static final FlagDoc FROM_STAGE =
      new FlagDoc(
          "--from=<stage|image|context>",
          "Copies from an earlier stage (by name or index), an image or a named context instead"
              + " of the build context.",
          List.of());
  private static final FlagDoc CHOWN =
      new FlagDoc(
          "--chown=<user>[:<group>]", "Owner of the copied files (default root).", List.of());
  private static final FlagDoc CHMOD =
      new FlagDoc(
          "--chmod=<perms>",
          "Mode of the copied files, e.g. `755`, or `+x`; otherwise the mode in the context is"
              + " kept.",
          List.of("755", "644", "+x"));
  private static final FlagDoc LINK =
      new FlagDoc(
          "--link",
          "Copies into an independent layer that survives base image changes.",
          List.of());
  private static final FlagDoc EXCLUDE =
      new FlagDoc("--exclude=<pattern>", "Leaves out paths matching the pattern.", List.of());
  private static final FlagDoc PARENTS =
      new FlagDoc("--parents", "Keeps the parent directories of the sources.", List.of());

  static final Map<InstructionKind, Map<String, FlagDoc>> FLAGS =
      Map.of(
          InstructionKind.FROM,
          Map.of("platform", PLATFORM),
          InstructionKind.COPY,
          Map.of(
              "from", FROM_STAGE,
              "chown", CHOWN,
              "chmod", CHMOD,
              "link", LINK,
              "exclude", EXCLUDE,
              "parents", PARENTS),
          InstructionKind.ADD,
          Map.of(
              "chown",
              CHOWN,
              "chmod",
              CHMOD,
              "link",
              LINK,
              "exclude",
              EXCLUDE,
              "keep-git-dir",
              new FlagDoc(
                  "--keep-git-dir=<bool>",
                  "Keeps the .git directory of a Git source.",
                  List.of("true", "false")),
              "checksum",
              new FlagDoc(
                  "--checksum=<sha256:...>",
                  "Verifies the checksum of a remote source.",
                  List.of())),
          InstructionKind.RUN,
          Map.of(
              "mount",
              new FlagDoc(
                  "--mount=type=<bind|cache|tmpfs|secret|ssh>[,option=value...]",
                  "Mounts a cache, a secret, an SSH agent, a tmpfs or files of another stage"
                      + " while the command runs.",
                  List.of(
                      "type=cache,target=",
                      "type=bind,source=,target=",
                      "type=secret,id=",
                      "type=ssh",
                      "type=tmpfs,target=")),
              "network",
              new FlagDoc(
                  "--network=<default|none|host>",
                  "The network of the command.",
                  List.of("default", "none", "host")),
              "security",
              new FlagDoc(
                  "--security=<sandbox|insecure>",
                  "Runs the command with elevated privileges (insecure).",
                  List.of("sandbox", "insecure"))),
          InstructionKind.HEALTHCHECK,
          Map.of(
              "interval",
              new FlagDoc(
                  "--interval=<duration>", "Time between checks (default 30s).", List.of("30s")),
              "timeout",
              new FlagDoc(
                  "--timeout=<duration>", "Time a check may take (default 30s).", List.of("30s")),
              "start-period",
              new FlagDoc(
                  "--start-period=<duration>",
                  "Start-up time during which failures do not count (default 0s).",
                  List.of("5s")),
              "start-interval",
              new FlagDoc(
                  "--start-interval=<duration>",
                  "Time between checks during the start period (default 5s).",
                  List.of("5s")),
              "retries",
              new FlagDoc(
                  "--retries=<n>",
                  "Failures in a row before unhealthy (default 3).",
                  List.of("3"))));

  /** Keys of {@code RUN --mount}, by mount type. */
  static final Map<String, List<String>> MOUNT_KEYS =
      Map.of(
          "cache",
          List.of(
              "target=",
              "id=",
              "sharing=",
              "from=",
              "source=",
              "mode=",
              "uid=",
              "gid=",
              "readonly"),
          "bind",
          List.of("target=", "source=", "from=", "readwrite"),
          "tmpfs",
          List.of("target=", "size="),
          "secret",
          List.of("id=", "target=", "env=", "required=", "mode=", "uid=", "gid="),
          "ssh",
          List.of("id=", "target=", "required=", "mode=", "uid=", "gid="));

  static final List<String> MOUNT_TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");

  static Optional<InstructionDoc> instruction(InstructionKind k) {
    return Optional.ofNullable(INSTRUCTIONS.get(k));
  }

  static Optional<FlagDoc> flag(InstructionKind k, String name) {
    return Optional.ofNullable(FLAGS.getOrDefault(k, Map.of()).get(name));
  }

  /** The reference's anchor for an instruction. */
  static String link(InstructionKind k) {
    return REFERENCE + "#" + k.name().toLowerCase(Locale.ROOT);
  }

  /** Hover markdown for an instruction. */
  static String instructionMarkdown(InstructionKind k) {
    return instruction(k)
        .map(
            d ->
                "```dockerfile\n"
                    + d.syntax()
                    + "\n```\n\n"
                    + d.summary()
                    + "\n\n[Dockerfile reference]("
                    + link(k)
                    + ")")
        .orElse("");
  }
}
