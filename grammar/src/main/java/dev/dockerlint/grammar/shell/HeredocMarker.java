package dev.dockerlint.grammar.shell;
public record HeredocMarker(String name, int fileDescriptor, boolean expand, boolean chomp) {}
