package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigFinder;
import dev.dockerlint.config.FailureThreshold;
import dev.dockerlint.engine.ImageChecker;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.cache.CacheWarnings;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dockerlint image REF...}: checks built images before they ship, every platform of a
 * multi-platform index, for what makes {@code docker run} fail (the DKL16xx checks): the command
 * and health check resolve, scripts have a usable {@code #!} line, binaries are for the platform
 * and have their loader and libraries, the user exists and may execute the program, the index's
 * platform matches the config's. Results come in every output format. With {@code --facts}, it
 * prints instead what dockerlint knows about one image, as JSON (the facts Dockerfile rules see).
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = {
      "Check built images (every platform of a multi-platform image) for what makes a container"
          + " fail to start.",
      "REF: an image in the Docker Engine; in a registry (a registry-qualified name the engine"
          + " does not have, or any name with --from-registry); oci:DIR[:TAG] (an OCI image"
          + " layout); docker-archive:FILE.tar[:TAG] (docker save)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings at or above the threshold",
      "  1  findings at or above the threshold",
      "  2  usage error, or an image that cannot be found or read (the others are still checked)",
      "  3  internal error (details with --verbose)"
    })
public final class ImageCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REF", arity = "1..*", description = "Images to check")
  List<String> refs = new ArrayList<>();

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      split = ",",
      description = "Check only these platforms of a multi-platform image (repeatable)")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--all-binaries",
      description = "Check the architecture and loader of every ELF file, not only those run")
  boolean allBinaries;

  @Option(
      names = "--from-registry",
      description = "Look images up in their registry, not in the Docker Engine")
  boolean fromRegistry;

  @Mixin FailureOptions failure = new FailureOptions();

  @Option(
      names = "--facts",
      description = "Print what dockerlint knows about one image (JSON) instead of checking it")
  boolean facts;

  @Option(names = "--files", description = "With --facts: read the image's files too")
  boolean files;

  @Option(names = "--list", description = "With --facts --files: list every path")
  boolean list;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Configuration file (default: .dockerlint.yaml found upward from the current folder);"
              + " its ignored rules, severities, failure threshold and image source apply")
  Path config;

  @Option(names = "--verbose", description = "Show stack traces of internal errors")
  boolean verbose;

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin ImageSourceOptions images = new ImageSourceOptions();

  public ImageCommand() {
    this(Env.system());
  }

  ImageCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<Platform> wanted = new ArrayList<>();
    for (String p : platforms) {
      wanted.add(
          Platform.parse(p.strip())
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(), "invalid --platform '" + p + "'")));
    }
    failure.threshold(spec); // a usage error before any image is read
    if (facts) {
      if (refs.size() != 1) {
        throw new ParameterException(spec.commandLine(), "--facts takes exactly one REF");
      }
      return facts(refs.get(0), wanted);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleRegistry registry = RuleRegistry.builtIn();
    Config cfg;
    try {
      cfg =
          ConfigFinder.fromEnvironment(Optional.ofNullable(config), env.variables())
              .forDirectory(Path.of("").toAbsolutePath());
    } catch (ConfigException e) {
      err.println("dockerlint: " + e.getMessage());
      return ExitCode.USAGE;
    }
    cfg.allWarnings(registry).forEach(w -> err.println("dockerlint: warning: " + w));
    FailureThreshold threshold = failure.threshold(spec, cfg);
    boolean neverFail = failure.noFail(cfg);
    List<OutputOptions.Target> targets = output.targets(spec, cfg.format());
    List<FileResult> results = new ArrayList<>();
    int exit = ExitCode.CLEAN;
    try (ImageSources sources = ImageSources.open(images.settings(cfg, env.variables()))) {
      ImageChecker checker =
          new ImageChecker(
              registry, sources, new ImageChecker.Options(wanted, allBinaries, fromRegistry));
      for (String ref : refs) {
        for (FileResult checked : checker.check(ref)) {
          List<Diagnostic> kept = new ArrayList<>();
          for (Diagnostic d : checked.diagnostics()) {
            if (!cfg.ignores(d.rule()) && !cfg.ignoresInImage(d)) {
              kept.add(cfg.applySeverity(d));
            }
          }
          FileResult r = new FileResult(checked.path(), kept, checked.source(), checked.error());
          results.add(r);
          if (r.error().isPresent()) {
            err.println("dockerlint: " + r.error().get());
            exit = Math.max(exit, ExitCode.USAGE);
          }
          for (Diagnostic d : r.diagnostics()) {
            if (d.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code())) {
              exit = Math.max(exit, ExitCode.INTERNAL);
            } else if (!neverFail && threshold.fails(d.severity())) {
              exit = Math.max(exit, ExitCode.FINDINGS);
            }
          }
        }
      }
    }
    if (verbose) {
      CacheWarnings.drain().forEach(w -> err.println("dockerlint: warning: " + w));
    }
    exit =
        Math.max(
            exit,
            OutputOptions.write(
                targets, results, env.color(output.noColor), registry.metas(), out, err));
    out.flush();
    return exit;
  }

  /** {@code --facts}: the facts Dockerfile rules see about one image, as JSON. */
  private int facts(String image, List<Platform> wanted) {
    if (image.startsWith("oci:") || image.startsWith("docker-archive:")) {
      throw new ParameterException(
          spec.commandLine(),
          "--facts shows what Dockerfile rules see of a base image, from the Docker Engine or a"
              + " registry; '"
              + image
              + "' is a local image file: check it without --facts");
    }
    ImageRef ref =
        ImageRef.parse(image)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), "invalid image reference '" + image + "'"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ImageSources sources = ImageSources.open(images.settings())) {
      Platform p =
          !wanted.isEmpty() ? wanted.get(0) : sources.enginePlatform().orElse(Platform.host());
      long t0 = System.nanoTime();
      Lookup l = sources.source().lookup(ref, p, files);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (l instanceof Lookup.Found f) {
        out.println(json(f.image(), seconds));
        out.flush();
        return ExitCode.CLEAN;
      }
      String reason =
          l instanceof Lookup.NotFound nf ? nf.reason() : ((Lookup.Unavailable) l).reason();
      err.println("dockerlint: " + ref.familiar() + " for " + p + ": " + reason);
      return ExitCode.USAGE;
    }
  }

  private String json(ImageInfo info, double seconds) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("ref", info.ref().canonical());
    info.digest().ifPresent(d -> n.put("digest", d));
    info.imageId().ifPresent(d -> n.put("imageId", d));
    n.put("platform", info.platform().toString());
    ArrayNode ps = n.putArray("availablePlatforms");
    info.availablePlatforms().forEach(x -> ps.add(x.toString()));
    ImageConfig c = info.config();
    ObjectNode cfg = n.putObject("config");
    ArrayNode env = cfg.putArray("Env");
    c.env().forEach(env::add);
    c.entrypoint().ifPresent(e -> e.forEach(cfg.putArray("Entrypoint")::add));
    c.cmd().ifPresent(e -> e.forEach(cfg.putArray("Cmd")::add));
    c.shell().ifPresent(e -> e.forEach(cfg.putArray("Shell")::add));
    c.user().ifPresent(u -> cfg.put("User", u));
    c.workingDir().ifPresent(w -> cfg.put("WorkingDir", w));
    ObjectNode labels = cfg.putObject("Labels");
    c.labels().forEach(labels::put);
    c.healthcheck().ifPresent(h -> h.forEach(cfg.putObject("Healthcheck").putArray("Test")::add));
    info.files()
        .ifPresent(
            idx -> {
              ObjectNode fs = n.putObject("files");
              long executables = idx.entries().stream().filter(this::isProgram).count();
              fs.put("entries", idx.entries().size());
              fs.put("executables", executables);
              if (list) {
                ArrayNode all = fs.putArray("list");
                for (FileEntry e : idx.entries()) {
                  ObjectNode x = all.addObject();
                  x.put("path", e.path());
                  x.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                  x.put("mode", String.format("%04o", e.mode()));
                  x.put("size", e.size());
                  e.linkTarget().ifPresent(t -> x.put("link", t));
                  e.facts()
                      .flatMap(f -> f.elf())
                      .flatMap(el -> el.architecture())
                      .ifPresent(a -> x.put("elf", a));
                  e.facts()
                      .flatMap(f -> f.elf())
                      .flatMap(el -> el.interpreter())
                      .ifPresent(i -> x.put("interpreter", i));
                  e.facts().flatMap(f -> f.shebang()).ifPresent(s -> x.put("shebang", s.line()));
                }
              }
            });
    n.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return n.toString();
  }

  private boolean isProgram(FileEntry e) {
    return e.kind() == FileEntry.Kind.FILE && e.executable();
  }
}
