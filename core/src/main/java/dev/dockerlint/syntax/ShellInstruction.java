package dev.dockerlint.syntax;

import java.util.Optional;

/** SHELL: the shell used for shell-form instructions; only exec form is valid. */
public record ShellInstruction(Header header, Optional<Command> command) implements Instruction {}
