package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.UserLookup;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, the config's {@code User} names a user (or group) that the image's {@code
 * /etc/passwd} (or {@code /etc/group}) does not have, so runc cannot switch to it and no container
 * of the image starts. Numeric ids need no entry.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#user">USER</a>
 */
@RuleInfo(
    code = "DKL1610",
    name = "image-user-not-found",
    severity = Severity.ERROR,
    summary = "The user the container runs as does not exist in the image",
    predicts = {Predicts.NO_PASSWD_ENTRY, Predicts.NO_GROUP_ENTRY})
public final class ImageUserNotFound implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    if (ctx.input().analysis().userFailure().isEmpty()) {
      return;
    }
    UserLookup.Result.Failed f = ctx.input().analysis().userFailure().get();
    String user = ctx.input().config().user().orElse("");
    Finding finding =
        Finding.of(
                ImageCheckContext.IMAGE,
                "USER "
                    + user
                    + " is not in "
                    + f.file()
                    + ": no container of the image starts (\""
                    + f.error()
                    + "\"); create it in the image (useradd, or a line in "
                    + f.file()
                    + ") or use a numeric id")
            .withImage(ImageCheckContext.place(ctx.input(), f.file()))
            .withPredicts(
                f.file().equals("/etc/group") ? Predicts.NO_GROUP_ENTRY : Predicts.NO_PASSWD_ENTRY);
    ctx.report(finding);
  }
}
