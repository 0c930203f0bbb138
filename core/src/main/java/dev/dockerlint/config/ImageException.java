package dev.dockerlint.config;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.ImagePlace;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code image-ignore} entry of the configuration: findings of {@code dockerlint image} that a
 * team accepts, narrowed by rule, by image and by path inside the image. A finding is dropped when
 * every part the entry gives matches it (an absent part matches all).
 *
 * <p>Image and path patterns are globs: {@code *} and {@code ?} stay within one {@code /}-separated
 * element, {@code **} crosses them. Images are matched as given on the command line ({@code
 * registry.example/app:1.0}, {@code oci:build/oci}); paths are absolute paths in the image.
 *
 * @param rules codes, names or aliases of image checks; empty: every check
 * @param images globs over the image as given; empty: every image
 * @param paths globs over the path in the image; empty: every path
 * @param line where the entry starts in the configuration file
 */
public record ImageException(
    List<RuleRef> rules, List<String> images, List<String> paths, int line) {

  public ImageException {
    rules = List.copyOf(rules);
    images = List.copyOf(images);
    paths = List.copyOf(paths);
  }

  /** Whether {@code d}, a finding about a built image, is one this entry accepts. */
  public boolean covers(Diagnostic d) {
    if (d.image().isEmpty()) {
      return false;
    }
    ImagePlace at = d.image().get();
    return (rules.isEmpty() || rules.stream().anyMatch(r -> d.rule().matches(r.id())))
        && (images.isEmpty()
            || images.stream().anyMatch(g -> glob(g).matcher(at.image()).matches()))
        && (paths.isEmpty() || paths.stream().anyMatch(g -> glob(g).matcher(at.path()).matches()));
  }

  /**
   * The regular expression of a glob ({@code *}, {@code ?} within an element, {@code **} across).
   */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
