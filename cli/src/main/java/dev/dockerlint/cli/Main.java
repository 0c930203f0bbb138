package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.lsp.LspLauncher;
import dev.dockerlint.registry.RuleRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code dockerlint} command. Only this class calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    InputStream in = System.in;
    if (LspCommand.servesStdio(args)) {
      // An editor waits for the answer to `initialize` before it sends anything else: answered
      // first of all, before the server is built (`lsp` is a subcommand: args are the full line)
      in = LspLauncher.answerInitialize(in, System.out);
    }
    String[] full = withDefaultSubcommand(args);
    if (full.length > 0 && WARMS_UP.contains(full[0])) {
      warmUpInBackground(full[0].equals("lsp"));
    }
    System.exit(run(args, in, System.out, System.err));
  }

  /** The commands that read the rule registry and JSON (the image cache, the settings). */
  private static final Set<String> WARMS_UP = Set.of("check", "image", "rules", "explain", "lsp");

  /** A record for {@link #warmUpInBackground(boolean)} to link the methods every record shares. */
  private record Linked(String text, int number) {}

  /**
   * Does on another core what this thread would otherwise wait for after reading the command line
   * (which takes about as long), in the order this thread gets to it: Jackson's ObjectMapper (its
   * static set-up alone takes tens of milliseconds: date formats, locales; the image cache reads
   * JSON first), the JDK's SHA-256 (the security providers; cache file names are digests), the
   * method handles behind records' equals, hashCode and toString (the first record used as a map
   * key takes tens of milliseconds to link them; the others share most of that), then the built-in
   * rule registry, loading and initialising every rule class (first of all for the language server,
   * which builds its linter before it needs JSON). A thread that needs one of them meanwhile waits
   * for it, as the JVM initialises a class once, under its lock. A failure here is left for that
   * thread to report: it gets the same error.
   */
  private static void warmUpInBackground(boolean rulesFirst) {
    Thread t =
        new Thread(
            () -> {
              try {
                if (rulesFirst) {
                  RuleRegistry.builtIn();
                }
                new ObjectMapper();
                MessageDigest.getInstance("SHA-256");
                Linked linked = new Linked("", 0);
                linked.equals(new Linked(linked.toString(), linked.hashCode()));
                RuleRegistry.builtIn();
              } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
                // reported by the thread that needs the class
              }
            },
            "dockerlint-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Runs the command line and returns the exit code (see {@link ExitCode}). */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, Env.system());
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Env env) {
    return run(args, in, out, err, env, RuleRegistry::builtIn);
  }

  /** Runs with {@code registry}'s rules instead of the built-in ones (tests). */
  static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Env env,
      RuleRegistry registry) {
    return run(args, in, out, err, env, () -> registry);
  }

  private static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Env env,
      Supplier<RuleRegistry> registry) {
    String[] full = withDefaultSubcommand(args);
    Optional<Integer> served = LspCommand.serveWithoutParsing(full, in, out, err);
    if (served.isPresent()) {
      return served.get();
    }
    try {
      return DockerlintCommand.commandLine(
              in, out, err, env, registry, full.length > 0 ? full[0] : "")
          .execute(full);
    } catch (Error e) {
      // picocli hands exceptions to the execution exception handler, errors come here
      err.println("dockerlint: internal error: " + e);
      if (Arrays.asList(args).contains("--verbose")) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCode.INTERNAL;
    }
  }

  /** {@code dockerlint FILE...} means {@code dockerlint check FILE...}. */
  static String[] withDefaultSubcommand(String[] args) {
    if (args.length > 0 && DockerlintCommand.isSubcommandOrTopLevelOption(args[0])) {
      return args;
    }
    String[] out = new String[args.length + 1];
    out[0] = "check";
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }
}
