package dev.dockerlint.cli;

import dev.dockerlint.config.ByteSize;
import dev.dockerlint.config.Config;
import dev.dockerlint.image.ImageSourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that say where facts about base images come from, shared by subcommands. */
public final class ImageSourceOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--image-source",
      paramLabel = "SOURCE",
      description =
          "Where facts about base images come from: auto (the Docker Engine if one answers within"
              + " a second, else the registry), docker, registry or none (default: auto, or"
              + " $DOCKERLINT_IMAGE_SOURCE)")
  String imageSource;

  @Option(
      names = "--offline",
      description = "No network: base images only from the Docker Engine and the cache")
  boolean offline;

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST[:PORT]",
      description = "A registry to use without TLS verification, or over HTTP (repeatable)")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(
      names = "--image-files-max-bytes",
      paramLabel = "BYTES",
      description =
          "Read the files of base images only up to this size (e.g. 500M, 2G; default: 1G)")
  String imageFilesMaxBytes;

  /** The settings these options, $DOCKERLINT_IMAGE_SOURCE and no configuration ask for. */
  ImageSourceSettings settings() {
    return settings(Config.none(), System.getenv());
  }

  /**
   * The settings: the command line's, else {@code $DOCKERLINT_IMAGE_SOURCE}, else the configuration
   * file's ({@code imageSource}, {@code offline}), else {@code auto}.
   */
  ImageSourceSettings settings(Config config, Map<String, String> environment) {
    String modeText = imageSource;
    String origin = "--image-source";
    // the process environment counts too, so that a test run's DOCKERLINT_IMAGE_SOURCE=none
    // reaches commands that are given an environment of their own
    Optional<String> fromEnv =
        Optional.ofNullable(environment.get("DOCKERLINT_IMAGE_SOURCE"))
            .or(() -> Optional.ofNullable(System.getenv("DOCKERLINT_IMAGE_SOURCE")));
    if (modeText == null && fromEnv.isPresent()) {
      modeText = fromEnv.get();
      origin = "DOCKERLINT_IMAGE_SOURCE";
    }
    if (modeText == null && config.imageSource().isPresent()) {
      modeText = config.imageSource().get();
      origin =
          "imageSource in " + config.source().map(Object::toString).orElse("the configuration");
    }
    if (modeText == null) {
      modeText = "auto";
    }
    String o = origin;
    String m = modeText;
    ImageSourceSettings.Mode mode =
        ImageSourceSettings.Mode.parse(modeText)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "invalid " + o + " '" + m + "' (expected auto, docker, registry or none)"));
    ImageSourceSettings s =
        ImageSourceSettings.defaults()
            .withMode(mode)
            .withOffline(offline || config.offline().orElse(false))
            .withInsecureRegistries(insecureRegistries(config));
    if (imageFilesMaxBytes == null && config.imageFilesMaxBytes().isPresent()) {
      s = s.withFilesMaxBytes(config.imageFilesMaxBytes().get());
    }
    if (imageFilesMaxBytes != null) {
      s =
          s.withFilesMaxBytes(
              ByteSize.parse(imageFilesMaxBytes)
                  .orElseThrow(
                      () ->
                          new ParameterException(
                              spec.commandLine(),
                              "invalid --image-files-max-bytes '"
                                  + imageFilesMaxBytes
                                  + "' (expected bytes, e.g. 500M or 2G)")));
    }
    return s;
  }

  /**
   * The configuration's {@code insecure-registries} and the {@code --insecure-registry} options.
   */
  private Set<String> insecureRegistries(Config config) {
    Set<String> all = new LinkedHashSet<>(config.insecureRegistries());
    all.addAll(insecureRegistries);
    return all;
  }
}
