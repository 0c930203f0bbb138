/**
 * The filesystem of each build stage as far as the Dockerfile, its build context and (when an
 * {@link dev.dockerlint.image.ImageMetadataSource} can list them) its base images tell, and what
 * happens when a program is started in it.
 *
 * <ul>
 *   <li>{@link dev.dockerlint.imagefs.ImageFs#of} builds, once per lint run, a {@link
 *       dev.dockerlint.imagefs.StageFs} per stage: the base ({@code FROM scratch} is empty, an
 *       earlier stage is its final state, an image is its file index or unknown) with every COPY,
 *       ADD, RUN and WORKDIR on top. {@link dev.dockerlint.imagefs.StageFs#before}, {@link
 *       dev.dockerlint.imagefs.StageFs#during} (with a RUN's mounts) and {@link
 *       dev.dockerlint.imagefs.StageFs#atEnd} give an {@link dev.dockerlint.imagefs.FsView}.
 *   <li>{@link dev.dockerlint.imagefs.FsView#resolve} answers "what is at this path, after
 *       symlinks?" with {@link dev.dockerlint.imagefs.FsState}: present (with mode, owner, content
 *       facts and origin), absent, or unknown, plus the RUN lines that may have changed it. {@link
 *       dev.dockerlint.imagefs.PathLookup} resolves a program name in the {@code PATH} ({@link
 *       dev.dockerlint.imagefs.SearchPath}, ENV PATH followed).
 *   <li>{@link dev.dockerlint.imagefs.ExecAnalysis} follows every program the Dockerfile starts
 *       ({@link dev.dockerlint.imagefs.ExecSite}) like runc and the kernel do and returns {@link
 *       dev.dockerlint.imagefs.ExecProblem}s with the error text they predict.
 * </ul>
 *
 * <p>The rule of the package: unknown is never an error. RUN commands the analysis cannot follow
 * may change anything, which turns errors into warnings that name the RUN.
 */
package dev.dockerlint.imagefs;
