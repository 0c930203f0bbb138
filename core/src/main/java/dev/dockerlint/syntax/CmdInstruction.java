package dev.dockerlint.syntax;

import java.util.Optional;

/** CMD: the default command of the image, or default arguments of ENTRYPOINT. */
public record CmdInstruction(Header header, Optional<Command> command) implements Instruction {}
