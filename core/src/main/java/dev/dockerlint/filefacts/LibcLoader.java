package dev.dockerlint.filefacts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A dynamic loader path as found in an ELF {@code PT_INTERP}, with the C library and architecture
 * it belongs to.
 *
 * <p>A dynamically linked binary starts only if its loader exists in the image; otherwise {@code
 * execve} fails with "no such file or directory" although the binary itself is there. The loader
 * path tells which libc the binary was built against: a glibc binary in an Alpine (musl) image, or
 * a musl binary in a Debian image, fails this way.
 *
 * @param path the loader path, e.g. {@code /lib/ld-musl-aarch64.so.1}
 * @param libc glibc or musl
 * @param architectures the OCI architectures that use this path; more than one when several share
 *     it (e.g. {@code /lib/ld.so.1} for 32-bit MIPS in either byte order)
 * @param floatAbi {@code "hard"} or {@code "soft"} for 32-bit ARM loaders
 */
public record LibcLoader(
    String path, Libc libc, Set<String> architectures, Optional<String> floatAbi) {

  /** The C library a loader belongs to. */
  public enum Libc {
    GLIBC,
    MUSL
  }

  /** The glibc loader paths of the architectures Debian, Ubuntu, Fedora and others ship. */
  private static final List<LibcLoader> GLIBC =
      List.of(
          glibc("/lib64/ld-linux-x86-64.so.2", "amd64"),
          glibc("/lib/ld-linux.so.2", "386"),
          glibc("/lib/ld-linux-aarch64.so.1", "arm64"),
          new LibcLoader(
              "/lib/ld-linux-armhf.so.3", Libc.GLIBC, Set.of("arm"), Optional.of("hard")),
          new LibcLoader("/lib/ld-linux.so.3", Libc.GLIBC, Set.of("arm"), Optional.of("soft")),
          glibc("/lib64/ld64.so.2", "ppc64le"),
          glibc("/lib64/ld64.so.1", "ppc64"),
          glibc("/lib/ld64.so.1", "s390x"),
          glibc("/lib/ld-linux-riscv64-lp64d.so.1", "riscv64"),
          glibc("/lib/ld-linux-riscv64-lp64.so.1", "riscv64"),
          glibc("/lib64/ld.so.1", "mips64le", "mips64"),
          glibc("/lib/ld.so.1", "mipsle", "mips"),
          glibc("/lib64/ld-linux-loongarch-lp64d.so.1", "loong64"));

  public LibcLoader {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(libc, "libc");
    architectures = Set.copyOf(architectures);
    Objects.requireNonNull(floatAbi, "floatAbi");
  }

  private static LibcLoader glibc(String path, String... architectures) {
    return new LibcLoader(path, Libc.GLIBC, Set.of(architectures), Optional.empty());
  }

  /**
   * The loader at {@code path}, if it is a known glibc loader or follows musl's {@code
   * /lib/ld-musl-<arch>.so.1} scheme.
   */
  public static Optional<LibcLoader> forPath(String path) {
    for (LibcLoader loader : GLIBC) {
      if (loader.path.equals(path)) {
        return Optional.of(loader);
      }
    }
    String prefix = "/lib/ld-musl-";
    String suffix = ".so.1";
    if (path.startsWith(prefix) && path.endsWith(suffix)) {
      String muslArch = path.substring(prefix.length(), path.length() - suffix.length());
      return muslArchitecture(muslArch)
          .map(
              arch ->
                  new LibcLoader(
                      path,
                      Libc.MUSL,
                      Set.of(arch),
                      arch.equals("arm")
                          ? Optional.of(muslArch.endsWith("hf") ? "hard" : "soft")
                          : Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * The loader path a binary for {@code architecture} linked against {@code libc} asks for; for
   * 32-bit ARM {@code floatAbi} picks between the armhf and armel loaders (hard float if empty).
   */
  public static Optional<String> pathFor(
      Libc libc, String architecture, Optional<String> floatAbi) {
    boolean soft = floatAbi.filter("soft"::equals).isPresent();
    if (libc == Libc.MUSL) {
      String muslArch =
          switch (architecture) {
            case "amd64" -> "x86_64";
            case "386" -> "i386";
            case "arm64" -> "aarch64";
            case "arm" -> soft ? "arm" : "armhf";
            case "ppc64le" -> "powerpc64le";
            case "ppc64" -> "powerpc64";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "mips64le" -> "mips64el";
            case "mips64" -> "mips64";
            case "mipsle" -> "mipsel";
            case "mips" -> "mips";
            case "loong64" -> "loongarch64";
            default -> null;
          };
      return Optional.ofNullable(muslArch).map(a -> "/lib/ld-musl-" + a + ".so.1");
    }
    for (LibcLoader loader : GLIBC) {
      if (loader.architectures.contains(architecture)
          && (loader.floatAbi.isEmpty() || loader.floatAbi.get().equals(soft ? "soft" : "hard"))) {
        return Optional.of(loader.path);
      }
    }
    return Optional.empty();
  }

  /** musl's {@code ARCH} names (with its sub-architecture suffixes) mapped to OCI names. */
  private static Optional<String> muslArchitecture(String muslArch) {
    String base = muslArch.replaceFirst("(-sf|-sp|-nf)$", "");
    String arch =
        switch (base) {
          case "x86_64" -> "amd64";
          case "i386" -> "386";
          case "aarch64" -> "arm64";
          case "arm", "armhf" -> "arm";
          case "powerpc64le" -> "ppc64le";
          case "powerpc64" -> "ppc64";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          case "mips64el" -> "mips64le";
          case "mips64" -> "mips64";
          case "mipsel" -> "mipsle";
          case "mips" -> "mips";
          case "loongarch64" -> "loong64";
          default -> null;
        };
    return Optional.ofNullable(arch);
  }
}
