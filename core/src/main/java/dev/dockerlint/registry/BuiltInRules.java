package dev.dockerlint.registry;

import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.buildcontext.CopySourceIgnored;
import dev.dockerlint.rules.buildcontext.CopySourceNotFound;
import dev.dockerlint.rules.buildcontext.UnreadableContextSource;
import dev.dockerlint.rules.crossbuild.CompileUnderEmulation;
import dev.dockerlint.rules.crossbuild.CopyFromForeignPlatformStage;
import dev.dockerlint.rules.crossbuild.CrossBuildIgnoresTarget;
import dev.dockerlint.rules.crossbuild.HardCodedArchitecture;
import dev.dockerlint.rules.exec.BomBeforeShebang;
import dev.dockerlint.rules.exec.CrlfShebang;
import dev.dockerlint.rules.exec.ForeignBinary;
import dev.dockerlint.rules.exec.InterpreterNotFound;
import dev.dockerlint.rules.exec.MissingDynamicLoader;
import dev.dockerlint.rules.exec.MissingExecBit;
import dev.dockerlint.rules.exec.ProgramNotFound;
import dev.dockerlint.rules.exec.ScriptWithoutShebang;
import dev.dockerlint.rules.exec.ShellNotFound;
import dev.dockerlint.rules.image.ImageNotInspected;
import dev.dockerlint.rules.image.InvalidBaseImagePlatform;
import dev.dockerlint.rules.imagecheck.ImageBomBeforeShebang;
import dev.dockerlint.rules.imagecheck.ImageCrlfShebang;
import dev.dockerlint.rules.imagecheck.ImageForeignBinary;
import dev.dockerlint.rules.imagecheck.ImageInterpreterNotFound;
import dev.dockerlint.rules.imagecheck.ImageMissingDynamicLoader;
import dev.dockerlint.rules.imagecheck.ImagePlatformMismatch;
import dev.dockerlint.rules.imagecheck.ImageProgramNotExecutable;
import dev.dockerlint.rules.imagecheck.ImageProgramNotFound;
import dev.dockerlint.rules.imagecheck.ImageScriptWithoutShebang;
import dev.dockerlint.rules.imagecheck.ImageShellNotFound;
import dev.dockerlint.rules.imagecheck.ImageUserNotFound;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.rules.platform.ArchPrefixedImage;
import dev.dockerlint.rules.platform.ConstantPlatformFlag;
import dev.dockerlint.rules.platform.FinalStageOnBuildPlatform;
import dev.dockerlint.rules.platform.RedundantTargetPlatform;
import dev.dockerlint.rules.platform.RunUnderEmulation;
import dev.dockerlint.rules.shellform.ShellFormCommand;
import dev.dockerlint.rules.shellform.ShellFormRunWithoutShell;
import dev.dockerlint.rules.syntax.EmptyContinuationLine;
import dev.dockerlint.rules.syntax.SyntaxError;
import java.util.List;

/**
 * The only list of dockerlint's rules: those of Dockerfiles ({@link #all}) and those of built
 * images ({@link #imageChecks}). A rule that is not here does not exist.
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        new SyntaxError(),
        new EmptyContinuationLine(),
        new MaintainerDeprecated(),
        new ShellFormCommand(),
        new ShellFormRunWithoutShell(),
        new ConstantPlatformFlag(),
        new RedundantTargetPlatform(),
        new FinalStageOnBuildPlatform(),
        new ArchPrefixedImage(),
        new RunUnderEmulation(),
        new CrossBuildIgnoresTarget(),
        new HardCodedArchitecture(),
        new CompileUnderEmulation(),
        new CopyFromForeignPlatformStage(),
        new ForeignBinary(),
        new ScriptWithoutShebang(),
        new BomBeforeShebang(),
        new CrlfShebang(),
        new MissingExecBit(),
        new ProgramNotFound(),
        new InterpreterNotFound(),
        new ShellNotFound(),
        new MissingDynamicLoader(),
        new CopySourceNotFound(),
        new UnreadableContextSource(),
        new CopySourceIgnored(),
        new InvalidBaseImagePlatform(),
        new ImageNotInspected());
  }

  /** The checks of {@code dockerlint image}. */
  public static List<ImageCheck> imageChecks() {
    return List.of(
        new ImageForeignBinary(),
        new ImageScriptWithoutShebang(),
        new ImageBomBeforeShebang(),
        new ImageCrlfShebang(),
        new ImageProgramNotExecutable(),
        new ImageProgramNotFound(),
        new ImageInterpreterNotFound(),
        new ImageShellNotFound(),
        new ImageMissingDynamicLoader(),
        new ImagePlatformMismatch(),
        new ImageUserNotFound());
  }
}
