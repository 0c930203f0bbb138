package dev.dockerlint.imagefs;

import dev.dockerlint.rules.Predicts;
import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * Why starting a {@link Launch} will fail: the program itself, its {@code #!} interpreter (and that
 * one's), {@code env}'s program or the ELF loader.
 *
 * @param kind what is wrong
 * @param predicts the error Docker prints, when it is sure to be this one
 * @param message the finding for the user: cause, error and remedy
 * @param maybeFixedBy RUN instructions that may repair it
 * @param certain false when it fails only on some hosts (a 32-bit ARM binary on arm64), or when the
 *     finding rests on an assumption
 * @param node the file at fault, when there is one
 * @param path the path the finding is about: the file at fault, else the missing program's path (or
 *     its name, when a PATH lookup found nothing)
 */
public record LaunchProblem(
    ExecProblem.Kind kind,
    Optional<Predicts> predicts,
    String message,
    List<Instruction> maybeFixedBy,
    boolean certain,
    Optional<FsNode> node,
    String path) {

  public LaunchProblem {
    maybeFixedBy = List.copyOf(maybeFixedBy);
  }
}
