package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChmodTest {
  @Test
  void octalReplacesTheMode() {
    Chmod chmod = Chmod.parse("755");

    assertThat(chmod.octal()).hasValue(0755);
    assertThat(chmod.apply(0600, false)).isEqualTo(0755);
  }

  @Test
  void octalKeepsSpecialBits() {
    assertThat(Chmod.parse("4755").apply(0644, false)).isEqualTo(04755);
  }

  @Test
  void octalAboveTheLimitIsInvalid() {
    assertThat(Chmod.parse("17777").error())
        .hasValueSatisfying(e -> assertThat(e).contains("07777"));
  }

  @Test
  void nonOctalDigitsAreInvalid() {
    assertThat(Chmod.parse("0855").error()).isPresent();
  }

  @Test
  void invalidValueChangesNothing() {
    assertThat(Chmod.parse("u+q").apply(0640, false)).isEqualTo(0640);
  }

  @ParameterizedTest(name = "{0} on {1} ({2}) gives {3}")
  @CsvSource({
    "+x, 0644, file, 0755",
    "u+x, 0644, file, 0744",
    "a-w, 0666, file, 0444",
    "go-w, 0666, file, 0644",
    "'u=rwX,go=rX', 0644, file, 0644",
    "'u=rwX,go=rX', 0755, file, 0755",
    "'u=rwX,go=rX', 0700, dir, 0755",
    "g=u, 0640, file, 0660",
    "go=u-w, 0755, file, 0755",
    "go=u-w, 0775, file, 0755",
    "o=, 0777, file, 0770",
    "=r, 0777, file, 0444",
    "u+s, 0755, file, 04755",
    "o+s, 0755, file, 0755",
    "+t, 0755, dir, 01755",
    "-X, 0755, file, 0644",
    "+X, 0644, file, 0644",
    "+X, 0644, dir, 0755",
    "'u+r,g+w', 0000, file, 0420",
    "u+r-w, 0200, file, 0400",
  })
  void symbolicModes(String mode, String before, String kind, String after) {
    Chmod chmod = Chmod.parse(mode);

    assertThat(chmod.error()).isEmpty();
    assertThat(chmod.symbolic()).isTrue();
    assertThat(chmod.apply(Integer.parseInt(before, 8), kind.equals("dir")))
        .isEqualTo(Integer.parseInt(after, 8));
  }

  @ParameterizedTest(name = "''{0}'' is invalid")
  @CsvSource({"''", "u", "'u+x,'", "x+u", "u*x", "9"})
  void malformedSymbolicModes(String mode) {
    assertThat(Chmod.parse(mode).error()).isPresent();
  }
}
