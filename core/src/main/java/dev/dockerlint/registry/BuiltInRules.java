package dev.dockerlint.registry;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.parity.*;
import dev.dockerlint.rules.syntax.EmptyContinuationLine;
import dev.dockerlint.rules.syntax.SyntaxError;
import java.util.List;

/** The only list of dockerlint's rules. A rule that is not here does not exist. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        new SyntaxError(),
        new EmptyContinuationLine(),
        new MaintainerDeprecated(),
        new UntaggedImage(),
        new LatestTag(),
        new UntrustedRegistry(),
        new DuplicateStageName(),
        new ReservedStageName(),
        new CopyFromUnknownStage(),
        new CopyFromOwnStage(),
        new CopyEntireFilesystem(),
        new InstructionBeforeFrom(),
        new ForbiddenOnbuildTrigger(),
        new StageNameCasing(),
        new FromAsCasing(),
        new UndefinedArgInFrom(),
        new InvalidDefaultArgInFrom(),
        new UnpinnedAptGetPackage(),
        new AptListsNotDeleted(),
        new AptGetWithoutYes(),
        new AptGetInstallRecommends(),
        new AptInRun(),
        new UnpinnedPipPackage(),
        new PipCacheNotDisabled(),
        new UnpinnedNpmPackage(),
        new UnpinnedApkPackage(),
        new ApkAddWithoutNoCache(),
        new UnpinnedGem(),
        new UnpinnedGoPackage(),
        new YarnCacheNotCleaned(),
        new YumInstallWithoutYes(),
        new YumCleanMissing(),
        new UnpinnedYumPackage(),
        new ZypperWithoutNonInteractive(),
        new ZypperDistUpgrade(),
        new ZypperCleanMissing(),
        new UnpinnedZypperPackage(),
        new DnfInstallWithoutYes(),
        new DnfCleanMissing(),
        new UnpinnedDnfPackage(),
        new PointlessCommandInRun(),
        new CdInRun(),
        new SudoInRun(),
        new UseraddHighUid(),
        new WgetWithoutProgress(),
        new WgetAndCurl(),
        new LnBinSh(),
        new PipeWithoutPipefail(),
        new ConsecutiveRun(),
        new CopiedArchiveExtracted(),
        new RelativeWorkdir(),
        new RootUser(),
        new PortOutOfRange(),
        new MultipleHealthcheck(),
        new MultipleCmd(),
        new MultipleEntrypoint(),
        new AddInsteadOfCopy(),
        new CopyManyToFile(),
        new EnvSelfReference(),
        new CopyRelativeWithoutWorkdir(),
        new NonNumericUser(),
        new SecretInArgOrEnv());
  }
}
