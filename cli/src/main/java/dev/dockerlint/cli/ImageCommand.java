package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dockerlint image REF}: what dockerlint knows about an image, as JSON: the facts rules see
 * (digest, platforms, config and, with {@code --files}, the file index), from the same sources and
 * cache {@code check} uses. For looking into why a rule said what it said, and for timing.
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Show what dockerlint knows about an image (JSON).",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the image was found",
      "  1  the image does not exist for that platform, or could not be inspected",
      "  2  usage error"
    })
public final class ImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", description = "An image reference, e.g. alpine:3.20")
  String image;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform (default: the Docker Engine's, else this machine's)")
  String platform;

  @Option(names = "--files", description = "Read the image's files too (may download layers)")
  boolean files;

  @Option(names = "--list", description = "With --files: list every path")
  boolean list;

  @Mixin ImageSourceOptions images = new ImageSourceOptions();

  @Override
  public Integer call() {
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
          platform != null
              ? Platform.parse(platform)
                  .orElseThrow(
                      () ->
                          new ParameterException(
                              spec.commandLine(), "invalid --platform '" + platform + "'"))
              : sources.enginePlatform().orElse(Platform.host());
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
      return ExitCode.FINDINGS;
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
