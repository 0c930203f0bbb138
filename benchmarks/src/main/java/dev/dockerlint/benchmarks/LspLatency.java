package dev.dockerlint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Times language servers over stdio, the way an editor talks to them: startup to the initialize
 * answer and to the first diagnostics of a file opened then, didChange (a character typed, and a
 * line break typed) to publishDiagnostics, hover, completion and full semantic tokens on a 50-line
 * and a 2,000-line Dockerfile, and the resident memory after 10,000 edits. Every server given runs
 * in the same invocation on the same texts and edits, so the figures compare.
 *
 * <pre>
 * java -cp benchmarks.jar dev.dockerlint.benchmarks.LspLatency \
 *     --server 'dockerlint=java -jar cli/target/dockerlint.jar lsp' \
 *     --server 'node=node .../docker-langserver --stdio' [--edits 300] [--requests 300]
 *     [--startups 5] [--rss-edits 10000] [--rss-edits-for node=2000] [--out results.json]
 *     [--lines 2000] [--samples DIR] [--startup-only] [--client-warm-up 300]
 *     [--idle-after-open 0] [--interleave] [--enter-edits 40]
 * </pre>
 *
 * didChange is reported over all edits, and again without the first 100 (when there are at least
 * 200), which also pay for the server's warm-up. {@code --lines} measures only the texts of that
 * many lines; {@code --startup-only} times only the startups, the servers taking turns; {@code
 * --interleave} only didChange, the servers running at once and taking turns edit by edit; {@code
 * --samples} writes every didChange round trip to {@code DIR/<server>-<lines>.csv} (edit, when it
 * was sent in milliseconds since the epoch, round trip in ms), to line up slow edits with the
 * server's GC or JFR logs. Before the measured servers, the client warms itself up against the
 * first one ({@code --client-warm-up} edits, 0 for none; those figures are dropped).
 *
 * <p>Not a JMH benchmark: the cost measured is the whole round trip through another process.
 */
public final class LspLatency {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String URI = "file:///bench/Dockerfile";
  private static final long TIMEOUT_S = 120;

  /** The edits left out of the "after" rows of didChange (kept in the rows of all edits). */
  private static final int WARM_EDITS = 100;

  private LspLatency() {}

  /**
   * How long the client waits after a file's first diagnostics before it starts typing ({@code
   * --idle-after-open}; 0 by default): a person reads before typing, and a server may use the time.
   */
  private static int idleAfterOpenMillis;

  /**
   * Line breaks typed after the other edits ({@code --enter-edits}; 40 by default), at the end of
   * the same line, each deleted by the next: an edit that moves every later line.
   */
  private static int enterEdits = 40;

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> servers = new LinkedHashMap<>();
    int edits = 300;
    int requests = 300;
    int startups = 5;
    int rssEdits = 10_000;
    Map<String, Integer> rssEditsFor = new LinkedHashMap<>();
    Path out = null;
    int[] sizes = {50, 2000};
    Path samples = null;
    boolean startupOnly = false;
    boolean interleave = false;
    int warmUpEdits = 300;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--idle-after-open")) {
        idleAfterOpenMillis = Integer.parseInt(args[++i]);
        continue;
      }
      if (args[i].equals("--enter-edits")) {
        enterEdits = Integer.parseInt(args[++i]);
        continue;
      }
      switch (args[i]) {
        case "--server" -> {
          String s = args[++i];
          int eq = s.indexOf('=');
          servers.put(s.substring(0, eq), List.of(s.substring(eq + 1).trim().split("\\s+")));
        }
        case "--edits" -> edits = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--startups" -> startups = Integer.parseInt(args[++i]);
        case "--rss-edits" -> rssEdits = Integer.parseInt(args[++i]);
        case "--rss-edits-for" -> {
          String[] kv = args[++i].split("=", 2);
          rssEditsFor.put(kv[0], Integer.parseInt(kv[1]));
        }
        case "--out" -> out = Path.of(args[++i]);
        case "--lines" -> sizes = new int[] {Integer.parseInt(args[++i])};
        case "--samples" -> samples = Path.of(args[++i]);
        case "--startup-only" -> startupOnly = true;
        case "--interleave" -> interleave = true;
        case "--client-warm-up" -> warmUpEdits = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Map<String, Map<String, Double>> results = new LinkedHashMap<>();
    if (startupOnly) {
      startups(servers, startups, results);
      print(results);
      return;
    }
    if (interleave) {
      interleaved(servers, sizes, edits, results);
      print(results);
      return;
    }
    if (warmUpEdits > 0 && !servers.isEmpty()) {
      // This client runs on the same cores as the server it times, and its own code (JSON, the
      // pipes) is compiled while it runs: without a pass first, the server listed first paid for
      // that. Measured: the same server listed first and again later, p50 of a 2,000-line
      // keystroke 2.8 against 2.2 ms. The pass talks to the first server; its figures are dropped.
      Map.Entry<String, List<String>> first = servers.entrySet().iterator().next();
      System.err.println("== client warm-up: " + first.getKey());
      measure(
          new LinkedHashMap<>(),
          first.getKey(),
          first.getValue(),
          sizes,
          null,
          warmUpEdits,
          Math.min(requests, 50),
          1,
          0);
    }
    for (Map.Entry<String, List<String>> s : servers.entrySet()) {
      System.err.println("== " + s.getKey() + ": " + String.join(" ", s.getValue()));
      Map<String, Double> r = new LinkedHashMap<>();
      try {
        measure(
            r,
            s.getKey(),
            s.getValue(),
            sizes,
            samples,
            edits,
            requests,
            startups,
            rssEditsFor.getOrDefault(s.getKey(), rssEdits));
      } catch (IllegalStateException e) {
        System.err.println(s.getKey() + ": stopped early: " + e.getMessage());
      }
      results.put(s.getKey(), r);
      System.err.println(results.get(s.getKey()));
    }
    print(results);
    if (out != null) {
      Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }
  }

  // ------------------------------------------------------------------ measurements

  /**
   * Only the startup to the initialize answer, the servers taking turns ({@code rounds} turns
   * each), so that a slow spell of a shared machine falls on all of them alike.
   */
  private static void startups(
      Map<String, List<String>> servers, int rounds, Map<String, Map<String, Double>> results)
      throws Exception {
    Map<String, double[][]> times = new LinkedHashMap<>();
    for (String name : servers.keySet()) {
      times.put(name, new double[2][rounds]);
    }
    for (int k = 0; k < rounds; k++) {
      for (Map.Entry<String, List<String>> s : servers.entrySet()) {
        double[] t = startup(s.getValue());
        times.get(s.getKey())[0][k] = t[0];
        times.get(s.getKey())[1][k] = t[1];
      }
    }
    for (Map.Entry<String, double[][]> t : times.entrySet()) {
      Map<String, Double> r = new LinkedHashMap<>();
      r.put("startup to initialize ms (median)", percentile(t.getValue()[0], 50));
      r.put("startup to initialize ms (min)", percentile(t.getValue()[0], 0));
      r.put("startup to first diagnostics ms (median)", percentile(t.getValue()[1], 50));
      r.put("startup to first diagnostics ms (min)", percentile(t.getValue()[1], 0));
      results.put(t.getKey(), r);
    }
  }

  /**
   * From starting the process to the initialize answer, and to the diagnostics of a 50-line file
   * opened as soon as the answer came, in ms; then shuts the server down. The second is what an
   * editor opening a Dockerfile waits for: a server that answers {@code initialize} sooner but is
   * not ready to lint shows it there.
   */
  private static double[] startup(List<String> command) throws Exception {
    try (Server s = Server.start(command)) {
      long t0 = s.started;
      s.initialize();
      double ms = (s.lastReceived - t0) / 1e6;
      s.open(dockerfile(50));
      s.waitDiagnostics(1);
      double diagnostics = (s.lastReceived - t0) / 1e6;
      s.shutdown();
      return new double[] {ms, diagnostics};
    }
  }

  /**
   * Only didChange to publishDiagnostics (characters typed, then line breaks typed and deleted), on
   * servers that all run at once, taking turns edit by edit (the order rotating each round), so
   * that a slow spell of a shared machine falls on all of them alike. Each server is fresh: its
   * first edits are also its first keystrokes.
   */
  private static void interleaved(
      Map<String, List<String>> servers,
      int[] sizes,
      int edits,
      Map<String, Map<String, Double>> results)
      throws Exception {
    List<String> names = new ArrayList<>(servers.keySet());
    for (String name : names) {
      results.put(name, new LinkedHashMap<>());
    }
    for (int lines : sizes) {
      String text = dockerfile(lines);
      int editLine = typingLine(text, lines / 2);
      int col = text.lines().skip(editLine).findFirst().orElse("").length();
      List<Server> running = new ArrayList<>();
      try {
        for (String name : names) {
          Server s = Server.start(servers.get(name));
          running.add(s);
          s.initialize();
          s.open(text);
          s.waitDiagnostics(1);
        }
        if (idleAfterOpenMillis > 0) {
          Thread.sleep(idleAfterOpenMillis);
        }
        double[][] change = new double[names.size()][edits];
        for (int i = 0; i < edits; i++) {
          int v = i + 2;
          boolean insert = i % 2 == 0;
          for (int k = 0; k < names.size(); k++) {
            int n = (k + i) % names.size();
            Server s = running.get(n);
            long t0 = System.nanoTime();
            s.change(v, editLine, col, editLine, insert ? col : col + 1, insert ? "x" : "");
            s.waitDiagnostics(v);
            change[n][i] = (s.lastReceived - t0) / 1e6;
          }
        }
        double[][] enter = new double[names.size()][enterEdits];
        for (int i = 0; i < enterEdits; i++) {
          int v = edits + i + 2;
          boolean insert = i % 2 == 0;
          for (int k = 0; k < names.size(); k++) {
            int n = (k + i) % names.size();
            enter[n][i] = lineBreak(running.get(n), v, editLine, col, insert);
          }
        }
        for (int n = 0; n < names.size(); n++) {
          Map<String, Double> r = results.get(names.get(n));
          String p = lines + " lines ";
          put(r, p + "didChange->diagnostics", change[n]);
          if (enterEdits > 0) {
            put(r, p + "line break->diagnostics", enter[n]);
          }
          if (edits >= 2 * WARM_EDITS) {
            put(
                r,
                p + "didChange->diagnostics after " + WARM_EDITS + " edits",
                Arrays.copyOfRange(change[n], WARM_EDITS, edits));
          }
        }
        for (Server s : running) {
          s.shutdown();
        }
      } finally {
        for (Server s : running) {
          s.close();
        }
      }
    }
  }

  private static void measure(
      Map<String, Double> r,
      String name,
      List<String> command,
      int[] sizes,
      Path samples,
      int edits,
      int requests,
      int startups,
      int rssEdits)
      throws Exception {
    double[] start = new double[startups];
    double[] firstDiagnostics = new double[startups];
    for (int i = 0; i < startups; i++) {
      double[] t = startup(command);
      start[i] = t[0];
      firstDiagnostics[i] = t[1];
    }
    r.put("startup to initialize ms (median)", percentile(start, 50));
    r.put("startup to first diagnostics ms (median)", percentile(firstDiagnostics, 50));
    for (int lines : sizes) {
      String text = dockerfile(lines);
      try (Server s = Server.start(command)) {
        s.initialize();
        s.open(text);
        s.waitDiagnostics(1);
        if (idleAfterOpenMillis > 0) {
          Thread.sleep(idleAfterOpenMillis);
        }
        String p = lines + " lines ";
        double[] change = new double[edits];
        long[] sent = new long[edits];
        int v = 1;
        int editLine = typingLine(text, lines / 2);
        String editLineText = text.lines().skip(editLine).findFirst().orElse("");
        int col = editLineText.length();
        for (int i = 0; i < edits; i++) {
          v++;
          boolean insert = i % 2 == 0;
          long t0 = System.nanoTime();
          sent[i] = t0;
          s.change(v, editLine, col, editLine, insert ? col : col + 1, insert ? "x" : "");
          s.waitDiagnostics(v);
          change[i] = (s.lastReceived - t0) / 1e6;
        }
        put(r, p + "didChange->diagnostics", change);
        if (enterEdits > 0) {
          double[] enter = new double[enterEdits];
          for (int i = 0; i < enterEdits; i++) {
            v++;
            enter[i] = lineBreak(s, v, editLine, col, i % 2 == 0);
          }
          put(r, p + "line break->diagnostics", enter);
        }
        if (edits >= 2 * WARM_EDITS) {
          // The same edits without the first ones, which also pay for the server's warm-up (its
          // JIT compiling the lint, its heap's first collections): typing a while after opening.
          put(
              r,
              p + "didChange->diagnostics after " + WARM_EDITS + " edits",
              Arrays.copyOfRange(change, WARM_EDITS, edits));
        }
        if (samples != null) {
          long wall = System.currentTimeMillis();
          long nano = System.nanoTime();
          StringBuilder csv = new StringBuilder("edit,sent_epoch_ms,round_trip_ms\n");
          for (int i = 0; i < edits; i++) {
            csv.append(
                String.format(
                    Locale.ROOT, "%d,%.3f,%.3f%n", i, wall - (nano - sent[i]) / 1e6, change[i]));
          }
          Files.createDirectories(samples);
          Files.writeString(samples.resolve(name + "-" + lines + ".csv"), csv);
        }
        double[] hover = new double[requests];
        double[] completion = new double[requests];
        List<int[]> spots = hoverSpots(text);
        for (int i = 0; i < requests; i++) {
          int[] at = spots.get(i % spots.size());
          hover[i] = s.timed("textDocument/hover", position(at[0], at[1]));
        }
        put(r, p + "hover", hover);
        // the first of a session apart: the p99 of 50 requests is the slowest one, often the first
        r.put(p + "hover first ms", hover[0]);
        List<int[]> vars = variableSpots(text);
        for (int i = 0; i < requests; i++) {
          int[] at = vars.get(i % vars.size());
          completion[i] = s.timed("textDocument/completion", position(at[0], at[1]));
        }
        put(r, p + "completion", completion);
        r.put(p + "completion first ms", completion[0]);
        double[] tokens = new double[Math.max(10, requests / 10)];
        for (int i = 0; i < tokens.length; i++) {
          ObjectNode params = F.objectNode();
          params.set("textDocument", F.objectNode().put("uri", URI));
          tokens[i] = s.timed("textDocument/semanticTokens/full", params);
        }
        put(r, p + "semantic tokens full", tokens);
        // A hover right after a keystroke, once the keystroke's diagnostics arrived: what a hover
        // costs when the version it reads was never asked for anything but its diagnostics.
        double[] hoverAfterEdit = new double[Math.min(requests, 100)];
        for (int i = 0; i < hoverAfterEdit.length; i++) {
          v++;
          boolean insert = i % 2 == 0;
          s.change(v, editLine, col, editLine, insert ? col : col + 1, insert ? "x" : "");
          s.waitDiagnostics(v);
          int[] at = spots.get(i % spots.size());
          hoverAfterEdit[i] = s.timed("textDocument/hover", position(at[0], at[1]));
        }
        put(r, p + "hover after an edit", hoverAfterEdit);
        if (enterEdits > 0) {
          // the same after a line break, which moves every later stage (one hover before, so that
          // the version before the line break was read)
          s.timed("textDocument/hover", position(spots.get(0)[0], spots.get(0)[1]));
          double[] hoverAfterBreak = new double[Math.min(requests, 100)];
          for (int i = 0; i < hoverAfterBreak.length; i++) {
            v++;
            lineBreak(s, v, editLine, col, i % 2 == 0);
            int[] at = spots.get(i % spots.size());
            hoverAfterBreak[i] = s.timed("textDocument/hover", position(at[0], at[1]));
          }
          put(r, p + "hover after a line break", hoverAfterBreak);
        }
        if (lines == 2000 && rssEdits > 0) {
          r.put("RSS MB after open", s.rssMb());
          long t0 = System.nanoTime();
          for (int half = 1; half <= 2; half++) {
            for (int i = 0; i < rssEdits / 2; i++) {
              v++;
              boolean insert = i % 2 == 0;
              s.change(v, editLine, col, editLine, insert ? col : col + 1, insert ? "x" : "");
            }
            // Servers answer in order: the hover's answer means every edit was processed.
            s.timed("textDocument/hover", position(1, 1), 3600);
            r.put("RSS MB after " + (half * rssEdits / 2) + " edits", s.rssMb());
          }
          r.put(rssEdits + " rapid edits until caught up s", (System.nanoTime() - t0) / 1e9);
        }
        s.shutdown();
      }
    }
  }

  private static void put(Map<String, Double> r, String name, double[] samples) {
    r.put(name + " p50 ms", percentile(samples, 50));
    r.put(name + " p90 ms", percentile(samples, 90));
    r.put(name + " p99 ms", percentile(samples, 99));
  }

  static double percentile(double[] samples, double p) {
    double[] s = samples.clone();
    Arrays.sort(s);
    int k = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(k, s.length - 1))];
  }

  private static ObjectNode position(int line, int character) {
    ObjectNode p = F.objectNode();
    p.set("textDocument", F.objectNode().put("uri", URI));
    p.set("position", F.objectNode().put("line", line).put("character", character));
    return p;
  }

  private static void print(Map<String, Map<String, Double>> results) {
    List<String> names = new ArrayList<>(results.keySet());
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-46s", "metric"));
    for (String n : names) {
      sb.append(String.format(Locale.ROOT, " %14s", n));
    }
    if (names.size() == 2) {
      sb.append(String.format(Locale.ROOT, " %8s", "ratio"));
    }
    System.out.println(sb);
    java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
    results.values().forEach(m -> metrics.addAll(m.keySet()));
    for (String metric : metrics) {
      sb = new StringBuilder(String.format(Locale.ROOT, "%-46s", metric));
      for (String n : names) {
        Double v = results.get(n).get(metric);
        sb.append(
            v == null
                ? String.format(Locale.ROOT, " %14s", "-")
                : String.format(Locale.ROOT, " %14.2f", v));
      }
      if (names.size() == 2) {
        Double a = results.get(names.get(0)).get(metric);
        Double b = results.get(names.get(1)).get(metric);
        sb.append(
            a == null || b == null || b == 0
                ? "        -"
                : String.format(Locale.ROOT, " %8.3f", a / b));
      }
      System.out.println(sb);
    }
    if (names.size() == 2) {
      System.out.println("(ratio = " + names.get(0) + " / " + names.get(1) + ", lower is better)");
    }
  }

  // ------------------------------------------------------------------ the texts

  /** A realistic multi-stage Dockerfile of about {@code lines} lines, the same for every server. */
  static String dockerfile(int lines) {
    StringBuilder sb = new StringBuilder();
    sb.append("# syntax=docker/dockerfile:1\n");
    sb.append("ARG GO_VERSION=1.22\n");
    sb.append("ARG ALPINE_VERSION=3.20\n");
    int stage = 0;
    while (sb.chars().filter(c -> c == '\n').count() < lines - 4) {
      sb.append("FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build")
          .append(stage)
          .append('\n');
      sb.append("ARG TARGETOS\nARG TARGETARCH\n");
      sb.append("ENV CGO_ENABLED=0 GOFLAGS=-trimpath\n");
      sb.append("WORKDIR /src\n");
      sb.append("# fetch dependencies first so they are cached\n");
      sb.append("COPY go.mod go.sum ./\n");
      sb.append("RUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download\n");
      sb.append("COPY . .\n");
      sb.append("RUN --mount=type=cache,target=/root/.cache/go-build \\\n");
      sb.append("    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app")
          .append(stage)
          .append(" ./cmd/app \\\n");
      sb.append("    && echo built ${TARGETARCH}\n");
      sb.append("RUN <<EOF\nset -eux\napk add --no-cache ca-certificates tzdata\nEOF\n");
      sb.append("LABEL org.opencontainers.image.source=\"https://example.com/app\" stage=\"")
          .append(stage)
          .append("\"\n");
      sb.append("MAINTAINER someone <someone@example.com>\n");
      sb.append("EXPOSE 8080\n");
      sb.append("FROM alpine:${ALPINE_VERSION} AS run").append(stage).append('\n');
      sb.append("COPY --link --from=build")
          .append(stage)
          .append(" /out/app")
          .append(stage)
          .append(" /usr/local/bin/app\n");
      sb.append("USER 65534:65534\n");
      sb.append("HEALTHCHECK --interval=30s CMD [\"/usr/local/bin/app\", \"health\"]\n");
      sb.append("ENTRYPOINT [\"/usr/local/bin/app\"]\n");
      sb.append("CMD [\"serve\", \"--port\", \"8080\"]\n");
      stage++;
    }
    return sb.toString();
  }

  /**
   * A line break typed at {@code col} of {@code line} ({@code insert}) or the one typed there
   * deleted, as version {@code v}; the time to its diagnostics in ms.
   */
  private static double lineBreak(Server s, int v, int line, int col, boolean insert)
      throws Exception {
    long t0 = System.nanoTime();
    s.change(v, line, col, insert ? line : line + 1, insert ? col : 0, insert ? "\n" : "");
    s.waitDiagnostics(v);
    return (s.lastReceived - t0) / 1e6;
  }

  /**
   * Where the edits type: the end of the first ENV line from {@code from} on, an ordinary place to
   * type (not after a line continuation, not in a heredoc).
   */
  static int typingLine(String text, int from) {
    String[] ls = text.split("\n", -1);
    for (int i = from; i < ls.length; i++) {
      if (ls[i].startsWith("ENV ")) {
        return i;
      }
    }
    return from;
  }

  /** Keywords, variables and flags to hover on. */
  private static List<int[]> hoverSpots(String text) {
    List<int[]> out = new ArrayList<>();
    String[] ls = text.split("\n", -1);
    for (int i = 0; i < ls.length; i++) {
      if (!ls[i].isEmpty() && Character.isUpperCase(ls[i].charAt(0))) {
        out.add(new int[] {i, 1});
      }
      int d = ls[i].indexOf('$');
      if (d >= 0) {
        out.add(new int[] {i, d + 2});
      }
    }
    return out;
  }

  /** Right after a {@code $}: where variable completion is asked for. */
  private static List<int[]> variableSpots(String text) {
    List<int[]> out = new ArrayList<>();
    String[] ls = text.split("\n", -1);
    for (int i = 0; i < ls.length; i++) {
      int d = ls[i].indexOf('$');
      if (d >= 0) {
        out.add(new int[] {i, d + 1});
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ the client

  private static final class Server implements AutoCloseable {
    final Process process;
    final OutputStream in;
    final long started;
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    volatile long lastReceived;
    int nextId = 1;

    private Server(Process p, long started) {
      this.process = p;
      this.in = p.getOutputStream();
      this.started = started;
      Thread t = new Thread(this::read, "reader");
      t.setDaemon(true);
      t.start();
    }

    static Server start(List<String> command) throws IOException {
      long t0 = System.nanoTime();
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      return new Server(pb.start(), t0);
    }

    private void read() {
      InputStream out = process.getInputStream();
      try {
        while (true) {
          int length = -1;
          String line;
          while (!(line = header(out)).isEmpty()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          byte[] body = out.readNBytes(length);
          long t = System.nanoTime();
          JsonNode m = JSON.readTree(body);
          if (m.has("id") && m.has("method")) {
            // A request from the server (configuration, registerCapability...): answer null.
            ObjectNode r = F.objectNode().put("jsonrpc", "2.0");
            r.set("id", m.get("id"));
            r.putNull("result");
            send(r);
            continue;
          }
          received.add(JSON.createObjectNode().put("t", t).set("m", m));
        }
      } catch (IOException | RuntimeException e) {
        // the process ended
      }
    }

    private static String header(InputStream out) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = out.read()) != '\n') {
        if (c < 0) {
          throw new IOException("end of stream");
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      return b.toString(StandardCharsets.UTF_8);
    }

    synchronized void send(JsonNode m) throws IOException {
      byte[] b = JSON.writeValueAsBytes(m);
      in.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      in.write(b);
      in.flush();
    }

    void notify(String method, JsonNode params) throws IOException {
      ObjectNode m = F.objectNode().put("jsonrpc", "2.0").put("method", method);
      m.set("params", params);
      send(m);
    }

    int request(String method, JsonNode params) throws IOException {
      int id = nextId++;
      ObjectNode m = F.objectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
      m.set("params", params);
      send(m);
      return id;
    }

    JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
      return next(p, TIMEOUT_S);
    }

    JsonNode next(Predicate<JsonNode> p, long timeoutSeconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (true) {
        JsonNode e = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new IllegalStateException("timed out waiting for a message");
        }
        if (p.test(e.get("m"))) {
          lastReceived = e.get("t").asLong();
          return e.get("m");
        }
      }
    }

    /** The milliseconds from sending a request to its response. */
    double timed(String method, JsonNode params) throws IOException, InterruptedException {
      return timed(method, params, TIMEOUT_S);
    }

    double timed(String method, JsonNode params, long timeoutSeconds)
        throws IOException, InterruptedException {
      long t0 = System.nanoTime();
      int id = request(method, params);
      next(m -> m.has("id") && m.get("id").asInt() == id, timeoutSeconds);
      return (lastReceived - t0) / 1e6;
    }

    void initialize() throws IOException, InterruptedException {
      ObjectNode p = F.objectNode();
      p.putNull("processId");
      p.put("rootUri", "file:///bench");
      ObjectNode caps = F.objectNode();
      caps.set(
          "textDocument",
          JSON.readTree(
              "{\"publishDiagnostics\":{\"versionSupport\":true},\"hover\":{\"contentFormat\":[\"markdown\",\"plaintext\"]},"
                  + "\"completion\":{\"completionItem\":{\"snippetSupport\":true}},"
                  + "\"semanticTokens\":{\"requests\":{\"full\":{\"delta\":true}},\"tokenTypes\":[],\"tokenModifiers\":[],\"formats\":[\"relative\"]}}"));
      p.set("capabilities", caps);
      int id = request("initialize", p);
      next(m -> m.has("id") && m.get("id").asInt() == id);
      long t = lastReceived;
      notify("initialized", F.objectNode());
      lastReceived = t;
    }

    void open(String text) throws IOException {
      ObjectNode td =
          F.objectNode()
              .put("uri", URI)
              .put("languageId", "dockerfile")
              .put("version", 1)
              .put("text", text);
      ObjectNode p = F.objectNode();
      p.set("textDocument", td);
      notify("textDocument/didOpen", p);
    }

    void change(int version, int line, int col, int endLine, int endCol, String text)
        throws IOException {
      ObjectNode p = F.objectNode();
      p.set("textDocument", F.objectNode().put("uri", URI).put("version", version));
      ArrayNode changes = p.putArray("contentChanges");
      ObjectNode c = changes.addObject();
      ObjectNode range = c.putObject("range");
      range.set("start", F.objectNode().put("line", line).put("character", col));
      range.set("end", F.objectNode().put("line", endLine).put("character", endCol));
      c.put("text", text);
      notify("textDocument/didChange", p);
      lastVersionSent = version;
    }

    int lastVersionSent;

    /**
     * The publishDiagnostics for {@code version}: by its version when the server sends one (it may
     * skip superseded versions), else the next one.
     */
    void waitDiagnostics(int version) throws InterruptedException {
      waitDiagnostics(version, TIMEOUT_S);
    }

    void waitDiagnostics(int version, long timeoutSeconds) throws InterruptedException {
      next(
          m ->
              "textDocument/publishDiagnostics".equals(m.path("method").asText())
                  && (!m.path("params").has("version")
                      || m.path("params").path("version").asInt() >= version),
          timeoutSeconds);
    }

    double rssMb() throws IOException {
      for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      return Double.NaN;
    }

    void shutdown() throws IOException, InterruptedException {
      int id = request("shutdown", null);
      next(m -> m.has("id") && m.get("id").asInt() == id);
      notify("exit", null);
      process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
