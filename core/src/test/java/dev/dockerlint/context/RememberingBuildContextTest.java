package dev.dockerlint.context;

/** Every build context test again, with a context that remembers its file system answers. */
class RememberingBuildContextTest extends BuildContextTest {
  @Override
  ContextFiles files() {
    return ContextFiles.remembering();
  }
}
