package dev.dockerlint.imagefs;

import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Optional;

/**
 * A program about to be started and what its start depends on: the filesystem it is looked up in,
 * the {@code PATH}, the working directory, the user and the platforms whose binaries run there.
 * {@link ExecAnalysis#follow} follows it as runc and the kernel do. A Dockerfile's {@link ExecSite}
 * is one ({@link ExecSite#launch}); a built image's entrypoint or health check is another ({@link
 * ImageAnalysis}).
 *
 * @param kind what starts the program (decides the wording of "fails with")
 * @param program the program as written: a path, or a name looked up in {@code path}
 * @param view the filesystem
 * @param path the {@code PATH} for names without a slash
 * @param workdir the working directory, for relative paths
 * @param user the user as written ({@code USER})
 * @param credentials the user's numeric identity, when it is known exactly (an image's {@code
 *     /etc/passwd} and {@code /etc/group} resolved it); then permissions are checked as the kernel
 *     checks them, including read access to scripts and search access to directories
 * @param platforms the platforms whose binaries run natively there
 * @param scope what the filesystem belongs to, for messages
 * @param unbuiltStage the stage's name when BuildKit does not build it (findings are then warnings)
 */
public record Launch(
    ExecSite.Kind kind,
    String program,
    FsView view,
    SearchPath path,
    String workdir,
    UserSpec user,
    Optional<Credentials> credentials,
    List<Platform> platforms,
    Scope scope,
    Optional<String> unbuiltStage) {

  public Launch {
    platforms = List.copyOf(platforms);
  }

  /** What the filesystem belongs to. */
  public enum Scope {
    /** A build stage of a Dockerfile. */
    STAGE("this stage"),
    /** A built image. */
    IMAGE("the image");

    private final String where;

    Scope(String where) {
      this.where = where;
    }

    /** "this stage" or "the image", as in "does not exist in ...". */
    public String where() {
      return where;
    }
  }

  /** Whether the build runs this program's stage (always, for an image). */
  public boolean built() {
    return unbuiltStage.isEmpty();
  }
}
