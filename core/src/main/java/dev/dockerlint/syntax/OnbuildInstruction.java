package dev.dockerlint.syntax;

import java.util.Optional;

/** ONBUILD instruction: runs when the image is used as a base. */
public record OnbuildInstruction(Header header, Optional<Instruction> trigger)
    implements Instruction {}
