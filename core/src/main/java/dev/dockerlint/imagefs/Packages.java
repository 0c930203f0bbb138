package dev.dockerlint.imagefs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs that installing a distribution package puts on the PATH, for the interpreters and init
 * helpers a {@code #!} line or an ENTRYPOINT names. Package names of Debian, Ubuntu, Alpine, Fedora
 * and their relatives; versions and architectures ({@code bash=5.2*}, {@code bash:amd64}) are
 * stripped.
 */
final class Packages {
  private static final Map<String, List<String>> PROGRAMS =
      Map.ofEntries(
          Map.entry("bash", List.of("bash")),
          Map.entry("bash-static", List.of("bash-static")),
          Map.entry("dash", List.of("dash", "sh")),
          Map.entry("zsh", List.of("zsh")),
          Map.entry("fish", List.of("fish")),
          Map.entry("ksh", List.of("ksh")),
          Map.entry("mksh", List.of("mksh")),
          Map.entry("tcsh", List.of("tcsh", "csh")),
          Map.entry("busybox", List.of("busybox")),
          Map.entry("busybox-static", List.of("busybox")),
          Map.entry("python3", List.of("python3")),
          Map.entry("python3-minimal", List.of("python3")),
          Map.entry("python", List.of("python")),
          Map.entry("python-is-python3", List.of("python")),
          Map.entry("python2", List.of("python2")),
          Map.entry("pypy3", List.of("pypy3")),
          Map.entry("perl", List.of("perl")),
          Map.entry("perl-base", List.of("perl")),
          Map.entry("ruby", List.of("ruby")),
          Map.entry("nodejs", List.of("node", "nodejs")),
          Map.entry("php", List.of("php")),
          Map.entry("php-cli", List.of("php")),
          Map.entry("lua", List.of("lua")),
          Map.entry("tcl", List.of("tclsh")),
          Map.entry("r-base", List.of("R", "Rscript")),
          Map.entry("tini", List.of("tini")),
          Map.entry("tini-static", List.of("tini-static")),
          Map.entry("dumb-init", List.of("dumb-init")),
          Map.entry("su-exec", List.of("su-exec")),
          Map.entry("gosu", List.of("gosu")),
          Map.entry("coreutils", List.of("env")),
          Map.entry("curl", List.of("curl")),
          Map.entry("wget", List.of("wget")),
          Map.entry("git", List.of("git")));

  private static final Pattern JAVA =
      Pattern.compile("(?:openjdk-?[0-9]+(?:-jre|-jdk)?(?:-headless)?|java-[0-9.]+-openjdk.*)");
  private static final Pattern PHP = Pattern.compile("php[0-9.]+(?:-cli)?");
  private static final Pattern LUA = Pattern.compile("lua(5\\.[0-9])");

  private Packages() {}

  /** The programs a package installs into {@code /usr/bin} or {@code /bin}, as far as known. */
  static List<String> programs(String packageSpec) {
    String name = packageSpec.toLowerCase(Locale.ROOT).replaceFirst("[=:/<>~].*$", "");
    List<String> known = PROGRAMS.get(name);
    if (known != null) {
      return known;
    }
    if (JAVA.matcher(name).matches()) {
      return List.of("java");
    }
    if (PHP.matcher(name).matches()) {
      return List.of("php");
    }
    Matcher lua = LUA.matcher(name);
    if (lua.matches()) {
      return List.of("lua" + lua.group(1));
    }
    return List.of();
  }

  /** The paths a program installed by a package may have. */
  static List<String> paths(String program) {
    return List.of(
        "/bin/" + program, "/usr/bin/" + program, "/sbin/" + program, "/usr/sbin/" + program);
  }
}
