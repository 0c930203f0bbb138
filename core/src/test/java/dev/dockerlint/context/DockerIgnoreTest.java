package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {
  private static DockerIgnore ignore(String... lines) {
    return DockerIgnore.parse(String.join("\n", lines));
  }

  @Test
  void emptyIgnoreExcludesNothing() {
    assertThat(DockerIgnore.empty().isExcluded("anything")).isFalse();
  }

  @Test
  void starStaysInTheRootDirectory() {
    DockerIgnore ignore = ignore("*.md");

    assertThat(ignore.isExcluded("README.md")).isTrue();
    assertThat(ignore.isExcluded("docs/guide.md")).isFalse();
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectories() {
    DockerIgnore ignore = ignore("**/*.md");

    assertThat(ignore.isExcluded("README.md")).isTrue();
    assertThat(ignore.isExcluded("docs/a/guide.md")).isTrue();
    assertThat(ignore.isExcluded("main.go")).isFalse();
  }

  @Test
  void directoryPatternExcludesEverythingBelow() {
    DockerIgnore ignore = ignore("node_modules");

    assertThat(ignore.isExcluded("node_modules")).isTrue();
    assertThat(ignore.isExcluded("node_modules/left-pad/index.js")).isTrue();
    assertThat(ignore.isExcluded("src/node_modules")).isFalse();
  }

  @Test
  void parentMatchingUsesWildcardsToo() {
    DockerIgnore ignore = ignore("*/temp*");

    assertThat(ignore.isExcluded("somedir/temporary.txt")).isTrue();
    assertThat(ignore.isExcluded("somedir/temp/inner/file")).isTrue();
    assertThat(ignore.isExcluded("temporary.txt")).isFalse();
  }

  @Test
  void questionMarkMatchesOneCharacter() {
    DockerIgnore ignore = ignore("temp?");

    assertThat(ignore.isExcluded("tempa")).isTrue();
    assertThat(ignore.isExcluded("temp")).isFalse();
    assertThat(ignore.isExcluded("tempab")).isFalse();
  }

  @Test
  void exceptionIncludesAgain() {
    DockerIgnore ignore = ignore("*.md", "!README.md");

    assertThat(ignore.isExcluded("README.md")).isFalse();
    assertThat(ignore.isExcluded("CHANGES.md")).isTrue();
    assertThat(ignore.hasExceptions()).isTrue();
  }

  @Test
  void laterLinesWin() {
    DockerIgnore ignore = ignore("*.md", "!README*.md", "README-secret.md");

    assertThat(ignore.isExcluded("README-secret.md")).isTrue();
    assertThat(ignore.isExcluded("README-public.md")).isFalse();
  }

  @Test
  void laterExceptionOverridesEarlierExclusion() {
    DockerIgnore ignore = ignore("*.md", "README-secret.md", "!README*.md");

    assertThat(ignore.isExcluded("README-secret.md")).isFalse();
  }

  @Test
  void exceptionInsideAnExcludedDirectory() {
    DockerIgnore ignore = ignore("docs", "!docs/keep.md");

    assertThat(ignore.isExcluded("docs/keep.md")).isFalse();
    assertThat(ignore.isExcluded("docs/other.md")).isTrue();
    assertThat(ignore.isExcluded("docs")).isTrue();
  }

  @Test
  void excludeEverythingButOneDirectory() {
    DockerIgnore ignore = ignore("*", "!src");

    assertThat(ignore.isExcluded("src/main.go")).isFalse();
    assertThat(ignore.isExcluded("Dockerfile")).isTrue();
  }

  @ParameterizedTest(name = "''{0}'' means foo")
  @CsvSource({"/foo", "./foo", "foo/", "foo//", "  foo  ", "bar/../foo"})
  void patternsAreCleaned(String pattern) {
    DockerIgnore ignore = ignore(pattern);

    assertThat(ignore.isExcluded("foo")).isTrue();
    assertThat(ignore.rules()).extracting(DockerIgnore.Rule::pattern).containsExactly("foo");
  }

  @Test
  void hashInColumnOneIsAComment() {
    DockerIgnore ignore = ignore("# secret", "  # not a comment");

    assertThat(ignore.isExcluded("# secret")).isFalse();
    assertThat(ignore.isExcluded("# not a comment")).isTrue();
  }

  @Test
  void blankLinesAreSkipped() {
    assertThat(ignore("", "   ", "a").rules()).hasSize(1);
  }

  @Test
  void ruleLineNumbersCountCommentsAndBlanks() {
    assertThat(ignore("# c", "", "a").rules())
        .containsExactly(new DockerIgnore.Rule(3, "a", false));
  }

  @Test
  void crlfLineEndingsAreAccepted() {
    DockerIgnore ignore = DockerIgnore.parse("a.txt\r\nb.txt\r\n");

    assertThat(ignore.isExcluded("a.txt")).isTrue();
    assertThat(ignore.isExcluded("b.txt")).isTrue();
  }

  @Test
  void byteOrderMarkOnTheFirstLineIsDropped() {
    assertThat(DockerIgnore.parse("\ufeffsecret").isExcluded("secret")).isTrue();
  }

  @Test
  void trailingDoubleStarMatchesTheContentsButNotTheDirectory() {
    DockerIgnore ignore = ignore("build/**");

    assertThat(ignore.isExcluded("build/out/app")).isTrue();
    assertThat(ignore.isExcluded("build")).isFalse();
  }

  @Test
  void leadingDoubleStarMatchesAtAnyDepth() {
    DockerIgnore ignore = ignore("**/.git");

    assertThat(ignore.isExcluded(".git")).isTrue();
    assertThat(ignore.isExcluded("vendor/lib/.git/config")).isTrue();
    assertThat(ignore.isExcluded("x.git")).isFalse();
  }

  @Test
  void doubleStarAloneExcludesEverything() {
    assertThat(ignore("**").isExcluded("a/b/c")).isTrue();
  }

  @Test
  void characterClassesMatch() {
    DockerIgnore ignore = ignore("log[0-9].txt", "[^a]z");

    assertThat(ignore.isExcluded("log7.txt")).isTrue();
    assertThat(ignore.isExcluded("logx.txt")).isFalse();
    assertThat(ignore.isExcluded("bz")).isTrue();
    assertThat(ignore.isExcluded("az")).isFalse();
  }

  @Test
  void escapedStarIsLiteral() {
    DockerIgnore ignore = ignore("a\\*b");

    assertThat(ignore.isExcluded("a*b")).isTrue();
    assertThat(ignore.isExcluded("axb")).isFalse();
  }

  @Test
  void regexCharactersAreLiteral() {
    DockerIgnore ignore = ignore("a.b+(c)*");

    assertThat(ignore.isExcluded("a.b+(c)d")).isTrue();
    assertThat(ignore.isExcluded("axb+(c)d")).isFalse();
  }

  @Test
  void rootIsNeverExcluded() {
    assertThat(ignore("*").isExcluded(".")).isFalse();
  }

  @Test
  void lonelyExclamationMarkIsInvalid() {
    DockerIgnore ignore = ignore("a", "!");

    assertThat(ignore.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    assertThat(ignore.isExcluded("a")).isTrue();
  }

  @Test
  void unterminatedClassIsInvalid() {
    assertThat(ignore("foo[").problems()).hasSize(1);
  }

  @Test
  void reversedRangeIsInvalid() {
    assertThat(ignore("[z-a]").problems()).hasSize(1);
  }

  @Test
  void exceptionWithWildcardsMayIncludeBelowAnyDirectory() {
    DockerIgnore ignore = ignore("*", "!**/*.go");

    assertThat(ignore.mayIncludeBelow("vendor")).isTrue();
    assertThat(ignore.isExcluded("vendor/x/main.go")).isFalse();
  }

  @Test
  void literalExceptionMayIncludeOnlyBelowItsOwnParents() {
    DockerIgnore ignore = ignore("docs", "!docs/keep.md");

    assertThat(ignore.mayIncludeBelow("docs")).isTrue();
    assertThat(ignore.mayIncludeBelow("other")).isFalse();
  }
}
