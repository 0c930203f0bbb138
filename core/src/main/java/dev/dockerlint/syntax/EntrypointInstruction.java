package dev.dockerlint.syntax;

import java.util.Optional;

/** ENTRYPOINT: the program a container runs. */
public record EntrypointInstruction(Header header, Optional<Command> command)
    implements Instruction {}
