package dev.dockerlint.rules;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file to lint: its tree and model, the display path, the build context directory when one is
 * known (rules that inspect copied files need it) and where facts about base images come from.
 */
public record LintInput(
    String path,
    Dockerfile file,
    SemanticModel model,
    Optional<Path> contextDir,
    ImageMetadataSource images) {}
