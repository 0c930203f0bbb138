package dev.dockerlint.syntax;

import java.util.Optional;

/**
 * HEALTHCHECK [options] CMD command, or HEALTHCHECK NONE. {@code type} is the word after the
 * options.
 */
public record HealthcheckInstruction(Header header, Optional<Word> type, Optional<Command> command)
    implements Instruction {}
