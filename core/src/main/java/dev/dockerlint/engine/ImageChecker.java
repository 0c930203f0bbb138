package dev.dockerlint.engine;

import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.cache.DiskCache;
import dev.dockerlint.image.local.LocalImageException;
import dev.dockerlint.image.local.LocalImages;
import dev.dockerlint.imagefs.ImageAnalysis;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.ImageInput;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code dockerlint image}: checks built images, every platform of an index, with the {@link
 * ImageCheck}s. An image comes from the Docker Engine, a registry, an OCI layout ({@code oci:DIR})
 * or a {@code docker save} archive ({@code docker-archive:FILE}). Its tag is always resolved afresh
 * (a tag that was just rebuilt or pushed must not be answered from the cache); its file index is
 * read once, streaming its layers, and kept in the disk cache under the config's digest, so a
 * repeat run reads no layers.
 *
 * <p>Each platform checked is one {@link FileResult}, named {@code REF (os/arch)}; a REF that
 * cannot be checked is one failed result with a one-line reason, and the others are still checked.
 */
public final class ImageChecker {

  /**
   * What to check.
   *
   * @param platforms the platforms to check (empty: every platform of an index)
   * @param allBinaries also check every ELF file, not only those a start runs
   * @param fromRegistry look REFs up in their registry, not in the Docker Engine
   */
  public record Options(List<Platform> platforms, boolean allBinaries, boolean fromRegistry) {
    public Options {
      platforms = List.copyOf(platforms);
    }
  }

  private final RuleRegistry registry;
  private final ImageSources sources;
  private final Options options;

  public ImageChecker(RuleRegistry registry, ImageSources sources, Options options) {
    this.registry = registry;
    this.sources = sources;
    this.options = options;
  }

  /** Checks one REF: one result per platform, or one failed result. */
  public List<FileResult> check(String refText) {
    if (refText.startsWith("oci:")) {
      return local(refText, refText.substring("oci:".length()), false);
    }
    if (refText.startsWith("docker-archive:")) {
      return local(refText, refText.substring("docker-archive:".length()), true);
    }
    Optional<ImageRef> parsed = ImageRef.parse(refText);
    if (parsed.isEmpty()) {
      return List.of(FileResult.failed(refText, "invalid image reference '" + refText + "'"));
    }
    return remote(refText, parsed.get());
  }

  // --------------------------------------------------------------------- engine and registry

  private List<FileResult> remote(String name, ImageRef ref) {
    Optional<ImageMetadataSource> engine =
        options.fromRegistry() ? Optional.empty() : sources.engine();
    String engineReason = "";
    Optional<ImageMetadataSource> reg = sources.registry();
    boolean askRegistry = options.fromRegistry() || registryQualified(name);
    if (engine.isPresent()) {
      Lookup l = engine.get().lookup(ref, Platform.host(), false);
      boolean otherPlatform =
          l instanceof Lookup.Found f
              && !options.platforms().isEmpty()
              && options.platforms().stream().noneMatch(p -> matches(p, f.image().platform()));
      if (l instanceof Lookup.Found f && !(otherPlatform && askRegistry && reg.isPresent())) {
        // the engine's image; for platforms it does not hold, the registry's index, if any
        return fromEngine(name, engine.get(), ref, f.image());
      }
      engineReason = reason(l);
    }
    if (!askRegistry || reg.isEmpty()) {
      String why =
          engine.isEmpty()
              ? options.fromRegistry()
                  ? "the registry is not asked (--offline or --image-source)"
                  : "no Docker Engine is used (--image-source)"
              : engineReason;
      String hint =
          !askRegistry && reg.isPresent()
              ? "; to check the registry's image, give --from-registry"
              : "";
      return List.of(FileResult.failed(name, about(name, why) + hint));
    }
    return fromRegistry(name, reg.get(), ref);
  }

  /**
   * A name whose first component is a registry host ({@code host.tld/...}, {@code host:port/...}).
   */
  static boolean registryQualified(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String first = name.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  private List<FileResult> fromEngine(
      String name, ImageMetadataSource engine, ImageRef ref, ImageInfo found) {
    if (!options.platforms().isEmpty()
        && options.platforms().stream().noneMatch(p -> matches(p, found.platform()))) {
      return List.of(
          FileResult.failed(
              name,
              name
                  + " in the Docker Engine is for "
                  + found.platform()
                  + ", not "
                  + platformsText()));
    }
    Lookup files = withFiles(found, () -> engine.lookup(ref, found.platform(), true));
    if (!(files instanceof Lookup.Found f)) {
      return List.of(FileResult.failed(name, about(name, reason(files))));
    }
    return List.of(result(name, found.platform(), Optional.empty(), found.config(), filesOf(f)));
  }

  private List<FileResult> fromRegistry(String name, ImageMetadataSource reg, ImageRef ref) {
    Lookup top = reg.lookup(ref, Platform.host(), false);
    List<Platform> available =
        top instanceof Lookup.Found f
            ? f.image().availablePlatforms()
            : top instanceof Lookup.NotFound nf ? nf.availablePlatforms() : List.of();
    if (available.isEmpty()) {
      if (!(top instanceof Lookup.Found f)) {
        return List.of(FileResult.failed(name, about(name, reason(top))));
      }
      // an image without an index: one platform, the config's
      return fromEngine(name, reg, ref, f.image());
    }
    List<FileResult> out = new ArrayList<>();
    List<Platform> chosen = new ArrayList<>();
    for (Platform p : available) {
      if ((options.platforms().isEmpty()
              || options.platforms().stream().anyMatch(w -> matches(w, p)))
          && !chosen.contains(p)) {
        chosen.add(p);
      }
    }
    if (chosen.isEmpty()) {
      return List.of(
          FileResult.failed(
              name,
              name
                  + " offers no variant for "
                  + platformsText()
                  + " (it has "
                  + String.join(", ", available.stream().map(Platform::toString).toList())
                  + ")"));
    }
    for (Platform p : chosen) {
      Lookup l = reg.lookup(ref, p, false);
      if (!(l instanceof Lookup.Found f)) {
        out.add(FileResult.failed(name + " (" + p + ")", name + " (" + p + "): " + reason(l)));
        continue;
      }
      Lookup files = withFiles(f.image(), () -> reg.lookup(ref, p, true));
      if (!(files instanceof Lookup.Found ff)) {
        out.add(FileResult.failed(name + " (" + p + ")", name + " (" + p + "): " + reason(files)));
        continue;
      }
      out.add(result(name, f.image().platform(), Optional.of(p), f.image().config(), filesOf(ff)));
    }
    return out;
  }

  /**
   * {@code image} with its file index: from the cache by config digest, else by {@code read} (which
   * streams the layers once), then cached. Not found: why the files could not be read.
   */
  private Lookup withFiles(ImageInfo image, Supplier<Lookup> read) {
    Optional<DiskCache> cache = sources.cache();
    if (image.imageId().isPresent() && cache.isPresent()) {
      Optional<FileIndex> cached = cache.get().files(image.imageId().get());
      if (cached.isPresent()) {
        return new Lookup.Found(image.withFiles(cached.get()));
      }
    }
    Lookup l = read.get();
    if (!(l instanceof Lookup.Found f) || f.image().files().isEmpty()) {
      return l instanceof Lookup.Found ? new Lookup.Unavailable("its files could not be read") : l;
    }
    if (f.image().imageId().isPresent() && cache.isPresent()) {
      cache.get().putFiles(f.image().imageId().get(), f.image().files().get());
    }
    return l;
  }

  private static FileIndex filesOf(Lookup.Found f) {
    return f.image().files().orElseThrow();
  }

  // ------------------------------------------------------------------------------ on disk

  private List<FileResult> local(String name, String spec, boolean archive) {
    Path path = Path.of(spec);
    Optional<String> tag = Optional.empty();
    int colon = spec.lastIndexOf(':');
    if (!Files.exists(path) && colon > 0) {
      path = Path.of(spec.substring(0, colon));
      tag = Optional.of(spec.substring(colon + 1));
    }
    if (!Files.exists(path)) {
      return List.of(
          FileResult.failed(name, name + ": no such " + (archive ? "file" : "directory")));
    }
    List<FileResult> out = new ArrayList<>();
    try (LocalImages images = LocalImages.open(path, archive, name, tag)) {
      List<LocalImages.Image> chosen = new ArrayList<>();
      for (LocalImages.Image i : images.images()) {
        Platform p = i.claimed().orElse(i.platform());
        if (options.platforms().isEmpty()
            || options.platforms().stream().anyMatch(w -> matches(w, p))) {
          chosen.add(i);
        }
      }
      if (chosen.isEmpty()) {
        return List.of(FileResult.failed(name, name + " holds no image for " + platformsText()));
      }
      Optional<DiskCache> cache = sources.cache();
      for (LocalImages.Image i : chosen) {
        Optional<FileIndex> files = cache.flatMap(c -> c.files(i.imageId()));
        if (files.isEmpty()) {
          FileIndex read = images.files(i, sources.limits());
          cache.ifPresent(c -> c.putFiles(i.imageId(), read));
          files = Optional.of(read);
        }
        out.add(result(i.name(), i.platform(), i.claimed(), i.config(), files.get()));
      }
      return out;
    } catch (LocalImageException e) {
      return List.of(FileResult.failed(name, name + ": " + e.getMessage()));
    }
  }

  // ------------------------------------------------------------------------------- checks

  private FileResult result(
      String name,
      Platform configPlatform,
      Optional<Platform> claimed,
      ImageConfig config,
      FileIndex files) {
    Platform platform = claimed.orElse(configPlatform);
    ImageAnalysis.Result analysis =
        ImageAnalysis.of(config, files, platform, options.allBinaries());
    ImageInput input = new ImageInput(name, configPlatform, claimed, config, files, analysis);
    List<Diagnostic> out = new ArrayList<>();
    for (ImageCheck c : registry.imageChecks()) {
      try {
        c.check(new ImageCheckContext(c.meta(), input, out::add));
      } catch (RuntimeException | StackOverflowError ex) {
        out.add(
            Diagnostic.of(
                RuleRegistry.INTERNAL_ERROR,
                Finding.of(
                    ImageCheckContext.IMAGE,
                    "internal error in " + c.meta().code() + " " + c.meta().name() + ": " + ex)));
      }
    }
    return new FileResult(input.display(), out, Optional.empty(), Optional.empty());
  }

  /** Whether {@code actual} is what {@code wanted} asks for (a variant only when given). */
  private static boolean matches(Platform wanted, Platform actual) {
    return wanted.os().equals(actual.os())
        && wanted.architecture().equals(actual.architecture())
        && (wanted.variant().isEmpty() || wanted.variant().equals(actual.variant()));
  }

  private String platformsText() {
    return String.join(", ", options.platforms().stream().map(Platform::toString).toList());
  }

  /** {@code name: why}, unless the reason names the image already. */
  private static String about(String name, String why) {
    return why.startsWith(name) ? why : name + ": " + why;
  }

  private static String reason(Lookup l) {
    if (l instanceof Lookup.NotFound nf) {
      return nf.reason();
    }
    return l instanceof Lookup.Unavailable u ? u.reason() : "its files could not be read";
  }
}
