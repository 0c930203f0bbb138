package dev.dockerlint.config;

/** A rule code, name or alias written in a configuration file, and the line it is on. */
public record RuleRef(String id, int line) {}
